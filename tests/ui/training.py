"""Training battles built in code with the headless facade: the UI tests' fixtures.

Small, fixed battles the tests can play start to finish whatever the shipped data says: a
Mars skirmish with dialogue, a reinforcement wave, a boss that retreats, spirits, a repair
unit, flying and every reaction choice; and a short duel.
"""

from __future__ import annotations

from game.core import Deployment
from game.core.context import SideDef
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
    TerrainDef,
    UnitDef,
    WeaponDef,
)
from game.core.effects import modifier
from game.core.headless import make_context, make_definitions
from game.core.ranks import Ranks
from game.core.script import (
    AllDefeated,
    Dialogue,
    DialogueLine,
    HpAtMost,
    NoneActive,
    Not,
    Objective,
    Objectives,
    PhaseIs,
    Retreat,
    Script,
    Select,
    SetObjectives,
    Spawn,
    Trigger,
    TurnAtLeast,
)
from game.ui.model.catalog import CodeCatalog, LoadedScenario, ScenarioInfo

LAND = Ranks.parse("A/A/C/A")

TERRAINS = {
    "plain": TerrainDef("plain", "Plain"),
    "sand": TerrainDef("sand", "Sand", move_cost={"default": 2, "vehicle": 3}, evade=5),
    "crater": TerrainDef("crater", "Crater", move_cost={"default": 2}, evade=10),
    "rough": TerrainDef("rough", "Rough", move_cost={"default": 2, "vehicle": 3}, defense=10, evade=10),
    "mountain": TerrainDef("mountain", "Mountain", move_cost={"default": 3, "vehicle": None}, defense=30, evade=20),
    "cliff": TerrainDef("cliff", "Cliff", move_cost={"default": None, "fly": 1}),
    "base": TerrainDef("base", "Base", defense=20, hp_recovery=10, en_recovery=10),
    "water": TerrainDef("water", "Water", environment="sea", move_cost={"default": 2, "vehicle": None}),
}

WEAPONS = {
    "knuckle": WeaponDef("knuckle_shot", "Knuckle Shot", 1900, 1, 1, hit=10, crit=10, post_move=True, melee=True),
    "calf": WeaponDef("calf_missile", "Calf Missile", 2100, 1, 4, hit=15, ammo=6, post_move=True),
    "rifle": WeaponDef(
        "layzered_rifle", "Layzered Rifle", 2400, 2, 6, hit=10, en_cost=10, post_move=True, type="beam", ranks=LAND
    ),
    "vmax": WeaponDef(
        "v_max",
        "V-MAX",
        3800,
        1,
        3,
        hit=25,
        en_cost=40,
        will=120,
        post_move=True,
        melee=True,
        type="ram",
        tags=frozenset({"vmax"}),
        user_status="overheat",
    ),
}

UNITS = (
    UnitDef(
        "layzner",
        "Layzner",
        hp=3700,
        en=170,
        mobility=125,
        armor=950,
        move=7,
        size="S",
        ranks=LAND,
        can_fly=True,
        weapons=(WEAPONS["knuckle"], WEAPONS["calf"], WEAPONS["rifle"], WEAPONS["vmax"]),
        abilities=(AbilityRef("v_max_ready"),),
        description="Eiji's blue SPT, carrying the V-MAX system.",
    ),
    UnitDef(
        "doll",
        "Doll",
        hp=2900,
        en=130,
        mobility=90,
        armor=850,
        move=5,
        size="S",
        ranks=LAND,
        weapons=(WeaponDef("doll_rifle", "Assault Rifle", 1700, 1, 5, hit=5, ammo=10, post_move=True),),
        abilities=(AbilityRef("repair_kit"),),
        description="Earth-built SPT with a repair kit.",
    ),
    UnitDef(
        "braver",
        "Braver",
        hp=2600,
        en=120,
        mobility=95,
        armor=800,
        move=6,
        size="S",
        ranks=LAND,
        can_fly=True,
        weapons=(
            WeaponDef("braver_knuckle", "Knuckle Shot", 1400, 1, 1, post_move=True, melee=True),
            WeaponDef("braver_rifle", "Layzered Rifle", 1800, 1, 5, post_move=True, type="beam"),
        ),
        capturable=True,
        exp=60,
        funds=2000,
        description="The standard Grados SPT.",
    ),
    UnitDef(
        "greimkaiser",
        "Greimkaiser",
        hp=14000,
        en=200,
        mobility=120,
        armor=1200,
        move=7,
        size="S",
        ranks=LAND,
        weapons=(
            WeaponDef("claw", "Claw", 2600, 1, 1, hit=10, crit=10, post_move=True, melee=True),
            WeaponDef("greim_beam", "Beam Cannon", 2900, 2, 5, en_cost=20, type="beam"),
        ),
        exp=300,
        funds=8000,
        description="Gale's commander SPT.",
    ),
)

