"""Casting spirits: SP, targets, durations, refusal of useless casts (RULES §9)."""

from __future__ import annotations

import pytest

from game.core import Attack, CancelMove, CastSpirit, Deployment, EndPhase, IllegalCommand, Move, Wait, legal_commands
from game.core.defs import PilotDef, PilotStats, SpiritDef, SpiritRef
from game.core.effects import modifier
from game.core.events import SpiritCast, UnitRefreshed
from game.core.headless import Battle, make_context

EXTRA = (
    SpiritDef("trust", "Trust", "ally", "instant", (modifier("heal_hp", 3000),)),
    SpiritDef("spirit", "Spirit", "self", "instant", (modifier("will", 10),)),
    SpiritDef("rouse", "Rouse", "all_allies", "instant", (modifier("will", 5),)),
)
ANNA = PilotDef(
    "anna",
    "Anna",
    PilotStats(sp=80),
    personality="normal",
    spirits=(SpiritRef("trust", 30), SpiritRef("spirit", 40), SpiritRef("rouse", 50, level=30)),
)


def make() -> Battle:
    from game.core.headless import make_definitions
    from tests.core import roster

    defs = make_definitions(
        units=[roster.LAYZNER, roster.BRAVER],
        pilots=[roster.EIJI, roster.GRUNT, ANNA],
        spirits=(*roster.SPIRITS, *EXTRA),
        abilities=roster.ABILITIES,
        statuses=roster.STATUSES,
    )
    ctx = make_context(defs, ["." * 10] * 3)
    return Battle.start(
        ctx,
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 0), uid="eiji"),
            Deployment("braver", "player", pilot="anna", pos=(0, 2), uid="anna"),
            Deployment("braver", "enemy", pilot="grunt", pos=(4, 0), uid="e"),
        ],
        seed=2,
    )


def test_focus_costs_sp_and_lasts_until_the_next_own_phase() -> None:
    b = make()
    hit = b.forecast("eiji", "layzered_rifle", "e").attack.hit
    events = b.do(CastSpirit("eiji", "focus"))
    (cast,) = [e for e in events if isinstance(e, SpiritCast)]
    assert (cast.sp_cost, cast.sp_left) == (15, 45)
    assert b.forecast("eiji", "layzered_rifle", "e").attack.hit == min(100, hit + 30)
    with pytest.raises(IllegalCommand, match="already active"):
        b.do(CastSpirit("eiji", "focus"))
    b.do(EndPhase())
    assert b.unit("eiji").has_effect("focus")  # still there in the enemy phase
    b.do(EndPhase())
    assert not b.unit("eiji").has_effect("focus")


def test_not_enough_sp_and_unknown_spirit() -> None:
    b = make()
    b.state.units["eiji"].sp = 10
    with pytest.raises(IllegalCommand, match="costs 15 SP"):
        b.do(CastSpirit("eiji", "focus"))
    with pytest.raises(IllegalCommand, match="does not know"):
        b.do(CastSpirit("eiji", "trust", "anna"))


def test_spirit_learned_at_a_higher_level_is_not_available() -> None:
    b = make()
    with pytest.raises(IllegalCommand, match="does not know"):
        b.do(CastSpirit("anna", "rouse"))


def test_trust_heals_an_ally_and_is_refused_on_full_hp() -> None:
    b = make()
    with pytest.raises(IllegalCommand, match="no effect"):
        b.do(CastSpirit("anna", "trust", "eiji"))
    b.state.units["eiji"].hp = 500
    b.do(CastSpirit("anna", "trust", "eiji"))
    assert b.unit("eiji").hp == 3500
    with pytest.raises(IllegalCommand, match="another unit"):
        b.do(CastSpirit("anna", "trust", "anna"))
    with pytest.raises(IllegalCommand, match="not one"):
        b.do(CastSpirit("anna", "trust", "e"))


def test_spirit_raises_will() -> None:
    b = make()
    b.do(CastSpirit("anna", "spirit"))
    assert b.unit("anna").will == 110


def test_valor_is_spent_by_the_next_attack() -> None:
    b = make()
    b.do(CastSpirit("eiji", "valor"))
    fc = b.forecast("eiji", "layzered_rifle", "e")
    assert fc.attack.valor and fc.attack.crit == 0
    b.do(Move("eiji", (2, 0)))
    b.do(Attack("eiji", "layzered_rifle", "e", reaction="defend"))
    assert not b.unit("eiji").has_effect("valor")


