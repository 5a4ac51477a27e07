"""SRW depth in the engine, with code-built definitions: Fury, Mercy and captures,
substitute, Counter skill, Hit & Away, repair and supply devices, MAP weapons, EXP, funds,
Luck, Gain, Prevail, Attacker, Guard skill, SP regeneration."""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.core import (
    Attack,
    CastSpirit,
    Deployment,
    EndPhase,
    IllegalCommand,
    MapAttack,
    Move,
    Repair,
    Supply,
    Wait,
    legal_commands,
)
from game.core.defs import (
    AbilityDef,
    AbilityRef,
    MapArea,
    PilotDef,
    PilotStats,
    SkillDef,
    SkillRef,
    SpiritDef,
    SpiritRef,
    UnitDef,
    WeaponDef,
)
from game.core.effects import modifier
from game.core.events import ExpGained, FundsGained, StrikeResolved, UnitCaptured
from game.core.headless import Battle, make_context, make_definitions
from tests.core import roster
from tests.core.roster import give

SURE = WeaponDef("sure", "Sure Shot", 2400, 1, 3, hit=300, post_move=True, type="beam")
BLAST = WeaponDef(
    "blast",
    "MAP Blast",
    2000,
    1,
    1,
    hit=300,
    en_cost=50,
    map_area=MapArea("line", ((0, -1), (0, -2), (0, -3))),
)
BURST = WeaponDef(
    "burst",
    "Friendly Burst",
    2000,
    2,
    4,
    hit=300,
    map_area=MapArea("targeted", ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)), friendly_fire=True),
)
ACE_UNIT = UnitDef(
    "ace_unit", "Ace Unit", hp=4000, en=200, mobility=110, armor=900, move=6, size="S", weapons=(SURE, BLAST, BURST)
)
BOSS = UnitDef(
    "boss",
    "Boss",
    hp=5000,
    en=200,
    mobility=100,
    armor=900,
    move=6,
    size="S",
    weapons=(SURE,),
    abilities=(AbilityRef("substitute", 2), AbilityRef("beam_barrier")),
    exp=200,
    funds=10000,
)
DOLL = UnitDef(
    "doll",
    "Doll",
    hp=3300,
    en=150,
    mobility=95,
    armor=1000,
    move=6,
    size="S",
    weapons=(SURE,),
    abilities=(AbilityRef("repair_device"), AbilityRef("supply_device")),
)
GRUNT_UNIT = replace(roster.BRAVER, id="grunt_unit", weapons=(SURE,), capturable=True)

SPIRITS = (
    *roster.SPIRITS,
    SpiritDef("fury", "Fury", "self", "next_attack", (modifier("fury", 1),)),
    SpiritDef("luck", "Luck", "self", "next_kill", (modifier("funds_mul", 2),)),
    SpiritDef("gain", "Gain", "self", "next_battle", (modifier("exp_mul", 2),)),
)
SKILLS = (
    *roster.SKILLS,
    SkillDef("counter", "Counter", (modifier("counter_first", 100, per_level=True),), 9),
    SkillDef("hit_and_away", "Hit & Away", (modifier("hit_and_away", 1),)),
    SkillDef(
        "attacker",
        "Attacker",
        (modifier("damage_mul", "1.2", when={"will_at_least": 130, "roles": ("attack", "counter")}),),
    ),
    SkillDef("guard", "Guard", (modifier("damage_taken_mul", "0.8", when={"will_at_least": 130}),)),
    SkillDef(
        "prevail",
        "Prevail",
        (
            modifier("hit", 5, per_level=True, when={"hp_pct_at_most": 50}),
            modifier("armor_pct", 10, when={"hp_pct_at_most": 50}),
        ),
        9,
    ),
    SkillDef("sp_up", "SP Regen", (modifier("sp_regen", 5),)),
)
ABILITIES = (
    *roster.ABILITIES,
    AbilityDef("substitute", "Substitute", (modifier("substitute", 1, per_level=True),)),
    AbilityDef("beam_barrier", "Beam Coat", (modifier("barrier", 800, types={"beam"}, en_cost=10),)),
    AbilityDef("repair_device", "Repair", (modifier("repair", 50),)),
    AbilityDef("supply_device", "Supply", (modifier("supply", 10),)),
)
STATS = PilotStats(melee=150, ranged=150, skill=150, defense=120, hit=160, evade=150, sp=80)


