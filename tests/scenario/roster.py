"""Code-built definitions with every terrain, unit and pilot id the campaign uses.

The shipped numbers live in `units/` (the data layer); these are stand-ins with the same ids
and plausible stats (LORE.md, REFERENCE.md B7) so the scenario compiler and the campaign
scripts can be tested on their own.
"""

from __future__ import annotations

from game.core.defs import Definitions, PilotDef, PilotStats, SpiritDef, SpiritRef, TerrainDef, UnitDef, WeaponDef
from game.core.effects import modifier
from game.core.headless import make_definitions
from game.core.ranks import Ranks

X = None  # closed


def _t(tid: str, env: str = "land", g: int | None = 1, v: int | None = 1, f: int | None = 1, **kw: int) -> TerrainDef:
    return TerrainDef(tid, tid.capitalize(), env, {"ground": g, "vehicle": v, "fly": f, "default": g}, **kw)


TERRAINS = {
    t.id: t
    for t in (
        _t("plain"),
        _t("road"),
        _t("sand", g=2, v=3, evade=5),
        _t("crater", g=2, v=2, evade=10),
        _t("rough", g=2, v=3, defense=10, evade=10),
        _t("cliff", g=X, v=X),
        _t("mountain", g=3, v=X, defense=30, evade=20),
        _t("forest", g=2, v=3, defense=10, evade=15),
        _t("building", g=2, v=X, defense=20, evade=10),
        _t("skyscraper", g=X, v=X),
        _t("water", "sea", g=2, v=X),
        _t("bridge"),
        _t("base", defense=20, hp_recovery=10, en_recovery=10),
        _t("cave", defense=20, evade=10),
        _t("town", defense=15, evade=10),
        _t("tower", g=X, v=X, f=X),
        _t("void", "space"),
        _t("debris", "space", g=2, v=2, f=2, defense=10, evade=15),
        _t("asteroid", "space", g=3, v=3, f=3, defense=20, evade=10),
        _t("station", "space", defense=20, hp_recovery=10, en_recovery=10),
    )
}


def _w(wid: str, power: int, lo: int = 1, hi: int = 1, **kw: object) -> WeaponDef:
    return WeaponDef(wid, wid.replace("_", " ").title(), power, lo, hi, post_move=True, **kw)  # type: ignore[arg-type]


SPT = Ranks.parse("A/A/C/A")
KNUCKLE = _w("knuckle", 1400, melee=True)
RIFLE = _w("rifle", 1800, 1, 5, type="beam")


def _u(
    uid: str, hp: int, mob: int, armor: int, move: int, weapons: tuple[WeaponDef, ...] = (KNUCKLE, RIFLE), **kw: object
) -> UnitDef:
    kw.setdefault("ranks", SPT)
    kw.setdefault("size", "S")
    return UnitDef(
        uid, uid.replace("_", " ").title(), hp=hp, en=150, mobility=mob, armor=armor, move=move, weapons=weapons, **kw
    )  # type: ignore[arg-type]