SPIRITS = (
    SpiritDef(
        "focus",
        "Focus",
        "self",
        "turn",
        (modifier("hit", 30), modifier("evade", 30)),
        description="+30 hit and evade this turn.",
    ),
    SpiritDef(
        "strike", "Strike", "self", "turn", (modifier("hit_set", 100),), description="Every attack hits this turn."
    ),
    SpiritDef(
        "alert", "Alert", "self", "next_defense", (modifier("hit_taken_set", 0),), description="Dodge the next attack."
    ),
    SpiritDef(
        "valor",
        "Valor",
        "self",
        "next_attack",
        (modifier("valor", 2, when={"roles": ("attack", "counter")}),),
        description="The next attack deals double damage.",
    ),
    SpiritDef(
        "guard",
        "Guard",
        "self",
        "turn",
        (modifier("damage_taken_mul", "0.25"),),
        description="Damage taken x1/4 this turn.",
    ),
    SpiritDef(
        "mercy",
        "Mercy",
        "self",
        "next_attack",
        (modifier("mercy", 1),),
        description="A finishing blow leaves the target at 10 HP.",
    ),
    SpiritDef("accel", "Accel", "self", "next_move", (modifier("move", 3),), description="+3 move on the next move."),
    SpiritDef(
        "trust",
        "Trust",
        "ally",
        "instant",
        (modifier("heal_hp", 3000),),
        description="Restore 3000 HP to another unit.",
    ),
    SpiritDef("spirit", "Spirit", "self", "instant", (modifier("will", 10),), description="+10 Will."),
    SpiritDef(
        "zeal",
        "Zeal",
        "self",
        "next_action",
        (modifier("extra_action", 1),),
        description="Move and act again after the next action.",
    ),
)

PILOTS = (
    PilotDef(
        "eiji",
        "Eiji Asuka",
        PilotStats(150, 158, 160, 135, 170, 172, 60),
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
        skills=(SkillRef("support_attack", 1),),
    ),
    PilotDef(
        "simone",
        "Simone Refrain",
        PilotStats(120, 135, 140, 120, 150, 150, 50),
        level=15,
        personality="cool",
        ranks=Ranks.parse("B/A/C/B"),
        spirits=(SpiritRef("focus", 15), SpiritRef("trust", 30), SpiritRef("spirit", 30), SpiritRef("accel", 5)),
        skills=(SkillRef("support_defend", 1),),
    ),
    PilotDef(
        "grados_soldier",
        "Grados Soldier",
        PilotStats(120, 120, 120, 110, 130, 120, 0),
        level=10,
        personality="strong",
        ranks=Ranks.parse("B/B/C/B"),
    ),
    PilotDef(
        "gale",
        "Ahmos Gale",
        PilotStats(155, 158, 160, 145, 165, 160, 50),
        level=25,
        personality="cool",
        ranks=Ranks.parse("A/A/B/A"),
        start_will=110,
        spirits=(SpiritRef("focus", 15), SpiritRef("guard", 25)),
    ),
)

SKILLS = (
    SkillDef("support_attack", "Support Attack", (modifier("support_attack", 1, per_level=True),), max_level=4),
    SkillDef("support_defend", "Support Defend", (modifier("support_defend", 1, per_level=True),), max_level=4),
)
ABILITIES = (
    AbilityDef(
        "v_max_ready",
        "V-MAX",
        (
            modifier("mobility", 20, when={"will_at_least": 130}),
            modifier("move", 1, when={"will_at_least": 130}),
            modifier("barrier", 1000, types=("beam",), when={"will_at_least": 130}),
        ),
    ),
    AbilityDef("repair_kit", "Repair Kit", (modifier("repair", 50),)),
)
STATUSES = (StatusDef("overheat", "Overheat", (modifier("mobility", -30), modifier("no_counter", 1)), duration="turn"),)

FIRST_CONTACT_MAP = [
    "mmrss......ss.....rrmm",
    "mrrs.......sss.....rmm",
    "r..s..cc....s.......rm",
    "...s..cc..........c..r",
    "..BB.......mm.....cc..",
    "..BB......mmm.........",
    "..........mm....ss....",
    "......~~.......sss..cc",
    ".....~~~~.......s...cc",
    "rr....~~..........r...",
    "mrr..........ss..rrr..",
    "mmrr........sss.rrmmm.",
]
LEGEND = {
    ".": "plain",
    "s": "sand",
    "c": "crater",
    "r": "rough",
    "m": "mountain",
    "#": "cliff",
    "B": "base",
    "~": "water",
}


def _definitions():  # type: ignore[no-untyped-def]
    return make_definitions(
        units=UNITS,
        pilots=PILOTS,
        spirits=SPIRITS,
        skills=SKILLS,
        abilities=ABILITIES,
        statuses=STATUSES,
        terrains=TERRAINS,
    )


def _line(speaker: str, text: str, portrait: str | None = None) -> DialogueLine:
    return DialogueLine(speaker, text, portrait)


