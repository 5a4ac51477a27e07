"""A small code-built roster for AI tests and benchmarks, modelled on the game's units
(REFERENCE B7): Layzner, Braver, Dtol, Gunstaid, Grimekaisar, Zakaal, a repair Doll and the
UN Mars base, with a few pilots and spirits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from game.core.context import BattleContext
from game.core.defs import (
    AbilityDef,
    AbilityRef,
    Definitions,
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
from game.core.engine import new_battle
from game.core.headless import make_context, make_definitions
from game.core.ranks import Ranks
from game.core.script import Deployment
from game.core.state import BattleState
from tests.core.roster import ABILITIES as CORE_ABILITIES
from tests.core.roster import SPIRITS as CORE_SPIRITS
from tests.core.roster import STATUSES

SPT = Ranks.parse("A/A/C/A")

# ---- weapons -------------------------------------------------------------------------------
KNUCKLE = WeaponDef("knuckle_shot", "Knuckle Shot", 1900, 1, 1, hit=10, crit=10, post_move=True, melee=True)
CALF = WeaponDef("calf_missile", "Calf Missile", 2100, 1, 4, hit=15, ammo=6, post_move=True)
RIFLE = WeaponDef("layzered_rifle", "Layzered Rifle", 2400, 2, 6, hit=10, en_cost=10, post_move=True, type="beam")
VMAX = WeaponDef(
    "v_max",
    "V-MAX",
    3800,
    1,
    3,
    hit=25,
    crit=30,
    en_cost=40,
    will=120,
    post_move=True,
    melee=True,
    type="ram",
    user_status="overheat",
)
G_KNUCKLE = WeaponDef("knuckle", "Knuckle Shot", 1400, 1, 1, post_move=True, melee=True)
G_RIFLE = WeaponDef("rifle", "Layzered Rifle", 1800, 1, 5, post_move=True, type="beam")
G_MISSILE = WeaponDef("missiles", "Missiles", 1700, 2, 5, hit=5, ammo=4, post_move=True)
# A heavy gun that cannot be fired after moving (not P): stronger, but only from where it stands.
G_CANNON = WeaponDef("cannon", "Heavy Cannon", 2600, 2, 6, hit=0, en_cost=15)
FLAMER = WeaponDef("flamethrower", "Flamethrower", 2000, 1, 2, post_move=True, type="fire")
CLAW = WeaponDef("claw", "Claw", 2600, 1, 1, hit=10, post_move=True, melee=True)
GREIM_RIFLE = WeaponDef("greim_rifle", "Layzered Rifle", 2200, 2, 6, hit=5, post_move=True, type="beam")
HORN = WeaponDef("horn_on_arm", "Horn on Arm", 3000, 1, 1, hit=10, crit=20, post_move=True, melee=True)
Z_RIFLE = WeaponDef("z_rifle", "Layzered Rifle", 2600, 2, 6, hit=10, post_move=True, type="beam")

# ---- units ---------------------------------------------------------------------------------
LAYZNER = UnitDef(
    "layzner",
    "Layzner",
    hp=3700,
    en=170,
    mobility=125,
    armor=950,
    move=7,
    size="S",
    ranks=SPT,
    can_fly=True,
    weapons=(KNUCKLE, CALF, RIFLE, VMAX),
    abilities=(AbilityRef("v_max_ready"),),
)
BRAVER = UnitDef(
    "braver",
    "Braver",
    hp=2600,
    en=120,
    mobility=95,
    armor=800,
    move=6,
    size="S",
    ranks=SPT,
    weapons=(G_KNUCKLE, G_RIFLE),
    exp=60,
    funds=2000,
)
DTOL = UnitDef(
    "dtol",
    "Dtol",
    hp=3000,
    en=120,
    mobility=85,
    armor=900,
    move=6,
    size="S",
    ranks=Ranks.parse("B/A/C/A"),
    weapons=(G_KNUCKLE, G_MISSILE, G_CANNON),
)
GUNSTAID = UnitDef(
    "gunstaid",
    "Gunstaid",
    hp=5200,
    en=130,
    mobility=70,
    armor=1400,
    move=5,
    size="S",
    ranks=Ranks.parse("C/A/C/B"),
    weapons=(G_KNUCKLE, FLAMER),
)
GREIMKAISER = UnitDef(
    "greimkaiser",
    "Grimekaisar",
    hp=14000,
    en=200,
    mobility=120,
    armor=1200,
    move=7,
    size="S",
    ranks=SPT,
    weapons=(CLAW, GREIM_RIFLE),
)
ZAKAAL = UnitDef(
    "zakaal",
    "Zakaal",
    hp=22000,
    en=260,
    mobility=145,
    armor=1400,
    move=8,
    size="S",
    ranks=Ranks.parse("A/A/B/A"),
    weapons=(HORN, Z_RIFLE),
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
    ranks=Ranks.parse("B/A/C/B"),
    weapons=(G_KNUCKLE, G_RIFLE),
    abilities=(AbilityRef("repair_device"),),
)
MARS_BASE = UnitDef(
    "mars_base", "UN Mars Base", hp=6000, en=0, mobility=0, armor=600, move=0, size="LL", kind="building"
)

# ---- pilots --------------------------------------------------------------------------------
EIJI = PilotDef(
    "eiji",
    "Eiji Asuka",
    PilotStats(melee=150, ranged=158, skill=160, defense=135, hit=170, evade=172, sp=60),
    level=20,
    personality="cool",
    ranks=Ranks.parse("A/A/B/A"),
    spirits=(SpiritRef("focus", 15), SpiritRef("alert", 10), SpiritRef("strike", 20), SpiritRef("valor", 40)),
)
GRUNT = PilotDef(
    "grunt",
    "Grados Soldier",
    PilotStats(melee=120, ranged=120, skill=120, defense=110, hit=130, evade=120, sp=0),
    level=10,
    personality="strong",
    ranks=Ranks.parse("B/B/C/B"),
)
ROOKIE = PilotDef(
    "rookie",
    "Resistance Rookie",
    PilotStats(melee=110, ranged=115, skill=110, defense=105, hit=125, evade=115, sp=30),
    level=8,
    ranks=Ranks.parse("B/B/C/B"),
    spirits=(SpiritRef("focus", 15), SpiritRef("vigor", 20)),
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
LE_CAIN = PilotDef(
    "le_cain",
    "Le Cain",
    PilotStats(melee=170, ranged=165, skill=175, defense=150, hit=180, evade=182, sp=90),
    level=30,
    personality="super_strong",
    ranks=Ranks.parse("A/A/A/A"),
    spirits=(SpiritRef("focus", 15), SpiritRef("strike", 20), SpiritRef("alert", 10), SpiritRef("valor", 40)),
)

# The engine tests' spirits, V-MAX Ready and Overheat, plus what the AI tests also need.
SPIRITS = (
    *CORE_SPIRITS,
    SpiritDef("vigor", "Vigor", "self", "instant", (modifier("heal_hp_pct", 30),)),
    SpiritDef("spirit", "Spirit", "self", "instant", (modifier("will", 10),)),
)
ABILITIES = (*CORE_ABILITIES, AbilityDef("repair_device", "Repair Device", (modifier("repair", 50),)))
SKILLS = (SkillDef("support_defend", "Support Defend", (modifier("support_defend", 1, per_level=True),), 4),)

UNITS = (LAYZNER, BRAVER, DTOL, GUNSTAID, GREIMKAISER, ZAKAAL, DOLL, MARS_BASE)
PILOTS = (EIJI, GRUNT, ROOKIE, GALE, LE_CAIN)

__all__ = ["SkillRef"]


def definitions(**extra: Any) -> Definitions:
    return make_definitions(
        units=[*UNITS, *extra.pop("units", ())],
        pilots=[*PILOTS, *extra.pop("pilots", ())],
        spirits=SPIRITS,
        abilities=ABILITIES,
        statuses=STATUSES,
        skills=SKILLS,
        **extra,
    )


def battle(
    deployments: Iterable[Deployment],
    grid: Any = (14, 10),
    *,
    seed: int = 1,
    sides: tuple[str, ...] = ("player", "enemy"),
    defs: Definitions | None = None,
    **ctx_kw: Any,
) -> BattleState:
    ctx: BattleContext = make_context(defs or definitions(), grid, sides=sides, **ctx_kw)
    state, _ = new_battle(ctx, list(deployments), seed)
    return state


def dep(
    unit: str,
    side: str,
    pos: tuple[int, int],
    uid: str,
    pilot: str | None = "grunt",
    ai: Mapping[str, Any] | None = None,
    **kw: Any,
) -> Deployment:
    return Deployment(unit, side, pilot=pilot, pos=pos, uid=uid, ai=ai or {}, **kw)
