"""Issue 9: every spirit, skill and ability the game ships has a case showing its effect in
numbers, through the engine, with the shipped YAML definitions.

A test pilot ("tester", Eiji's stats) knows every spirit; units are the shipped ones, with
abilities and skills swapped in where a case needs them.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest

from game.core import Attack, CastSpirit, Deployment, EndPhase, Move, Repair, Supply, Wait, reachable
from game.core.defs import AbilityRef, Definitions, SkillRef, SpiritRef, frozen_map
from game.core.events import ExpGained, FundsGained, StrikeResolved
from game.core.headless import Battle, make_context
from game.core.state import EffectState
from game.data import default_game_dir, load_game_data


@pytest.fixture(scope="module")
def shipped() -> Definitions:
    result = load_game_data(default_game_dir(), user_mods=False, check_assets_exist=False)
    assert result.ok, result.format_problems()
    return result.definitions


def with_pilot(defs: Definitions, pid: str, *, base: str = "eiji", skills: tuple[SkillRef, ...] = ()) -> Definitions:
    tester = replace(
        defs.pilots[base],
        id=pid,
        spirits=tuple(SpiritRef(s, 1) for s in sorted(defs.spirits)),
        skills=skills,
        stats=replace(defs.pilots[base].stats, sp=999),
    )
    return replace(defs, pilots=frozen_map({**defs.pilots, pid: tester}))


def with_unit(defs: Definitions, uid: str, base: str, *abilities: str) -> Definitions:
    unit = replace(defs.units[base], id=uid, abilities=tuple(AbilityRef(a) for a in abilities))
    return replace(defs, units=frozen_map({**defs.units, uid: unit}))


def battle(defs: Definitions, deps: list[Deployment], rows: int = 8, cols: int = 12) -> Battle:
    return Battle.start(make_context(defs, (cols, rows)), deps, seed=5)


def D(uid: str, unit: str, side: str, pos: tuple[int, int], pilot: str | None = "tester", **kw) -> Deployment:  # type: ignore[no-untyped-def]
    return Deployment(unit, side, pilot=pilot, pos=pos, uid=uid, **kw)


@pytest.fixture
def duel(shipped: Definitions) -> Battle:
    """Tester in a Layzner at (1,1); a grunt Braver 3 tiles east; a friendly Braver behind."""
    defs = with_pilot(shipped, "tester")
    return battle(
        defs,
        [
            D("me", "layzner", "player", (1, 1)),
            D("friend", "braver", "player", (0, 1), pilot="grados_soldier"),
            D("foe", "braver", "enemy", (4, 1), pilot="grados_soldier"),
        ],
    )


def strikes(events) -> list[StrikeResolved]:  # type: ignore[no-untyped-def]
    return [e for e in events if isinstance(e, StrikeResolved)]


# ---- spirits -----------------------------------------------------------------------------------
def test_focus_plus_30_hit_and_evade(duel: Battle) -> None:
    # Forecasts can be asked in any phase: the foe's shot at the tester shows the evade bonus.
    hit = duel.forecast("me", "layzered_rifle", "foe").attack.hit
    incoming = duel.forecast("foe", "layzered_rifle", "me").attack.hit
    duel.do(CastSpirit("me", "focus"))
    assert duel.forecast("me", "layzered_rifle", "foe").attack.hit == min(100, hit + 30)
    assert duel.forecast("foe", "layzered_rifle", "me").attack.hit == max(0, incoming - 30)


def test_strike_makes_it_100(duel: Battle) -> None:
    duel.do(CastSpirit("me", "strike"))
    assert duel.forecast("me", "layzered_rifle", "foe").attack.hit == 100


def test_alert_dodges_one_attack(duel: Battle) -> None:
    duel.do(CastSpirit("me", "alert"))
    duel.do(Wait("me"))
    duel.do(EndPhase())
    fc = duel.forecast("foe", "layzered_rifle", "me")
    assert fc.attack.hit == 0


@pytest.mark.parametrize(("spirit", "mul"), [("valor", 2), ("soul", Fraction(5, 2))])
def test_valor_and_soul_multiply_damage(duel: Battle, spirit: str, mul: Fraction) -> None:
    plain = duel.forecast("me", "layzered_rifle", "foe").attack
    duel.do(CastSpirit("me", spirit))
    boosted = duel.forecast("me", "layzered_rifle", "foe").attack
    assert abs(boosted.raw - plain.raw * mul) <= mul  # one exact floor instead of two
    assert boosted.crit == 0


def test_guard_quarters_damage_taken(duel: Battle) -> None:
    duel.do(EndPhase())
    plain = duel.forecast("foe", "layzered_rifle", "me", "defend").attack
    duel.state.units["me"].effects = (EffectState("spirit", "guard", "turn"),)
    guarded = duel.forecast("foe", "layzered_rifle", "me", "defend").attack
    assert abs(guarded.raw - plain.raw / 4) <= 1


def test_accel_adds_three_move(duel: Battle) -> None:
    before = max(x for x, _ in reachable(duel.state, "me").costs)
    duel.do(CastSpirit("me", "accel"))
    assert max(x for x, _ in reachable(duel.state, "me").costs) == before + 3


def test_zeal_acts_again(duel: Battle) -> None:
    duel.do(CastSpirit("me", "zeal"))
    duel.do(Wait("me"))
    assert not duel.unit("me").acted


def test_enable_gives_an_ally_another_action(duel: Battle) -> None:
    duel.do(CastSpirit("me", "enable", "friend"))
    duel.do(Wait("friend"))
    assert not duel.unit("friend").acted


def test_trust_heals_3000_and_vigor_30_percent(duel: Battle) -> None:
    duel.state.units["friend"].hp = 100
    duel.do(CastSpirit("me", "trust", "friend"))
    top = duel.state.ctx.defs.units["braver"].hp  # Trust heals 3000, capped at the unit's max HP
    assert duel.unit("friend").hp == min(top, 100 + 3000)
    duel.state.units["me"].hp = 100
    duel.do(CastSpirit("me", "vigor"))
    assert duel.unit("me").hp == 100 + 3700 * 30 // 100


@pytest.mark.parametrize(("spirit", "gain"), [("spirit", 10), ("drive", 30)])
def test_spirit_and_drive_raise_will(duel: Battle, spirit: str, gain: int) -> None:
    duel.do(CastSpirit("me", spirit))
    assert duel.unit("me").will == 100 + gain


def test_rouse_gives_other_allies_5_will(duel: Battle) -> None:
    duel.do(CastSpirit("me", "rouse"))
    assert duel.unit("friend").will == 105 and duel.unit("me").will == 100


def _kill(duel: Battle, *spirits: tuple[str, str | None]) -> list:  # type: ignore[type-arg]
    for s, target in spirits:
        duel.do(CastSpirit("me", s, target))
    duel.state.units["foe"].hp = 1
    duel.do(CastSpirit("me", "strike"))
    return duel.do(Attack("me", "layzered_rifle", "foe", reaction="defend"))


def test_luck_doubles_the_funds_of_a_kill(duel: Battle, shipped: Definitions) -> None:
    events = _kill(duel, ("luck", None))
    (funds,) = [e for e in events if isinstance(e, FundsGained)]
    assert funds.amount == 2 * shipped.units["braver"].funds


def test_bless_is_luck_on_an_ally(duel: Battle, shipped: Definitions) -> None:
    duel.do(CastSpirit("me", "bless", "friend"))
    assert duel.unit("friend").has_effect("bless")


def test_gain_doubles_exp_and_cheer_gives_it_to_an_ally(duel: Battle) -> None:
    events = _kill(duel, ("gain", None), ("cheer", "friend"))
    (exp,) = [e for e in events if isinstance(e, ExpGained)]
    plain = _plain_kill_exp(duel)
    assert exp.amount == 2 * plain
    assert duel.unit("friend").has_effect("cheer")


def _plain_kill_exp(duel: Battle) -> int:
    from game.core.lifecycle import kill_exp
    from game.core.tx import Tx

    return kill_exp(Tx(duel.state), duel.unit("me"), duel.unit("foe"))


def test_mercy_leaves_10_hp_and_the_grunt_ejects(duel: Battle) -> None:
    duel.do(CastSpirit("me", "mercy"))
    duel.state.units["foe"].hp = 50
    duel.do(CastSpirit("me", "strike"))
    (s,) = strikes(duel.do(Attack("me", "layzered_rifle", "foe", reaction="defend")))
    assert s.mercy and s.hp_after == 10 and duel.unit("foe").status == "captured"


def test_fury_pierces_a_beam_coat(shipped: Definitions) -> None:
    defs = with_unit(with_pilot(shipped, "tester"), "coated", "braver", "beam_coat")
    b = battle(
        defs, [D("me", "layzner", "player", (1, 1)), D("foe", "coated", "enemy", (4, 1), pilot="grados_soldier")]
    )
    coated = b.forecast("me", "layzered_rifle", "foe").attack
    assert coated.barrier == 1000 and coated.damage == max(10, coated.raw - 1000)
    b.do(CastSpirit("me", "fury"))
    assert b.forecast("me", "layzered_rifle", "foe").attack.damage == coated.raw


def test_snipe_adds_two_range(duel: Battle) -> None:
    duel.state.units["foe"].x = 9  # 8 tiles away: the rifle reaches 6
    assert not any(isinstance(c, Attack) and c.target == "foe" for c in duel.legal("me"))
    duel.do(CastSpirit("me", "snipe"))
    assert any(isinstance(c, Attack) and c.weapon == "layzered_rifle" for c in duel.legal("me"))


def test_scan_marks_the_enemy(duel: Battle) -> None:
    duel.do(CastSpirit("me", "scan", "foe"))
    assert duel.unit("foe").has_effect("scan")


def test_resupply_refills_en_and_ammo(duel: Battle) -> None:
    duel.state.units["friend"].en = 0
    duel.do(CastSpirit("me", "resupply", "friend"))
    assert duel.unit("friend").en == 120


# ---- skills ------------------------------------------------------------------------------------
def skilled(shipped: Definitions, *skills: SkillRef) -> Battle:
    defs = with_pilot(shipped, "tester", skills=skills)
    defs = with_pilot(defs, "plain", skills=())
    return battle(
        defs,
        [
            D("me", "layzner", "player", (1, 1)),
            D("foe", "braver", "enemy", (4, 1), pilot="grados_soldier"),
            D("ref", "layzner", "player", (1, 5), pilot="plain"),
            D("foe2", "braver", "enemy", (4, 5), pilot="grados_soldier"),
        ],
    )


def test_prevail_level_3_at_a_quarter_hp(shipped: Definitions) -> None:
    b = skilled(shipped, SkillRef("prevail", 3))
    crit = b.forecast("me", "layzered_rifle", "foe").attack.crit
    b.state.units["me"].hp = 3700 // 5
    # At <= 25% HP all three bands apply: crit +1+1+2 per level.
    assert b.forecast("me", "layzered_rifle", "foe").attack.crit == min(100, crit + 3 * 4)


def test_counter_level_5_is_a_50_percent_first_strike(shipped: Definitions) -> None:
    b = skilled(shipped, SkillRef("counter", 5))
    b.do(EndPhase())
    assert b.forecast("foe", "layzered_rifle", "me").counter_first == 50


def test_attacker_is_x1_2_at_will_130(shipped: Definitions) -> None:
    b = skilled(shipped, SkillRef("attacker"))
    b.state.units["me"].will = b.state.units["ref"].will = 130
    mine = b.forecast("me", "layzered_rifle", "foe").attack.raw
    plain = b.forecast("ref", "layzered_rifle", "foe2").attack.raw
    assert abs(mine - plain * Fraction(6, 5)) <= 2


def test_guard_skill_is_x0_8_taken_at_will_130(shipped: Definitions) -> None:
    b = skilled(shipped, SkillRef("guard"))
    b.state.units["me"].will = b.state.units["ref"].will = 130
    b.do(EndPhase())
    mine = b.forecast("foe", "layzered_rifle", "me", "defend").attack.raw
    plain = b.forecast("foe2", "layzered_rifle", "ref", "defend").attack.raw
    assert abs(mine - plain * Fraction(4, 5)) <= 1


def test_genius_adds_20_crit(shipped: Definitions) -> None:
    b = skilled(shipped, SkillRef("genius"))
    assert b.forecast("me", "layzered_rifle", "foe").attack.crit == min(
        100, b.forecast("ref", "layzered_rifle", "foe2").attack.crit + 20
    )


def test_hit_and_away_moves_after_attacking(shipped: Definitions) -> None:
    b = skilled(shipped, SkillRef("hit_and_away"))
    b.do(Attack("me", "layzered_rifle", "foe", reaction="defend"))
    b.do(Move("me", (0, 0)))
    assert b.unit("me").pos == (0, 0)


def test_resolve_adds_5_starting_will(shipped: Definitions) -> None:
    b = skilled(shipped, SkillRef("resolve"))
    assert b.unit("me").will == b.unit("ref").will + 5


@pytest.mark.parametrize("skill", ["support_attack", "support_defend"])
def test_support_skills_give_one_charge_per_level(shipped: Definitions, skill: str) -> None:
    defs = with_pilot(shipped, "tester", skills=(SkillRef(skill, 2),))
    b = battle(
        defs,
        [
            D("me", "layzner", "player", (1, 1)),
            D("mate", "layzner", "player", (1, 2)),
            D("foe", "braver", "enemy", (4, 1), pilot="grados_soldier"),
        ],
    )
    if skill == "support_attack":
        assert b.forecast("mate", "layzered_rifle", "foe").support_attacker == "me"
    else:
        b.do(EndPhase())
        assert b.forecast("foe", "layzered_rifle", "mate").support_defender == "me"


# ---- abilities ---------------------------------------------------------------------------------
def test_flame_shield_stops_800_fire(shipped: Definitions) -> None:
    defs = with_unit(with_pilot(shipped, "tester"), "shielded", "layzner", "flame_shield")
    b = battle(
        defs, [D("me", "gunstaid", "enemy", (2, 1), pilot="grados_soldier"), D("you", "shielded", "player", (1, 1))]
    )
    b.do(EndPhase())
    fire = next(w for w in shipped.units["gunstaid"].weapons if w.type == "fire")
    fc = b.forecast("me", fire.id, "you").attack
    assert fc.barrier == 800 and fc.damage == max(10, fc.raw - 800)


@pytest.mark.parametrize(
    ("ability", "pct", "field"),
    [("hp_regen_s", 10, "hp"), ("hp_regen_l", 20, "hp"), ("en_regen_s", 10, "en"), ("en_regen_l", 20, "en")],
)
def test_regeneration(shipped: Definitions, ability: str, pct: int, field: str) -> None:
    defs = with_unit(with_pilot(shipped, "tester"), "regen", "braver", ability)
    b = battle(defs, [D("me", "regen", "player", (1, 1)), D("foe", "braver", "enemy", (9, 6), pilot="grados_soldier")])
    setattr(b.state.units["me"], field, 10)
    b.do(EndPhase())
    b.do(EndPhase())
    top = shipped.units["braver"].hp if field == "hp" else shipped.units["braver"].en
    assert getattr(b.unit("me"), field) == 10 + top * pct // 100


def test_repair_and_supply_devices(shipped: Definitions) -> None:
    defs = with_pilot(shipped, "tester")
    b = battle(
        defs,
        [
            D("doc", "doll_repair", "player", (1, 1)),
            D("sup", "doll_supply", "player", (3, 1)),
            D("mate", "layzner", "player", (2, 1)),
            D("foe", "braver", "enemy", (9, 6), pilot="grados_soldier"),
        ],
    )
    b.state.units["mate"].hp = 100
    b.state.units["mate"].en = 0
    b.do(Repair("doc", "mate"))
    b.do(Supply("sup", "mate"))
    assert b.unit("mate").hp == 100 + 3700 // 2
    assert b.unit("mate").en == 170 and b.unit("mate").will == 90


def test_substitute_survives_fatal_hits(shipped: Definitions) -> None:
    defs = with_unit(with_pilot(shipped, "tester"), "decoyed", "braver", "substitute")
    b = battle(
        defs,
        [D("me", "layzner", "player", (1, 1)), D("foe", "decoyed", "enemy", (4, 1), pilot="grados_soldier", hp_pct=1)],
    )
    b.do(CastSpirit("me", "strike"))
    (s,) = strikes(b.do(Attack("me", "layzered_rifle", "foe", reaction="defend")))
    assert s.substitute and b.unit("foe").status == "active"


def test_v_max_ready_at_will_130(shipped: Definitions) -> None:
    defs = with_pilot(shipped, "tester")
    b = battle(
        defs,
        [D("me", "layzner", "player", (1, 1), will=129), D("foe", "braver", "enemy", (4, 1), pilot="grados_soldier")],
    )
    move = max(x for x, _ in reachable(b.state, "me").costs)
    b.state.units["me"].will = 130
    assert max(x for x, _ in reachable(b.state, "me").costs) == move + 1
    b.do(EndPhase())
    assert b.forecast("foe", "layzered_rifle", "me").attack.barrier == 1000


def test_red_power_is_x1_15_on_v_max(shipped: Definitions) -> None:
    defs = with_pilot(shipped, "tester")
    defs = with_unit(defs, "plain_zakarl", "zakarl", "v_max_ready")
    b = battle(
        defs,
        [
            D("red", "zakarl_red_power", "player", (1, 1), will=150),
            D("plain", "plain_zakarl", "player", (1, 5), will=150),
            D("foe", "braver", "enemy", (2, 1), pilot="grados_soldier"),
            D("foe2", "braver", "enemy", (2, 5), pilot="grados_soldier"),
        ],
    )
    vmax = next(w.id for w in shipped.units["zakarl"].weapons if "vmax" in w.tags)
    red = b.forecast("red", vmax, "foe").attack.raw
    plain = b.forecast("plain", vmax, "foe2").attack.raw
    assert abs(red - plain * Fraction(115, 100)) <= 2