FIRST_CONTACT = ScenarioInfo(
    "training_first_contact",
    "Training: First Contact",
    "Mars, 1996. Grados Bravers are closing on the Mars Observation Base. Eiji and Simone's Doll "
    "must drive them off. Intelligence expects a commander unit to follow.",
    ("Defeat every Grados unit, or make Gale retreat.",),
    ("The Layzner is destroyed.",),
    ("Win by the end of turn 5.",),
    "Mars, near the UN base",
)


def first_contact() -> LoadedScenario:
    defs = _definitions()
    enemy = Select(side="enemy")
    main = Objectives(
        victory=(Objective("Defeat every Grados unit.", AllDefeated(enemy), "rout"),),
        defeat=(Objective("The Layzner is destroyed.", NoneActive(Select(uid="layzner")), "layzner_lost"),),
        bonus=(Objective("Win by the end of turn 5.", Not(TurnAtLeast(6)), "quick"),),
    )
    boss = Objectives(
        victory=(
            Objective("Defeat every Grados unit.", AllDefeated(enemy), "rout"),
            Objective("Gale retreats.", NoneActive(Select(uid="gale")), "gale_gone"),
        ),
        defeat=main.defeat,
        bonus=main.bonus,
    )
    script = Script(
        objectives={"main": main, "boss": boss},
        triggers=(
            Trigger(
                "opening",
                PhaseIs("player", 1),
                (
                    Dialogue(
                        (
                            _line("Eiji", "Grados Bravers... they're heading for the base!", "eiji"),
                            _line("Simone", "The Doll is ready. I'll cover you, Eiji.", "simone"),
                            _line("Eiji", "Stay near the base. I'll draw them off.", "eiji"),
                        )
                    ),
                ),
            ),
            Trigger(
                "gale_arrives",
                PhaseIs("enemy", 2),
                (
                    Spawn(
                        (
                            Deployment("greimkaiser", "enemy", pilot="gale", pos=(20, 2), uid="gale"),
                            Deployment("braver", "enemy", pilot="grados_soldier", pos=(20, 4), uid="braver_4"),
                        )
                    ),
                    Dialogue(
                        (
                            _line("Gale", "Eiji! You betray Grados for these Earthlings?", "gale"),
                            _line("Eiji", "Gale... I won't let you destroy this planet!", "eiji"),
                        )
                    ),
                    SetObjectives("boss"),
                ),
            ),
            Trigger(
                "gale_retreats",
                HpAtMost(Select(uid="gale"), 60),
                (Retreat(Select(uid="gale"), _line("Gale", "Tch... This isn't over, Eiji!", "gale")),),
            ),
        ),
    )
    ctx = make_context(
        defs,
        FIRST_CONTACT_MAP,
        legend=LEGEND,
        sides=(SideDef("player", "UN Forces"), SideDef("enemy", "Grados")),
        script=script,
        scenario_id=FIRST_CONTACT.id,
    )
    deployments = (
        Deployment("layzner", "player", pilot="eiji", pos=(4, 5), uid="layzner"),
        Deployment("doll", "player", pilot="simone", pos=(3, 6), uid="doll"),
        Deployment("braver", "enemy", pilot="grados_soldier", pos=(14, 3), uid="braver_1"),
        Deployment("braver", "enemy", pilot="grados_soldier", pos=(16, 6), uid="braver_2"),
        Deployment("braver", "enemy", pilot="grados_soldier", pos=(15, 9), uid="braver_3"),
    )
    return LoadedScenario(FIRST_CONTACT, ctx, deployments, seed=1985)


DUEL = ScenarioInfo(
    "training_duel",
    "Training: Duel",
    "A short drill: the Layzner against two Bravers on open ground.",
    ("Defeat both Bravers.",),
    ("The Layzner is destroyed.",),
    (),
    "Mars, training ground",
)


def duel() -> LoadedScenario:
    defs = _definitions()
    main = Objectives(
        victory=(Objective("Defeat both Bravers.", AllDefeated(Select(side="enemy")), "rout"),),
        defeat=(Objective("The Layzner is destroyed.", NoneActive(Select(uid="layzner")), "lost"),),
    )
    ctx = make_context(
        defs,
        ["............", "....ss......", "...sss..cc..", "..........r.", "......rr....", "............"],
        legend=LEGEND,
        script=Script(objectives={"main": main}),
        scenario_id=DUEL.id,
    )
    deployments = (
        Deployment("layzner", "player", pilot="eiji", pos=(1, 2), uid="layzner"),
        Deployment("braver", "enemy", pilot="grados_soldier", pos=(6, 2), uid="braver_1", hp_pct=50),
        Deployment("braver", "enemy", pilot="grados_soldier", pos=(8, 3), uid="braver_2", hp_pct=40),
    )
    return LoadedScenario(DUEL, ctx, deployments, seed=7)


def training_catalog() -> CodeCatalog:
    return CodeCatalog(
        builders={FIRST_CONTACT.id: first_contact, DUEL.id: duel},
        infos={FIRST_CONTACT.id: FIRST_CONTACT, DUEL.id: DUEL},
        order=[FIRST_CONTACT.id, DUEL.id],
    )