LAYZNER_WEAPONS = (
    _w("knuckle_shot", 1900, melee=True, hit=10),
    _w("calf_missile", 2100, 1, 4, ammo=6, hit=15),
    _w("layzered_rifle", 2400, 2, 6, en_cost=10, hit=10, type="beam"),
)
GRUNT = {"capturable": True, "funds": 2000, "exp": 60}
UNITS = [
    _u("layzner", 3700, 125, 950, 7, LAYZNER_WEAPONS, can_fly=True),
    _u("layzner_mk2", 4500, 135, 1150, 7, LAYZNER_WEAPONS, can_fly=True),
    _u("baybull", 3000, 105, 850, 6, can_fly=True),
    _u("buldy", 3000, 105, 850, 6, can_fly=True),
    _u("doll", 3300, 95, 1000, 6),
    _u("doll_repair", 3300, 95, 1000, 6),
    _u("doll_supply", 3300, 95, 1000, 6),
    _u("dtol", 3000, 85, 900, 6, **GRUNT),
    _u("braver", 2600, 95, 800, 6, can_fly=True, **GRUNT),
    _u("solomco", 2800, 100, 800, 7, can_fly=True, **GRUNT),
    _u("dimarge", 5000, 110, 1000, 6, can_fly=True),
    _u("gunstaid", 5200, 70, 1400, 5, (_w("flamethrower", 2000, 1, 2), KNUCKLE), **GRUNT),
    _u("terminator_police", 3800, 80, 1000, 5, capturable=False),
    _u("greimkaiser", 14000, 120, 1200, 7, (_w("claw", 2600, melee=True), RIFLE), can_fly=True),
    _u("bloodykaiser", 14000, 120, 1200, 7, can_fly=True),
    _u("bullgrenn", 12000, 115, 1100, 7, can_fly=True),
    _u(
        "zakarl",
        22000,
        145,
        1400,
        8,
        (_w("horn_on_arm", 3000, melee=True), _w("layzered_rifle", 2600, 2, 6)),
        can_fly=True,
    ),
    _u(
        "zakarl_red_power",
        34000,
        145,
        1400,
        8,
        (_w("horn_on_arm", 3000, melee=True), _w("layzered_rifle", 2600, 2, 6)),
        can_fly=True,
    ),
    _u("daljuan", 16000, 105, 1300, 6, can_fly=True),
    _u("gashlan", 16000, 105, 1300, 6, can_fly=True),
    _u("el_darr", 16000, 105, 1300, 6, can_fly=True),
    _u("dankova", 16000, 105, 1300, 6, can_fly=True),
    _u("mars_base", 6000, 0, 600, 0, (), size="LL", kind="building", ranks=Ranks.parse("-/A/-/-")),
    _u("buggy", 1200, 60, 400, 5, (), movement="vehicle", kind="vehicle", size="SS"),
    _u("astrohawk", 8000, 40, 900, 5, (), size="L", kind="ship", always_flying=True),
    _u("soviet_jet", 1500, 110, 400, 9, (_w("missile", 1600, 1, 4, ammo=4),), always_flying=True, kind="vehicle"),
    _u("us_jet", 1500, 110, 400, 9, (_w("missile", 1600, 1, 4, ammo=4),), always_flying=True, kind="vehicle"),
    _u("hovercraft", 1500, 70, 600, 5, (_w("gun", 1200, 1, 3),), always_flying=True, kind="vehicle"),
    _u("limousine", 800, 40, 300, 4, (), movement="vehicle", kind="vehicle"),
    _u("cusco_shrine", 8000, 0, 800, 0, (), size="LL", kind="building", ranks=Ranks.parse("-/A/-/-")),
    _u("civilian", 1000, 50, 300, 3, (), size="SS", kind="vehicle"),
]

_P = PilotStats(melee=130, ranged=130, skill=130, defense=120, hit=140, evade=130, sp=40)
PILOT_IDS = [
    "eiji",
    "anna",
    "david",
    "simone",
    "roan",
    "arthur",
    "gale",
    "julia",
    "gosterro",
    "le_cain",
    "karla",
    "derro",
    "giulla",
    "gusten",
    "roberia",
    "mangello",
    "bone",
    "getty",
    "elizabeth",
    "bill",
    "danny",
    "grados_soldier",
    "grados_elite",
    "resistance_fighter",
    "soviet_pilot",
    "us_pilot",
    "terminator_ai",
]
PILOTS = [
    PilotDef(
        pid,
        pid.replace("_", " ").title(),
        PilotStats(150, 158, 160, 135, 170, 172, 60) if pid == "eiji" else _P,
        level=20 if pid in ("eiji", "le_cain", "gale") else 10,
        personality="none" if pid == "terminator_ai" else "normal",
        # Everyone knows Strike so tests can make a blow certain (the shipped spirit lists differ).
        spirits=(SpiritRef("mercy", 5), SpiritRef("focus", 15), SpiritRef("strike", 1)),
    )
    for pid in PILOT_IDS
]
SPIRITS = (
    SpiritDef("mercy", "Mercy", "self", "next_attack", (modifier("mercy", 1),)),
    SpiritDef("focus", "Focus", "self", "turn", (modifier("hit", 30), modifier("evade", 30))),
    SpiritDef("strike", "Strike", "self", "turn", (modifier("hit_set", 100),)),
)


def campaign_definitions() -> Definitions:
    return make_definitions(units=UNITS, pilots=PILOTS, spirits=SPIRITS, terrains=TERRAINS)