def pilot(pid: str, *skills: SkillRef, spirits: tuple[SpiritRef, ...] = (), **kw) -> PilotDef:  # type: ignore[no-untyped-def]
    return PilotDef(
        pid,
        pid.title(),
        kw.pop("stats", STATS),
        level=kw.pop("level", 10),
        personality="normal",
        skills=skills,
        spirits=spirits,
        **kw,
    )


PILOTS = (
    pilot(
        "hero",
        spirits=(
            SpiritRef("fury", 20),
            SpiritRef("mercy", 5),
            SpiritRef("luck", 30),
            SpiritRef("gain", 20),
            SpiritRef("valor", 30),
            SpiritRef("guard", 20),
        ),
    ),
    pilot("weak", stats=replace(STATS, skill=100, evade=90, hit=120)),
    pilot("countery", SkillRef("counter", 1)),
    pilot("hitaway", SkillRef("hit_and_away")),
    pilot("attacker", SkillRef("attacker")),
    pilot("guardy", SkillRef("guard")),
    pilot("prevailer", SkillRef("prevail", 4)),
    pilot("regen", SkillRef("sp_up")),
)


def make(deps: list[Deployment], rows: list[str] | None = None) -> Battle:
    defs = make_definitions(
        units=[*(roster.LAYZNER, roster.BRAVER), ACE_UNIT, BOSS, DOLL, GRUNT_UNIT],
        pilots=[*PILOTS, roster.EIJI, roster.GRUNT],
        spirits=SPIRITS,
        skills=SKILLS,
        abilities=ABILITIES,
        statuses=roster.STATUSES,
    )
    ctx = make_context(defs, rows or ["." * 10] * 6)
    return Battle.start(ctx, deps, seed=9)


def D(uid: str, unit: str, side: str, pos: tuple[int, int], pilot: str | None = "hero", **kw) -> Deployment:  # type: ignore[no-untyped-def]
    return Deployment(unit, side, pilot=pilot, pos=pos, uid=uid, **kw)


def strikes(events) -> list[StrikeResolved]:  # type: ignore[no-untyped-def]
    return [e for e in events if isinstance(e, StrikeResolved)]


def test_fury_ignores_barriers_and_guard() -> None:
    b = make([D("a", "ace_unit", "player", (1, 1)), D("boss", "boss", "enemy", (3, 1), pilot="weak")])
    give(b, "boss", "guard")
    plain = b.forecast("a", "sure", "boss").attack
    assert plain.barrier == 800
    give(b, "a", "fury", "next_attack")
    fury = b.forecast("a", "sure", "boss").attack
    assert fury.barrier == 0
    # Without Guard (x0.25) and barrier (-800), Fury's damage is the unguarded raw damage.
    assert fury.damage == fury.raw and fury.raw > plain.raw * 3
    assert plain.damage == max(10, plain.raw - 800)


def test_barrier_spends_en_and_fails_without_it() -> None:
    b = make([D("a", "ace_unit", "player", (1, 1)), D("boss", "boss", "enemy", (3, 1), pilot="weak")])
    (hit, *_) = strikes(b.do(Attack("a", "sure", "boss", reaction="defend")))
    assert hit.barrier > 0 and b.unit("boss").en == 190
    b2 = make([D("a", "ace_unit", "player", (1, 1)), D("boss", "boss", "enemy", (3, 1), pilot="weak")])
    b2.state.units["boss"].en = 5
    fc = b2.forecast("a", "sure", "boss", "defend").attack
    assert fc.damage == fc.raw  # no EN: the barrier does not hold


def test_mercy_spares_and_captures_a_grunt_for_bonus_funds() -> None:
    b = make([D("a", "ace_unit", "player", (1, 1)), D("g", "grunt_unit", "enemy", (3, 1), pilot="weak", hp_pct=10)])
    b.do(CastSpirit("a", "mercy"))
    events = b.do(Attack("a", "sure", "g", reaction="defend"))
    (s,) = strikes(events)
    assert s.mercy and s.hp_after == 10
    assert any(isinstance(e, UnitCaptured) for e in events)
    assert b.unit("g").status == "captured"
    (funds,) = [e for e in events if isinstance(e, FundsGained)]
    assert funds.amount == roster.BRAVER.funds * 3 // 2  # capture bonus x1.5


def test_mercy_needs_more_skill_than_the_target() -> None:
    b = make([D("a", "ace_unit", "player", (1, 1), pilot="weak"), D("g", "grunt_unit", "enemy", (3, 1), hp_pct=10)])
    give(b, "a", "mercy", "next_attack")
    give(b, "a", "strike")
    (s,) = strikes(b.do(Attack("a", "sure", "g", reaction="defend")))
    assert not s.mercy and b.unit("g").status == "destroyed"


