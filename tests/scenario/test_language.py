"""The scenario language, piece by piece, on a small map: each condition and action does what
docs/SCENARIOS.md says, through real battles."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core import EndPhase, Move, apply
from game.core.state import BattleState
from game.scenario import ScenarioError, load_scenario
from tests.scenario.roster import campaign_definitions
from tests.scenario.test_errors import GOOD, write


def load(tmp_path: Path, extra: str = "", *, base: str = GOOD):  # type: ignore[no-untyped-def]
    write(tmp_path, base + extra)
    return load_scenario("skirmish", campaign_definitions(), root=tmp_path / "game")


def kinds(events: list) -> list[str]:  # type: ignore[type-arg]
    return [e.kind for e in events]


def test_reinforcements_on_a_taken_spawn_point_move_next_to_it(tmp_path: Path) -> None:
    extra = (
        "  - id: wave\n"
        "    when: {turn: 1, phase: enemy}\n"
        "    do:\n"
        "      - spawn:\n"
        "          - {uid: a, unit: dtol, pilot: grados_soldier, side: enemy, at: west}\n"
        "          - {uid: b, unit: dtol, pilot: grados_soldier, side: enemy, at: west}\n"
    )
    sc = load(tmp_path, extra)
    state, _ = sc.start(1)
    state, events = apply(state, EndPhase())
    spawned = [e for e in events if e.kind == "unit_spawned"]
    assert [e.unit for e in spawned] == ["a", "b"]  # type: ignore[attr-defined]
    # the hero stands on `west` (0, 0): both land on the nearest free tiles
    assert {state.unit("a").pos, state.unit("b").pos} == {(1, 0), (0, 1)}


def test_win_lose_and_flags(tmp_path: Path) -> None:
    extra = (
        "  - id: arrive\n"
        "    when: {in_region: {uid: hero, region: goal, count: 1}}\n"
        "    do:\n"
        "      - set_flag: {name: arrived, value: 2}\n"
        "  - id: done\n"
        "    when: {flag: {name: arrived, value: 2}}\n"
        "    do:\n"
        "      - lose: The trap was sprung\n"
    )
    sc = load(tmp_path, extra)
    state, _ = sc.start(1)
    state, _ = apply(state, Move("hero", (5, 0)))
    assert state.flags["arrived"] == 2
    assert state.outcome is not None
    assert (state.outcome.winner, state.outcome.reason) == ("enemy", "The trap was sprung")


def test_turn_every_and_after_turn(tmp_path: Path) -> None:
    extra = (
        "  - id: tick\n"
        "    when: {turn: 2, every: 2, phase: enemy}\n"
        "    repeat: true\n"
        "    do:\n"
        "      - change_will: {uid: foe, delta: 5}\n"
    )
    base = GOOD.replace(
        "      - {text: Hero down, when: {destroyed: hero}}", "      - {text: Too slow, when: {after_turn: 4}}"
    )
    sc = load(tmp_path, extra, base=base)
    state, _ = sc.start(1)
    fired = []
    while state.outcome is None:
        state, events = apply(state, EndPhase())
        fired += [(state.turn, e.trigger) for e in events if e.kind == "trigger_fired"]  # type: ignore[attr-defined]
    assert fired == [(2, "tick"), (4, "tick")]
    assert state.turn == 5 and state.outcome.reason == "Too slow"


def test_closing_victory_only_when_no_defeat_holds(tmp_path: Path) -> None:
    extra = "closing:\n  victory: [{speaker: eiji, text: We made it}]\n  defeat: [{speaker: eiji, text: No...}]\n"
    sc = load(tmp_path, extra)
    state, _ = sc.start(1)
    state, events = apply(state, Move("hero", (5, 0)))
    shown = [ln["text"] for e in events if e.kind == "dialogue_shown" for ln in e.lines]  # type: ignore[attr-defined]
    assert shown == ["We made it"]
    assert state.outcome is not None and state.outcome.winner == "player"


def test_hp_conditions_and_end_battle(tmp_path: Path) -> None:
    extra = (
        "  - id: bruised\n"
        "    when: {all: [{hp_at_most: {uid: foe, pct: 50}}, {hp_at_least: {uid: foe, pct: 40}}]}\n"
        "    do:\n"
        "      - end_battle: {winner: enemy, reason: Bruised but standing}\n"
    )
    sc = load(tmp_path, extra)
    state, _ = sc.start(1)
    data = state.to_json()
    for u in data["units"]:
        if u["uid"] == "foe":
            u["hp"] = 1200  # 46% of a Braver's 2600
    state, _ = apply(BattleState.from_json(data, state.ctx), EndPhase())
    assert state.outcome is not None and state.outcome.reason == "Bruised but standing"


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ("  - {id: e, when: {every: 2}, do: [{win: x}]}\n", "`every` needs a first `turn`"),
        ("  - {id: e, when: {turn: 1, phase: allies}, do: [{win: x}]}\n", "side 'allies' is not one of"),
        (
            "  - {id: e, when: {always: true}, do: [{objectives: mian}]}\n",
            "unknown objective set 'mian' (did you mean 'main'?)",
        ),
        (
            "  - {id: e, when: {always: true}, do: [{end_battle: {winner: ally, reason: x}}]}\n",
            "side 'ally' is not one of",
        ),
        ("  - {id: hello, when: {always: true}, do: [{win: x}]}\n", "event id 'hello' is used twice"),
        ("  - {id: e, when: {adjacent: [hero]}, do: [{win: x}]}\n", "List should have at least 2 items"),
    ],
)
def test_event_mistakes(tmp_path: Path, snippet: str, message: str) -> None:
    with pytest.raises(ScenarioError) as info:
        load(tmp_path, snippet)
    assert message in str(info.value)
