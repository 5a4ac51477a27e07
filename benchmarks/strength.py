"""AI-vs-AI strength on the mirrored arena: `python -m benchmarks.strength [runs]`.

Each run alternates which side the SRW AI plays, which side moves first and which half of
the map each side starts on, so neither the first move nor the map decides the result.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from benchmarks.legacy_ai import LegacySRWController
from game.ai import Controller, make_controller
from game.sim import play_out
from tests.ai.arena import FORCE, HERO_FORCE, arena_battle

MAX_TURNS = 25


@dataclass(frozen=True)
class Tally:
    opponent: str
    runs: int
    wins: int
    losses: int
    draws: int
    turns: float

    @property
    def win_rate(self) -> float:
        return self.wins / self.runs

    def __str__(self) -> str:
        return (
            f"srw vs {self.opponent}: {self.wins}/{self.runs} wins ({self.win_rate:.1%}), "
            f"{self.losses} losses, {self.draws} turn-limit draws, {self.turns:.1f} turns on average"
        )


def controller(name: str, level: str) -> Controller:
    """A controller by name; `legacy` is the SRW AI before its second version."""
    if name == "legacy":
        return LegacySRWController(level)
    return make_controller(name, level)


def one_run(args: tuple[str, int, str, bool]) -> tuple[str | None, str, int]:
    """(winner, side the SRW AI played, turns) of run `i` against `opponent`."""
    opponent, i, level, hero = args
    srw_side = "player" if i % 2 == 0 else "enemy"
    first = ("player", "enemy") if (i // 2) % 2 == 0 else ("enemy", "player")
    left = "player" if (i // 4) % 2 == 0 else "enemy"
    state = arena_battle(10_000 + i, left=left, phase_order=first, force=HERO_FORCE if hero else FORCE)
    other = "enemy" if srw_side == "player" else "player"
    name, _, their_level = opponent.partition(":")  # e.g. "srw:easy"
    result = play_out(
        state,
        {srw_side: make_controller("srw", level), other: controller(name, their_level or "normal")},
        max_turns=MAX_TURNS,
    )
    return result.winner, srw_side, result.turns


def matchup(opponent: str, runs: int, level: str = "normal", *, hero: bool = False, workers: int = 2) -> Tally:
    jobs: Iterable[tuple[str, int, str, bool]] = [(opponent, i, level, hero) for i in range(runs)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one_run, jobs, chunksize=4))
    wins = sum(1 for winner, side, _ in results if winner == side)
    draws = sum(1 for winner, _, _ in results if winner is None)
    turns = sum(t for _, _, t in results) / runs
    return Tally(opponent, runs, wins, runs - wins - draws, draws, turns)


def main(argv: list[str]) -> None:
    runs = int(argv[1]) if len(argv) > 1 else 200
    for opponent in ("random", "greedy"):
        print(matchup(opponent, runs))
    for opponent in ("random", "greedy"):
        print("with the hero Layzner:", matchup(opponent, runs, hero=True))
    print("normal", matchup("srw:normal", runs))
    print("normal", matchup("srw:easy", runs))
    print("hard", matchup("srw:normal", runs, "hard"))
    print("normal", matchup("legacy:normal", runs))
    print("hard", matchup("legacy:hard", runs, "hard"))


if __name__ == "__main__":
    main(sys.argv)