def test_mercy_on_a_boss_leaves_it_at_10_hp() -> None:
    b = make([D("a", "ace_unit", "player", (1, 1)), D("boss", "boss", "enemy", (3, 1), pilot="weak", hp_pct=5)])
    give(b, "a", "mercy", "next_attack")
    b.do(Attack("a", "sure", "boss", reaction="defend"))
    assert b.unit("boss").hp == 10 and b.unit("boss").status == "active"


def test_substitute_negates_fatal_hits_n_times() -> None:
    b = make([D("a", "ace_unit", "player", (1, 1)), D("boss", "boss", "enemy", (3, 1), pilot="weak", hp_pct=1)])
    for turn in range(3):
        events = b.do(Attack("a", "sure", "boss", reaction="defend"))
        (s,) = strikes(events)
        if turn < 2:
            assert s.substitute and s.damage == 0 and b.unit("boss").status == "active"
            b.do(EndPhase())
            b.do(EndPhase())
        else:
            assert not s.substitute and b.unit("boss").status == "destroyed"


def test_counter_skill_strikes_first() -> None:
    b = make([D("a", "ace_unit", "player", (1, 1)), D("c", "ace_unit", "enemy", (3, 1), pilot="countery")])
    fc = b.forecast("a", "sure", "c")
    assert fc.counter_first == 100
    events = b.do(Attack("a", "sure", "c"))
    assert [s.role for s in strikes(events)] == ["counter", "attack"]


def test_hit_and_away_moves_after_attacking() -> None:
    b = make([D("a", "ace_unit", "player", (1, 1), pilot="hitaway"), D("t", "ace_unit", "enemy", (3, 1), pilot="weak")])
    b.do(Attack("a", "sure", "t", reaction="defend"))
    assert any(isinstance(c, Move) for c in legal_commands(b.state, "a"))
    b.do(Move("a", (0, 0)))
    assert b.unit("a").done
    b2 = make([D("a", "ace_unit", "player", (1, 1)), D("t", "ace_unit", "enemy", (3, 1), pilot="weak")])
    b2.do(Attack("a", "sure", "t", reaction="defend"))
    with pytest.raises(IllegalCommand):
        b2.do(Move("a", (0, 0)))


def test_repair_and_supply_devices() -> None:
    b = make(
        [
            D("d", "doll", "player", (1, 1)),
            D("f", "ace_unit", "player", (2, 1)),
            D("e", "ace_unit", "enemy", (9, 5), pilot="weak"),
        ]
    )
    with pytest.raises(IllegalCommand, match="not damaged"):
        b.do(Repair("d", "f"))
    b.state.units["f"].hp = 1000
    events = b.do(Repair("d", "f"))
    assert b.unit("f").hp == 3000  # 50% of 4000
    assert any(isinstance(e, ExpGained) and e.unit == "d" for e in events)
    assert b.unit("d").acted
    b.do(EndPhase())
    b.do(EndPhase())
    b.state.units["f"].en = 0
    will = b.unit("f").will
    b.do(Supply("d", "f"))
    assert b.unit("f").en == 200 and b.unit("f").will == will - 10


def test_map_weapon_line_hits_several_and_spares_friends() -> None:
    b = make(
        [
            D("a", "ace_unit", "player", (2, 4)),
            D("f", "ace_unit", "player", (2, 3)),
            D("e1", "ace_unit", "enemy", (2, 2), pilot="weak"),
            D("e2", "ace_unit", "enemy", (2, 1), pilot="weak"),
        ]
    )
    events = b.do(MapAttack("a", "blast", 0))
    hit = {s.target for s in strikes(events)}
    assert hit == {"e1", "e2"}  # the friend in the line is spared (no friendly fire)
    assert all(s.role == "map" for s in strikes(events))  # no counters
    assert b.unit("a").en == 150  # paid once


def test_map_weapon_rotates_and_needs_targets() -> None:
    b = make([D("a", "ace_unit", "player", (2, 2)), D("e", "ace_unit", "enemy", (5, 2), pilot="weak")])
    with pytest.raises(IllegalCommand, match="nobody"):
        b.do(MapAttack("a", "blast", 0))
    cmds = [c for c in legal_commands(b.state, "a") if isinstance(c, MapAttack) and c.weapon == "blast"]
    assert [c.direction for c in cmds] == [1]  # only facing east reaches the enemy


