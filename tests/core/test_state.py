"""Runtime state as plain data: JSON round trip, stable digest, purity of apply, import hygiene."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import fields

from game.core import Attack, BattleState, Deployment, EndPhase, Move, Pick, forecast_attack
from game.core.commands import COMMAND_TYPES, CastSpirit, MapAttack, command_from_json
from game.core.events import StrikeResolved
from game.core.headless import Battle, make_context
from game.core.state import EffectState, UnitState, UnitStatus, canonical
from tests.core.roster import definitions


def battle(seed: int = 11) -> Battle:
    ctx = make_context(definitions(), ["..f..^....", "..~~......", "....#....."])
    return Battle.start(
        ctx,
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 0), uid="layzner"),
            Deployment("braver", "enemy", pilot="grunt", pos=(4, 1), uid="b1"),
            Deployment("braver", "enemy", pilot="grunt", pos=(6, 2), uid="b2"),
        ],
        seed=seed,
    )


def test_json_round_trip_is_exact() -> None:
    b = battle()
    b.do(Move("layzner", (2, 1)))
    b.do(Attack("layzner", "calf_missile", "b1"))
    data = b.state.to_json()
    text = json.dumps(data)
    again = BattleState.from_json(json.loads(text), b.state.ctx)
    assert again == b.state
    assert again.to_json() == data
    assert again.digest() == b.state.digest()


def test_digest_is_stable_and_canonical() -> None:
    # The digest is the SHA-256 of sorted, compact JSON: the same on every machine.
    b = battle(seed=5)
    assert b.digest() == battle(seed=5).digest()
    assert b.digest() != battle(seed=6).digest()  # the seed is part of the state
    assert canonical({"b": 1, "a": [1, 2]}) == '{"a":[1,2],"b":1}'


def test_apply_does_not_change_the_given_state() -> None:
    b = battle()
    before = b.state
    digest = before.digest()
    snapshot = json.dumps(before.to_json(), sort_keys=True)
    b.do(Move("layzner", (2, 1)))
    b.do(Attack("layzner", "calf_missile", "b1"))
    b.do(EndPhase())
    assert before.digest() == digest
    assert json.dumps(before.to_json(), sort_keys=True) == snapshot
    assert before.unit("layzner").pos == (0, 0)


def test_same_seed_and_commands_same_digest() -> None:
    cmds = [Move("layzner", (2, 1)), Attack("layzner", "calf_missile", "b1"), EndPhase()]
    a, b = battle(seed=77), battle(seed=77)
    a.do_all(cmds)
    b.do_all(cmds)
    assert a.digest() == b.digest()
    assert [e.to_json() for e in a.events] == [e.to_json() for e in b.events]


def test_commands_round_trip_through_json() -> None:
    samples = [
        Move("u", (3, 4)),
        Attack("u", "w", "t", reaction="evade", support_defend="none"),
        CastSpirit("u", "focus"),
        CastSpirit("u", "trust", "v"),
        MapAttack("u", "w", 2),
        MapAttack("u", "w", 0, (5, 5)),
        EndPhase(),
    ]
    for c in samples:
        assert command_from_json(json.loads(json.dumps(c.to_json()))) == c
    assert set(COMMAND_TYPES) >= {"move", "attack", "cast_spirit", "end_phase", "cancel_move", "wait"}


def test_bad_command_json_gives_a_clear_error() -> None:
    import pytest

    with pytest.raises(ValueError, match="unknown command kind 'fly_away'"):
        command_from_json({"kind": "fly_away"})
    with pytest.raises(ValueError, match="has no field 'speed'"):
        command_from_json({"kind": "move", "unit": "u", "to": [1, 1], "speed": 3})


def test_events_are_plain_json() -> None:
    b = battle()
    b.do(Move("layzner", (2, 1)))
    b.do(Attack("layzner", "calf_missile", "b1"))
    text = json.dumps([e.to_json() for e in b.events])
    kinds = {e["kind"] for e in json.loads(text)}
    assert {"unit_moved", "exchange_started", "strike_resolved"} <= kinds


def test_importing_core_loads_no_io_libraries() -> None:
    code = (
        "import sys; import game.core, game.core.headless; "
        "bad=[m for m in ('pygame','yaml','pytmx','pydantic','random') if m in sys.modules]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_upgrade_curves_and_flat_gains() -> None:
    from game.core.stats import upgrade_gain

    assert upgrade_gain(200, 3) == 600
    assert upgrade_gain((10, 10, 10, 10, 10, 20), 5) == 50
    assert upgrade_gain((10, 10, 10, 10, 10, 20), 8) == 50 + 3 * 20  # the last gain repeats
    assert upgrade_gain((5, 10), 0) == 0


def test_deployment_carries_exp_toward_the_next_level() -> None:
    from game.core.headless import Battle

    b = battle()
    ctx = b.state.ctx
    again = Battle.start(
        ctx,
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 0), uid="l", exp=480),
            Deployment("braver", "enemy", pilot="grunt", pos=(4, 1), uid="b"),
        ],
        seed=1,
    )
    assert again.unit("l").exp == 480


def test_the_player_side_is_player_or_else_the_first_side() -> None:
    assert make_context(definitions(), (4, 4), sides=("enemy", "player")).player_side == "player"
    assert make_context(definitions(), (4, 4), sides=("blue", "red")).player_side == "blue"


def test_the_saved_format_and_digest_are_pinned() -> None:
    # Saves, replays and recorded results depend on these: a change here is a format change.
    b = battle(seed=5)
    b.do(CastSpirit("layzner", "focus"))
    b.do(Move("layzner", (2, 1)))
    b.do(Attack("layzner", "calf_missile", "b1"))
    b.do(EndPhase())
    assert list(b.state.to_json()["units"][0]) == [
        "uid", "unit", "pilot", "side", "pos", "hp", "en", "ammo", "will", "sp", "level", "exp", "kills",
        "flying", "moved", "acted", "status", "effects", "support_attacks", "support_defends",
        "substitutes_used", "upgrades", "tags", "ai",
    ]  # fmt: skip
    assert b.digest() == "19b7d6a0b22f67b90364cc75ca611045fe20c739fd8560cf51a9a5b35a5bade2"


def test_every_unit_field_round_trips_and_copies() -> None:
    u = UnitState(
        "u1", "layzner", "eiji", "player", 3, 4, 900, 80, {"missile": 2}, 120, 30, 7, 250, 3, True, True, False,
        UnitStatus.RETREATED, (EffectState("spirit", "focus", "turn"),), 1, 2, 1, {"armor": 2}, ("boss",),
        {"behaviour": "guard"},
    )  # fmt: skip
    assert len(fields(UnitState)) == 25  # a new field: give it a non-default value above
    again = UnitState.from_json(json.loads(json.dumps(u.to_json())))
    assert again == u
    assert [getattr(again, f.name) for f in fields(UnitState)] == [getattr(u, f.name) for f in fields(UnitState)]
    twin = u.copy()
    assert twin == u and twin.ammo is not u.ammo
    twin.ammo["missile"] = 0
    assert u.ammo["missile"] == 2


def test_attack_picks_are_their_own_type_and_plain_strings_in_json() -> None:
    attack = Attack("u", "w", "t", support_attack=Pick.NONE, support_defend="g")
    data = attack.to_json()
    assert data == {
        "kind": "attack", "unit": "u", "weapon": "w", "target": "t", "reaction": "counter",
        "counter_weapon": "auto", "support_attack": "none", "support_defend": "g",
    }  # fmt: skip
    assert all(type(v) is str for v in data.values())
    again = command_from_json(json.loads(json.dumps(data)))
    assert again == attack
    assert isinstance(again, Attack)
    assert again.counter_weapon is Pick.AUTO and again.support_attack is Pick.NONE
    assert again.support_defend == "g" and not isinstance(again.support_defend, Pick)


def test_forecast_attack_is_the_forecast_apply_resolves() -> None:
    b = battle()
    b.do(Move("layzner", (2, 1)))
    attack = Attack("layzner", "calf_missile", "b1", reaction="defend", support_defend=Pick.NONE)
    fc = forecast_attack(b.state, attack)
    assert fc == b.forecast("layzner", "calf_missile", "b1", "defend", support_defend="none")
    events = b.do(attack)
    (blow,) = [e for e in events if isinstance(e, StrikeResolved)]
    assert (blow.hit_chance, blow.crit_chance, blow.role) == (fc.attack.hit, fc.attack.crit, "attack")


def test_a_saved_effect_of_unknown_kind_or_duration_is_refused() -> None:
    import pytest

    assert EffectState.from_json(["item", "repair_kit", "battle"]) == EffectState("item", "repair_kit", "battle")
    for bad in (["curse", "x", "turn"], ["spirit", "focus", "forever"]):
        with pytest.raises(ValueError, match="known kind and duration"):
            EffectState.from_json(bad)


def test_a_replaced_state_derives_its_tables_afresh() -> None:
    import dataclasses

    b = battle()
    start = b.state
    assert start.unit_at((0, 0)) is start.units["layzner"]  # fills the cache
    moved = dataclasses.replace(start, units={**start.units, "layzner": start.units["layzner"].copy()})
    moved.units["layzner"].x = 1
    assert moved.unit_at((1, 0)) is moved.units["layzner"] and moved.unit_at((0, 0)) is None
    assert start.unit_at((0, 0)) is start.units["layzner"]
