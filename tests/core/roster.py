"""Code-built definitions for core tests: the units and pilots of RULES §12, and a few spirits."""

from __future__ import annotations

from game.core.defs import (
    AbilityDef,
    AbilityRef,
    PilotDef,
    PilotStats,
    SkillDef,
    SkillRef,
    SpiritDef,
    SpiritRef,
    StatusDef,
    UnitDef,
    WeaponDef,
)
from game.core.effects import modifier
from game.core.headless import make_definitions
from game.core.ranks import Ranks

RIFLE = WeaponDef(
    "layzered_rifle",
    "Layzered Rifle",
    2400,
    2,
    6,
    hit=10,
    en_cost=10,
    post_move=True,
    type="beam",
    ranks=Ranks.parse("A/A/C/A"),
)
KNUCKLE = WeaponDef("knuckle_shot", "Knuckle Shot", 1900, 1, 1, hit=10, crit=10, post_move=True, melee=True)
CALF = WeaponDef("calf_missile", "Calf Missile", 2100, 1, 4, hit=15, ammo=6, post_move=True)
VMAX = WeaponDef(
    "v_max",
    "V-MAX",
    3800,
    1,
    3,
    hit=25,
    crit=0,
    en_cost=40,
    will=120,
    post_move=True,
    melee=True,
    type="ram",
    tags=frozenset({"vmax"}),
    user_status="overheat",
)
LAYZNER = UnitDef(
    "layzner",
    "Layzner",
    hp=3700,
    en=170,
    mobility=125,
    armor=950,
    move=7,
    size="S",
    ranks=Ranks.parse("A/A/C/A"),
    can_fly=True,
    weapons=(KNUCKLE, CALF, RIFLE, VMAX),
    abilities=(AbilityRef("v_max_ready"),),
)
BRAVER_RIFLE = WeaponDef("rifle", "Layzered Rifle", 1800, 1, 5, post_move=True, type="beam")
BRAVER_KNUCKLE = WeaponDef("knuckle", "Knuckle Shot", 1400, 1, 1, post_move=True, melee=True)
BRAVER = UnitDef(
    "braver",
    "Braver",
    hp=2600,
    en=120,
    mobility=95,
    armor=800,
    move=6,
    size="S",
    ranks=Ranks.parse("A/A/C/A"),
    can_fly=True,
    weapons=(BRAVER_KNUCKLE, BRAVER_RIFLE),
    capturable=True,
    exp=60,
    funds=2000,
)
GREIM_CLAW = WeaponDef("claw", "Claw", 2600, 1, 1, post_move=True, melee=True)
GREIMKAISER = UnitDef(
    "greimkaiser",
    "Greimkaiser",
    hp=14000,
    en=200,
    mobility=120,
    armor=1200,
    move=7,
    size="S",
    ranks=Ranks.parse("A/A/C/A"),
    weapons=(GREIM_CLAW,),
)
BASE = UnitDef("mars_base", "UN Mars Base", hp=6000, en=0, mobility=0, armor=600, move=0, size="LL", kind="building")

EIJI = PilotDef(
    "eiji",
    "Eiji Asuka",
    PilotStats(melee=150, ranged=158, skill=160, defense=135, hit=170, evade=172, sp=60),
    level=20,
    personality="cool",
    ranks=Ranks.parse("A/A/B/A"),
    spirits=(
        SpiritRef("focus", 15),
        SpiritRef("mercy", 5),
        SpiritRef("alert", 10),
        SpiritRef("strike", 20),
        SpiritRef("valor", 40),
        SpiritRef("zeal", 60),
    ),
)
GRUNT = PilotDef(
    "grunt",
    "Grados Soldier",
    PilotStats(melee=120, ranged=120, skill=120, defense=110, hit=130, evade=120, sp=0),
    level=10,
    personality="strong",
    ranks=Ranks.parse("B/B/C/B"),
)
GALE = PilotDef(
    "gale",
    "Ahmos Gale",
    PilotStats(melee=155, ranged=158, skill=160, defense=145, hit=165, evade=160, sp=50),
    level=25,
    personality="cool",
    ranks=Ranks.parse("A/A/B/A"),
    start_will=110,
    spirits=(SpiritRef("focus", 15), SpiritRef("guard", 25)),
)

SPIRITS = (
    SpiritDef("focus", "Focus", "self", "turn", (modifier("hit", 30), modifier("evade", 30))),
    SpiritDef("strike", "Strike", "self", "turn", (modifier("hit_set", 100),)),
    SpiritDef("alert", "Alert", "self", "next_defense", (modifier("hit_taken_set", 0),)),
    SpiritDef("valor", "Valor", "self", "next_attack", (modifier("valor", 2, when={"roles": ("attack", "counter")}),)),
    SpiritDef("guard", "Guard", "self", "turn", (modifier("damage_taken_mul", "0.25"),)),
    SpiritDef("mercy", "Mercy", "self", "next_attack", (modifier("mercy", 1),)),
    SpiritDef("zeal", "Zeal", "self", "next_action", (modifier("extra_action", 1),)),
    SpiritDef("accel", "Accel", "self", "next_move", (modifier("move", 3),)),
)
ABILITIES = (
    AbilityDef(
        "v_max_ready",
        "V-MAX Ready",
        (
            modifier("mobility", 20, when={"will_at_least": 130}),
            modifier("move", 1, when={"will_at_least": 130}),
            modifier("barrier", 1000, when={"will_at_least": 130}, types={"beam"}),
        ),
    ),
)
STATUSES = (StatusDef("overheat", "Overheat", (modifier("mobility", -30), modifier("no_counter", 1)), "turn"),)
SKILLS = (
    SkillDef("support_attack", "Support Attack", (modifier("support_attack", 1, per_level=True),), 4),
    SkillDef("support_defend", "Support Defend", (modifier("support_defend", 1, per_level=True),), 4),
)


def give(battle, uid: str, spirit: str, duration: str = "turn") -> None:  # type: ignore[no-untyped-def]
    """Test set-up shortcut: put a spirit effect on a unit without casting it."""
    from game.core.state import EffectState

    u = battle.state.units[uid]
    u.effects = (*u.effects, EffectState("spirit", spirit, duration))


def definitions(**extra):  # type: ignore[no-untyped-def]
    return make_definitions(
        units=[LAYZNER, BRAVER, GREIMKAISER, BASE, *extra.pop("units", ())],
        pilots=[EIJI, GRUNT, GALE, *extra.pop("pilots", ())],
        spirits=SPIRITS,
        abilities=ABILITIES,
        statuses=STATUSES,
        skills=[*SKILLS, *extra.pop("skills", ())],
        **extra,
    )


__all__ = ["SkillRef", "definitions", "give"]
