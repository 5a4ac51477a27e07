"""`simulate --campaign`: the spending policy on a campaign state, a one-stage campaign
played by the AI through the policy, the per-stage table and the command line."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from game.campaign import CampaignRules, PilotRecord, equipped_of, start_campaign, upgrades_of
from game.campaign.autoplay import format_table, play_campaign
from game.campaign.bonuses import steps_to_full
from game.campaign.policy import prepare
from game.core.defs import frozen_map
from game.data import load_game_data
from game.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]


def data() -> object:
    result = load_game_data(ROOT, user_mods=False, check_assets_exist=False)
    assert result.ok, result.format_problems()
    return result


def test_the_policy_fills_slots_upgrades_the_lead_and_trains() -> None:
    result = data()
    rules = CampaignRules.from_data(result)
    state = start_campaign(["seal_of_grados"], rules)
    state = replace(state, funds=200_000, pilots=frozen_map({"eiji": PilotRecord(30, 0, 0, pp=30)}))
    scenario = load_scenario("seal_of_grados", result, root=ROOT)
    after, spent = prepare(state, scenario, rules)
    assert spent.funds == state.funds - after.funds > 0
    assert len(equipped_of(after, "layzner_mk2", rules)) == rules.growth.slots("layzner_mk2")
    assert steps_to_full(after, "layzner_mk2", rules) == 0 and after.full_bonus.get("layzner_mk2")
    assert sum(upgrades_of(after, "layzner_mk2", rules).values()) > 0
    assert after.pilots["eiji"].pp < min(rules.growth.stat_costs) and spent.pp == 30 - after.pilots["eiji"].pp
    assert after.deploy["seal_of_grados"], "the policy chose who deploys"


def test_a_one_stage_campaign_played_headless_reports_its_economy() -> None:
    result = data()
    run = play_campaign(result, ["blue_comet_falls"], seed=3)
    stage = run.stages[0]
    assert stage.won and stage.attempts >= 1 and stage.turns > 0
    assert stage.funds_earned > 0 and stage.pp_earned > 0 and stage.top_level >= 20
    assert run.funds_left == stage.funds_start - stage.funds_spent + stage.funds_earned
    table = format_table([run], ["blue_comet_falls"], {"blue_comet_falls": "The Blue Comet Falls"})
    assert "The Blue Comet Falls" in table and "campaigns completed: 1/1" in table


def test_the_command_line_refuses_a_scenario_with_campaign() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "run_game.py"), "simulate", "blue_comet_falls", "--campaign"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 2 and "--campaign plays every campaign scenario" in out.stderr
    assert "Traceback" not in out.stderr


def test_the_autoplay_takes_a_route_at_the_storys_branch() -> None:
    from game.campaign.story import Branch, Route, Story

    result = data()
    story = Story(Branch("blue_comet_falls", "Which way?", "", (Route("desert", "Desert", "", ("sandstorm_decoy",)),)))
    run = play_campaign(result, ["blue_comet_falls"], seed=3, story=story)
    assert run.route == "desert"
    assert [s.scenario for s in run.stages] == ["blue_comet_falls", "sandstorm_decoy"]
    assert "Sandstorm" in format_table([run], ["blue_comet_falls"], {"sandstorm_decoy": "Sandstorm Decoy"})