def test_alert_dodges_the_next_attack_only() -> None:
    b = make()
    b.do(CastSpirit("eiji", "alert"))
    b.do(Wait("eiji"))
    b.do(EndPhase())
    assert b.forecast("e", "rifle", "eiji").attack.hit == 0
    b.do(Move("e", (1, 0)))
    b.do(Attack("e", "rifle", "eiji", reaction="defend"))
    assert b.unit("eiji").hp == 3700
    assert not b.unit("eiji").has_effect("alert")


def test_zeal_gives_another_move_and_action() -> None:
    b = make()
    b.do(CastSpirit("eiji", "zeal"))
    b.do(Move("eiji", (1, 0)))
    events = b.do(Wait("eiji"))
    assert any(isinstance(e, UnitRefreshed) for e in events)
    assert not b.unit("eiji").moved and not b.unit("eiji").acted
    b.do(Move("eiji", (2, 0)))
    b.do(Wait("eiji"))
    assert b.unit("eiji").done


def test_legal_commands_list_castable_spirits() -> None:
    b = make()
    casts = {(c.spirit, c.target) for c in legal_commands(b.state, "eiji") if isinstance(c, CastSpirit)}
    assert ("focus", None) in casts and ("valor", None) in casts
    assert ("trust", "eiji") not in casts
    anna = {(c.spirit, c.target) for c in legal_commands(b.state, "anna") if isinstance(c, CastSpirit)}
    assert ("spirit", None) in anna
    assert not any(s == "trust" for s, _ in anna)  # nobody is hurt


def test_a_move_stays_cancellable_through_spirits_the_unit_casts_after_it() -> None:
    # RULES §1: a move may be cancelled until the unit acts or anything is rolled.
    b = make()
    b.do(Move("eiji", (2, 0)))
    b.do(CastSpirit("eiji", "focus"))
    assert CancelMove("eiji") in legal_commands(b.state, "eiji")
    b.do(CancelMove("eiji"))
    eiji = b.unit("eiji")
    assert eiji.pos == (0, 0) and not eiji.moved
    assert eiji.has_effect("focus") and eiji.sp == 45  # the spirit stays cast and paid for
    b.do(Move("eiji", (1, 0)))  # and the unit may move again


RACER = PilotDef("racer", "Racer", PilotStats(sp=60), personality="normal", spirits=(SpiritRef("accel", 10),))


def test_cancelling_gives_back_what_the_move_used_up_and_keeps_later_casts() -> None:
    from game.core.headless import make_definitions
    from tests.core import roster

    defs = make_definitions(units=[roster.LAYZNER], pilots=[RACER], spirits=roster.SPIRITS)
    b = Battle.start(
        make_context(defs, ["." * 10] * 3), [Deployment("layzner", "player", pilot="racer", pos=(0, 0), uid="eiji")]
    )
    b.do(CastSpirit("eiji", "accel"))
    before = b.unit("eiji").copy()
    b.do(Move("eiji", (5, 1)))  # Accel's +3 is used up by the move
    assert not b.unit("eiji").has_effect("accel")
    b.do(CancelMove("eiji"))
    assert b.unit("eiji") == before  # exactly as before the move
    b.do(Move("eiji", (1, 0)))
    b.do(CastSpirit("eiji", "accel"))  # cast again after moving: the cancel gives one back, not two
    b.do(CancelMove("eiji"))
    assert [e.id for e in b.unit("eiji").effects] == ["accel"]
    assert b.unit("eiji").sp == before.sp - 10


def test_acting_rolling_or_another_unit_makes_the_move_final() -> None:
    b = make()
    b.do(Move("eiji", (2, 0)))
    b.do(Wait("eiji"))  # acting
    assert b.state.undo is None
    b = make()
    b.do(Move("eiji", (1, 0)))
    b.do(Attack("eiji", "layzered_rifle", "e"))  # rolls
    assert b.state.undo is None
    b = make()
    b.do(Move("eiji", (2, 0)))
    b.do(CastSpirit("anna", "spirit"))
    with pytest.raises(IllegalCommand, match="no longer be cancelled"):
        b.do(CancelMove("eiji"))  # another unit was given an order in between
