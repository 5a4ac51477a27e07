"""`run_game.py simulate --campaign --runs N`: the whole campaign played headless N times
(seeds seed..seed+N-1), with the per-stage economy table of docs/BALANCE.md."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def run_campaign(args: argparse.Namespace) -> int:
    from game.campaign import CampaignError
    from game.campaign.autoplay import format_table, simulate_campaign
    from game.campaign.story import load_story
    from game.data import default_game_dir
    from game.scenario import list_scenarios
    from game.sim.simulate import SimulationError, load_data

    if args.scenario is not None:
        print("simulate: --campaign plays every campaign scenario; leave out the scenario id", file=sys.stderr)
        return 2
    if args.compare or args.report or args.replay_out:
        print("simulate: --campaign does not take --compare, --report or --replay-out", file=sys.stderr)
        return 2
    try:
        result = load_data(args.game_dir, [Path(m) for m in args.mods], args.overrides)
    except SimulationError as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 1
    listed = [e for e in list_scenarios(args.game_dir, [Path(m) for m in args.mods]) if e.order is not None]
    order = [e.id for e in listed if not e.problem]
    if not order:
        print("simulate: no campaign scenarios found", file=sys.stderr)
        return 1
    every = list_scenarios(args.game_dir, [Path(m) for m in args.mods])
    titles = {e.id: e.title or e.id for e in every}
    try:
        story = load_story(args.game_dir or default_game_dir())
    except CampaignError as exc:
        print(f"simulate: maps/campaign.yaml: {exc}", file=sys.stderr)
        return 1

    def progress(run: object) -> None:
        if not args.json:
            print(".", end="", file=sys.stderr, flush=True)

    runs = simulate_campaign(
        result,
        order,
        args.seed,
        args.runs,
        difficulty=args.difficulty,
        max_turns=args.max_turns,
        root=args.game_dir,
        mods=[Path(m) for m in args.mods],
        story=story,
        progress=progress,
    )
    if args.json:
        print(json.dumps({"order": order, "runs": [r.to_json() for r in runs]}, indent=2))
        return 0
    print(file=sys.stderr)
    played = max((len(r.stages) for r in runs), default=len(order))  # a route's stages included
    print(f"campaign: {played} stages, {args.runs} run(s) from seed {args.seed}, AI difficulty {args.difficulty}")
    print(format_table(runs, order, titles))
    return 0
