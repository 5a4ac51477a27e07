"""The whole story as shipped: every scenario is played to the end headless, and each one
has what a campaign stage needs (dialogue before, during and after, reinforcements, a bonus
objective, an enemy that Mercy spares); every shipped unit fights somewhere."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.core.defs import Definitions
from game.core.script import Deployment, Dialogue, Spawn
from game.data import load_game_data
from game.scenario import list_scenarios, load_scenario
from game.sim.simulate import simulate

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = [i.id for i in list_scenarios(ROOT) if i.source == "game"]


@cache
def shipped() -> Definitions:
    result = load_game_data(ROOT, user_mods=False, check_assets_exist=False)
    assert result.ok, result.format_problems()
    return result.definitions


def units_of(sid: str) -> list[Deployment]:
    sc = load_scenario(sid, shipped(), root=ROOT)
    out = list(sc.listed or sc.deployments)
    for t in sc.context.script.triggers:
        out += [d for a in t.actions if isinstance(a, Spawn) for d in a.units]
    return out


@pytest.mark.parametrize("sid", SHIPPED)
def test_played_to_the_end_by_the_ai(sid: str) -> None:
    report = simulate(sid, seed=1, runs=1, max_turns=30, defs=shipped(), game_dir=ROOT)
    run = report.runs[0]
    assert run.problems == ()
    assert run.winner is not None, f"{sid}: undecided after {run.turns} turns"
    assert run.turns >= 2


@pytest.mark.parametrize("sid", SHIPPED)
def test_a_complete_stage(sid: str) -> None:
    sc = load_scenario(sid, shipped(), root=ROOT)
    triggers = sc.context.script.triggers
    talk = [t for t in triggers if any(isinstance(a, Dialogue) for a in t.actions)]
    assert len(talk) >= 3, "dialogue before, during and after"
    assert any(isinstance(a, Spawn) for t in triggers for a in t.actions), "reinforcements"
    assert any(o.bonus for o in sc.context.script.objectives.values()), "a bonus objective"
    defs = shipped()
    enemies = [d for d in units_of(sid) if d.side == "enemy"]
    assert any(defs.units[d.unit].capturable for d in enemies), "an enemy whose pilot Mercy spares"


def test_every_shipped_unit_fights_somewhere() -> None:
    used = {d.unit for sid in SHIPPED for d in units_of(sid)}
    assert set(shipped().units) - used == set()
