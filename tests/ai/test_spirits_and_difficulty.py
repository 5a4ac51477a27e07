"""Spirit casting rules and what the difficulty levels change."""

from __future__ import annotations

import pytest

from game.ai import SRWController, make_controller
from game.ai.spirit_use import roles
from game.core import Attack, CastSpirit, Move, apply
from game.core.defs import MapArea, UnitDef, WeaponDef
from game.core.ranks import Ranks
from tests.ai.roster import SPIRITS, battle, definitions, dep

ENEMY_FIRST = ("enemy", "player")


def first_commands(state, controller, n: int = 4):  # type: ignore[no-untyped-def]
    cmds = []
    for _ in range(n):
        cmd = controller.next_command(state)
        cmds.append(cmd)
        if isinstance(cmd, Attack):
            cmd = SRWController().react(state, cmd)
        state, _ = apply(state, cmd)
    return cmds


def le_cain(spirits: list[str] | None = None):  # type: ignore[no-untyped-def]
    ai = {"behaviour": "boss", "hold_until_turn": 5}
    if spirits is not None:
        ai["spirits"] = spirits
    return battle(
        [
            dep("zakaal", "enemy", (9, 5), "le_cain", pilot="le_cain", ai=ai),
            dep("layzner", "player", (3, 5), "layzner", pilot="eiji"),
        ],
        sides=ENEMY_FIRST,
    )


def test_le_cain_casts_alert_and_focus_at_the_start_of_his_phase() -> None:
    cmds = first_commands(le_cain(["alert", "focus"]), SRWController(), 3)
    casts = {c.spirit for c in cmds[:2] if isinstance(c, CastSpirit)}
    assert casts == {"alert", "focus"}


def test_only_the_listed_spirits_are_cast() -> None:
    cmds = first_commands(le_cain(["alert"]), SRWController(), 3)
    assert [c.spirit for c in cmds if isinstance(c, CastSpirit)] == ["alert"]
    cmds = first_commands(le_cain([]), SRWController(), 2)
    assert not any(isinstance(c, CastSpirit) for c in cmds)


def test_easy_casts_no_spirits() -> None:
    cmds = first_commands(le_cain(["alert", "focus"]), SRWController("easy"), 3)
    assert not any(isinstance(c, CastSpirit) for c in cmds)


def test_strike_before_a_shot_that_would_likely_miss() -> None:
    # Eiji's Layzner against a nearly spent Zakaal: a likely miss without Strike, a kill with it.
    state = battle(
        [
            dep("layzner", "player", (3, 5), "layzner", pilot="eiji", ai={"spirits": ["strike"]}),
            dep("zakaal", "enemy", (6, 5), "le_cain", pilot="le_cain", hp_pct=5),
        ]
    )
    cmds = first_commands(state, SRWController(), 3)
    assert isinstance(cmds[0], CastSpirit) and cmds[0].spirit == "strike"
    assert any(isinstance(c, Attack) for c in cmds)


def test_spirit_roles_come_from_effects_not_ids() -> None:
    by_id = {s.id: roles(s) for s in SPIRITS}
    assert by_id["strike"] == {"strike"}
    assert by_id["alert"] == {"alert"}
    assert by_id["focus"] == {"focus"}
    assert by_id["valor"] == {"valor"}
    assert by_id["guard"] == {"guard"}
    assert by_id["vigor"] == {"heal"}
    assert by_id["spirit"] == {"will"}


def test_unknown_difficulty_and_controller_names_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown AI difficulty 'insane'"):
        make_controller("srw", "insane")
    with pytest.raises(ValueError, match="unknown AI controller 'minimax'"):
        make_controller("minimax")


def test_easy_is_less_predictable_in_its_target_choice() -> None:
    """Over many seeds, normal always finishes the wounded unit; easy sometimes does not."""

    def targets(level: str) -> set[str]:
        out = set()
        for seed in range(24):
            state = battle(
                [
                    dep("braver", "enemy", (6, 5), "hunter"),
                    dep("braver", "player", (9, 5), "healthy"),
                    dep("braver", "player", (6, 8), "wounded", hp_pct=30),
                ],
                sides=ENEMY_FIRST,
                seed=seed,
            )
            cmds = first_commands(state, SRWController(level), 2)
            out |= {c.target for c in cmds if isinstance(c, Attack)}
        return out

    assert targets("normal") == {"wounded"}
    assert targets("easy") == {"wounded", "healthy"}


def test_fires_a_map_weapon_into_a_crowd() -> None:
    beam = WeaponDef(
        "wave_beam",
        "Wave Beam",
        2000,
        1,
        4,
        hit=20,
        en_cost=30,
        map_area=MapArea("line", ((0, -1), (0, -2), (0, -3), (0, -4))),
    )
    gunship = UnitDef(
        "gunship",
        "Gunship",
        hp=6000,
        en=200,
        mobility=80,
        armor=1000,
        move=4,
        size="M",
        ranks=Ranks.parse("A/A/C/A"),
        weapons=(beam,),
    )
    state = battle(
        [
            dep("gunship", "enemy", (6, 8), "ship"),
            dep("braver", "player", (6, 7), "a"),
            dep("braver", "player", (6, 6), "b"),
            dep("braver", "player", (6, 5), "c"),
        ],
        sides=ENEMY_FIRST,
        defs=definitions(units=[gunship]),
    )
    cmd = SRWController().next_command(state)
    assert cmd.kind == "map_attack" and cmd.direction == 0, cmd
    assert not isinstance(cmd, Move)