def test_map_weapon_with_friendly_fire_hits_allies_too() -> None:
    b = make(
        [
            D("a", "ace_unit", "player", (0, 0)),
            D("f", "ace_unit", "player", (2, 2)),
            D("e", "ace_unit", "enemy", (3, 2), pilot="weak"),
        ]
    )
    events = b.do(MapAttack("a", "burst", 0, (2, 2)))
    assert {s.target for s in strikes(events)} == {"f", "e"}


def test_map_weapon_not_after_moving() -> None:
    b = make([D("a", "ace_unit", "player", (2, 5)), D("e", "ace_unit", "enemy", (2, 1), pilot="weak")])
    b.do(Move("a", (2, 4)))
    with pytest.raises(IllegalCommand, match="after moving"):
        b.do(MapAttack("a", "blast", 0))


def test_exp_levels_and_luck_and_gain() -> None:
    b = make(
        [
            D("a", "ace_unit", "player", (1, 1)),
            D("boss", "boss", "enemy", (3, 1), pilot="weak", hp_pct=1),
            D("g", "grunt_unit", "enemy", (1, 4), pilot="weak", hp_pct=1),
        ]
    )
    b.state.units["boss"].substitutes_used = 2
    give(b, "a", "luck", "next_kill")
    give(b, "a", "gain", "next_battle")
    level = b.unit("a").level
    events = b.do(Attack("a", "sure", "boss", reaction="defend"))
    (funds,) = [e for e in events if isinstance(e, FundsGained)]
    assert funds.amount == 2 * BOSS.funds  # Luck doubles
    (exp,) = [e for e in events if isinstance(e, ExpGained)]
    assert exp.amount == 2 * BOSS.exp  # same level: base EXP, doubled by Gain
    assert b.state.results["player"].funds == 2 * BOSS.funds
    assert not b.unit("a").has_effect("luck") and not b.unit("a").has_effect("gain")
    assert b.unit("a").level == level  # 400 EXP < 500
    b.state.units["a"].exp = 490
    b.do(EndPhase())
    b.do(EndPhase())
    events = b.do(Attack("a", "sure", "g", reaction="defend"))
    assert b.unit("g").status == "destroyed"
    assert b.unit("a").level == level + 1 and b.unit("a").kills == 2
    (exp,) = [e for e in events if isinstance(e, ExpGained)]
    assert (exp.level_before, exp.level_after) == (level, level + 1)


def test_attacker_and_guard_skills_at_will_130() -> None:
    # t has Guard; u is the same but without it. Both at Will 130, same distance.
    b = make(
        [
            D("a", "ace_unit", "player", (1, 1), pilot="attacker"),
            D("t", "ace_unit", "enemy", (3, 1), pilot="guardy", will=130),
            D("u", "ace_unit", "enemy", (1, 3), pilot="hitaway", will=130),
        ]
    )
    base = b.forecast("a", "sure", "u").attack.raw
    b.state.units["a"].will = 130
    boosted = b.forecast("a", "sure", "u").attack.raw
    guarded = b.forecast("a", "sure", "t").attack.raw
    assert boosted > base * 1.15  # Attacker x1.2 (and Will's own (stat + Will)/200 bonus)
    assert abs(guarded - boosted * 0.8) <= 1  # Guard x0.8


def test_prevail_grows_as_hp_falls() -> None:
    b = make(
        [D("a", "ace_unit", "player", (1, 1), pilot="prevailer"), D("t", "ace_unit", "enemy", (6, 1), pilot="weak")]
    )
    b.do(Move("a", (4, 1)))
    full = b.forecast("a", "sure", "t").attack.hit
    b.state.units["a"].hp = 1000
    hurt = b.forecast("a", "sure", "t").attack.hit
    assert hurt >= full and (hurt - full == 20 or hurt == 100)


def test_sp_regenerates_each_own_phase() -> None:
    b = make([D("a", "ace_unit", "player", (1, 1), pilot="regen"), D("t", "ace_unit", "enemy", (6, 1), pilot="weak")])
    b.state.units["a"].sp = 10
    b.do(Wait("a"))
    b.do(EndPhase())
    b.do(EndPhase())
    assert b.unit("a").sp == 15


def test_hit_and_away_unit_may_also_just_wait() -> None:
    b = make([D("a", "ace_unit", "player", (1, 1), pilot="hitaway"), D("t", "ace_unit", "enemy", (3, 1), pilot="weak")])
    b.do(Attack("a", "sure", "t", reaction="defend"))
    legal = legal_commands(b.state, "a")
    assert Wait("a") in legal and not any(isinstance(c, Attack) for c in legal)
    b.do(Wait("a"))
    assert b.unit("a").done
