"""The shipped data: every file loads without errors and holds the whole roster."""

from __future__ import annotations

import dataclasses
import re
from fractions import Fraction
from pathlib import Path

import pytest

from game.core.defs import RulesDef
from game.core.ranks import Ranks
from game.data import LoadResult, load_game_data
from game.data.layout import read_units_tree
from game.data.schema import Rules
from game.data.yaml_reader import DEFAULT_LIMITS

UNITS = {
    "layzner", "layzner_mk2", "baybull", "buldy", "doll", "doll_repair", "doll_supply", "dtol", "braver",
    "solomco", "dimarge", "gunstaid", "terminator_police", "greimkaiser", "bloodykaiser", "bullgrenn", "zakarl",
    "zakarl_red_power", "daljuan", "gashlan", "el_darr", "dankova", "mars_base", "buggy", "astrohawk",
    "soviet_jet", "us_jet", "hovercraft", "limousine", "cusco_shrine", "civilian",
}  # fmt: skip
PILOTS = {
    "eiji", "anna", "david", "simone", "roan", "arthur", "gale", "julia", "gosterro", "le_cain", "karla", "derro",
    "giulla", "gusten", "roberia", "mangello", "bone", "getty", "elizabeth", "bill", "danny", "grados_soldier",
    "grados_elite", "resistance_fighter", "soviet_pilot", "us_pilot", "terminator_ai",
}  # fmt: skip
SPIRITS = {
    "focus", "strike", "alert", "valor", "soul", "guard", "accel", "zeal", "trust", "vigor", "spirit", "drive",
    "rouse", "luck", "gain", "mercy", "fury", "snipe", "scan", "resupply",
}  # fmt: skip
SKILLS = {
    "prevail",
    "support_attack",
    "support_defend",
    "counter",
    "attacker",
    "guard",
    "genius",
    "hit_and_away",
    "resolve",
}
ABILITIES = {
    "hp_regen_s", "hp_regen_l", "en_regen_s", "en_regen_l", "repair_device", "supply_device", "substitute",
    "v_max_ready", "red_power", "beam_coat",
}  # fmt: skip


def test_every_shipped_file_loads_with_zero_errors(shipped: LoadResult) -> None:
    assert shipped.errors == [], shipped.format_problems()
    assert shipped.warnings == [], shipped.format_problems()


def test_every_yaml_file_under_units_is_read(repo: Path) -> None:
    tree = read_units_tree(repo / "units", repo, DEFAULT_LIMITS)
    on_disk = sorted(p for p in (repo / "units").rglob("*") if p.suffix in (".yaml", ".yml"))
    assert sorted(tree.files) == on_disk
    assert tree.problems == []


def test_the_whole_roster_is_there(shipped: LoadResult) -> None:
    d = shipped.definitions
    assert set(d.units) == UNITS
    assert set(d.pilots) == PILOTS
    assert set(d.spirits) >= SPIRITS
    assert set(d.skills) == SKILLS
    assert set(d.abilities) >= ABILITIES
    assert set(d.statuses) == {"overheat"}


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        ("units", "Grimekaisar", "greimkaiser"),
        ("units", "Bloodykaisar", "bloodykaiser"),
        ("units", "Zakaal", "zakarl"),
        ("units", "New Layzner", "layzner_mk2"),
        ("units", "LAYZNER", "layzner"),
        ("units", "layzner mk-II", "layzner_mk2"),
        ("units", "SPT-LZ-00X", "layzner"),
        ("units", "spt-zk-53u", "zakarl"),
        ("units", "UN Mars Observation Base", "mars_base"),
        ("pilots", "Le Cain", "le_cain"),
        ("pilots", "Rohan", "roan"),
        ("pilots", "Albatro Nal Eiji Asuka", "eiji"),
        ("spirits", "Focus", "focus"),
        ("skills", "Hit & Away", "hit_and_away"),
        ("abilities", "V-MAX Ready", "v_max_ready"),
        ("terrain", "Grados Tower", "tower"),
    ],
)
def test_aliases_resolve_case_insensitively(shipped: LoadResult, kind: str, name: str, expected: str) -> None:
    assert shipped.resolve(kind, name) == expected


def test_every_id_resolves_to_itself(shipped: LoadResult) -> None:
    for kind, entries in shipped.entries.items():
        for ident in entries:
            assert shipped.resolve(kind, ident) == ident
            assert shipped.resolve(kind, ident.upper()) == ident


def test_rules_yaml_writes_every_rules_field_and_matches_rules_md(shipped: LoadResult, repo: Path) -> None:
    text = (repo / "units/system/rules.yaml").read_text()
    written = set(re.findall(r"^([a-z_]+):", text, re.MULTILINE))
    assert written == set(Rules.model_fields)
    # Every engine constant is there; the rest (upgrade prices, caps, start funds) is the campaign's.
    assert {f.name for f in dataclasses.fields(RulesDef) if f.init} <= written
    # The shipped rules are RULES.md's: the defaults in game.core.defs.
    assert shipped.definitions.rules == RulesDef()


def test_decimals_are_exact_fractions(shipped: LoadResult) -> None:
    rules = shipped.definitions.rules
    assert rules.performance[0] == (7, Fraction(11, 10))
    assert rules.crit_mul == Fraction(5, 4)
    assert shipped.definitions.abilities["red_power"].effects[0].value == Fraction(115, 100)
    assert shipped.definitions.spirits["soul"].effects[0].value == Fraction(5, 2)


def _architecture_terrain(repo: Path) -> dict[str, tuple[str, dict[str, int | None], int, int, int, int]]:
    text = (repo / "docs/ARCHITECTURE.md").read_text()
    section = text.split("### Terrain types", 1)[1].split("###", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6 or cells[0] in ("id", "---"):
            continue
        ident, env, cost, defense, evade, recovery = cells
        parts = [None if c.strip() == "-" else int(c) for c in cost.split("/")]
        costs = dict(zip(("ground", "vehicle", "fly"), parts if len(parts) == 3 else parts * 3, strict=True))
        hp = en = 0
        if recovery:
            hp, en = (int(x) for x in re.findall(r"(\d+)%", recovery))
        rows[ident] = (env, costs, int(defense), int(evade), hp, en)
    return rows


def test_terrain_is_exactly_the_architecture_table(shipped: LoadResult, repo: Path) -> None:
    table = _architecture_terrain(repo)
    assert len(table) == 20
    terrains = shipped.definitions.terrains
    assert set(terrains) == set(table)
    for ident, (env, costs, defense, evade, hp, en) in table.items():
        t = terrains[ident]
        assert (t.environment, t.defense, t.evade, t.hp_recovery, t.en_recovery) == (env, defense, evade, hp, en), ident
        for kind, cost in costs.items():
            assert t.cost_for(kind) == cost, (ident, kind)
        # Any other movement kind pays the ground cost.
        assert t.cost_for("hover") == costs["ground"], ident


def test_v_max_weapons_tags_status_and_abilities(shipped: LoadResult) -> None:
    d = shipped.definitions
    for unit_id, weapon_id in [("layzner", "v_max"), ("layzner_mk2", "v_max"), ("layzner_mk2", "v_maximum"),
                               ("zakarl", "v_max_red_power"), ("zakarl_red_power", "v_max_red_power")]:  # fmt: skip
        w = d.units[unit_id].weapon(weapon_id)
        assert "vmax" in w.tags and w.user_status == "overheat" and w.melee and w.type == "ram"
    v = d.units["layzner"].weapon("v_max")
    assert (v.power, v.range_min, v.range_max, v.hit, v.en_cost, v.will, v.post_move) == (3800, 1, 3, 25, 40, 120, True)
    mk2 = d.units["layzner_mk2"]
    assert {a.id for a in mk2.abilities} == {"v_max_ready", "en_regen_s"}
    ready = {m.key: m for m in d.abilities["v_max_ready"].effects}
    assert ready["mobility"].value == 20 and ready["move"].value == 1 and ready["barrier"].value == 1000
    assert ready["barrier"].types == {"beam"}
    assert all(m.when.will_at_least == 130 for m in ready.values())
    overheat = {m.key: m.value for m in d.statuses["overheat"].effects}
    assert overheat == {"mobility": -30, "no_counter": 1} and d.statuses["overheat"].duration == "turn"
    red = d.abilities["red_power"].effects[0]
    assert red.key == "damage_mul" and red.when.weapon_tags == {"vmax"}
    final = d.units["zakarl_red_power"]
    assert final.hp == 12000  # tuned down from SRW 64's 34000 (docs/BALANCE.md)
    assert {(a.id, a.level) for a in final.abilities} == {
        ("v_max_ready", 1),
        ("red_power", 1),
        ("substitute", 1),
    }
    zakarl = d.units["zakarl"]
    assert {w.id for w in zakarl.weapons} == {"horn_on_arm", "layzered_rifle", "v_max_red_power"}
    assert [a.id for a in zakarl.abilities] == ["v_max_ready"]


def test_spirits_use_the_durations_and_roles_the_engine_reads(shipped: LoadResult) -> None:
    s = shipped.definitions.spirits
    assert s["valor"].duration == "next_attack" and s["valor"].effects[0].when.roles == {"attack", "counter", "map"}
    assert s["alert"].duration == "next_defense" and s["alert"].effects[0].key == "hit_taken_set"
    assert s["zeal"].duration == "next_action" and s["zeal"].effects[0].key == "extra_action"
    assert s["luck"].duration == "next_kill" and s["luck"].effects[0].value == 2
    assert s["gain"].duration == "next_battle" and s["gain"].effects[0].key == "exp_mul"
    assert s["accel"].duration == "next_move" and s["accel"].effects[0].value == 3
    assert s["guard"].effects[0].value == Fraction(1, 4)
    attacker = shipped.definitions.skills["attacker"].effects[0]
    assert attacker.when.roles == {"attack", "counter", "map"} and attacker.when.will_at_least == 130


def test_units_and_pilots_follow_lore(shipped: LoadResult) -> None:
    d = shipped.definitions
    layzner = d.units["layzner"]
    assert (layzner.hp, layzner.en, layzner.mobility, layzner.armor, layzner.move, layzner.size) == (
        3700,
        170,
        125,
        950,
        7,
        "S",
    )
    assert layzner.ranks == Ranks.parse("A/A/C/A")
    for grunt in ("braver", "dtol", "solomco", "dimarge", "gunstaid"):
        assert d.units[grunt].capturable, grunt
    base = d.units["mars_base"]
    assert (base.kind, base.move, base.weapons, base.hp) == ("building", 0, (), 6000)
    buggy = d.units["buggy"]
    assert (buggy.movement, buggy.move, buggy.weapons, buggy.hp) == ("vehicle", 5, (), 1200)
    assert d.units["soviet_jet"].always_flying and d.units["us_jet"].always_flying
    assert d.units["astrohawk"].hp == 8000 and d.units["astrohawk"].ranks.space != "-"
    assert d.units["hovercraft"].hp == 1500 and d.units["limousine"].hp == 800
    assert (d.units["civilian"].move, d.units["civilian"].weapons) == (3, ())
    assert d.units["doll_repair"].abilities[0].id == "repair_device"
    assert d.units["doll_supply"].abilities[0].id == "supply_device"
    assert any(w.type == "fire" for w in d.units["gunstaid"].weapons)
    for size_s in ("layzner", "braver", "zakarl", "daljuan", "gashlan", "el_darr", "dankova", "doll"):
        assert d.units[size_s].size == "S"
    eiji = d.pilots["eiji"]
    assert (eiji.stats.melee, eiji.stats.hit, eiji.stats.evade, eiji.stats.sp, eiji.level) == (150, 170, 172, 60, 20)
    assert [r.id for r in eiji.spirits] == ["focus", "mercy", "alert", "strike", "valor", "zeal"]
    assert eiji.personality == "cool"
    le_cain = d.pilots["le_cain"]
    assert (le_cain.stats.skill, le_cain.stats.evade, le_cain.stats.sp) == (175, 182, 90)
    assert {r.id for r in le_cain.skills} == {"genius", "prevail", "counter", "attacker"}
    ai = d.pilots["terminator_ai"]
    assert ai.personality == "none" and ai.spirits == ()
    for p in d.pilots.values():
        assert len(p.spirits) <= 6, p.id
        assert all(r.cost > 0 for r in p.spirits)
    assert all(len(u.weapons) == len({w.id for w in u.weapons}) for u in d.units.values())


def test_portraits_default_to_pilot_ids_and_sprites_to_unit_ids(shipped: LoadResult) -> None:
    assert shipped.portrait("eiji") == "eiji"
    assert shipped.portrait("grados_elite") == "grados_elite"
    assert shipped.portrait("soviet_pilot") == "soviet_pilot"
    assert shipped.sprite("layzner") == "layzner"


def test_shipped_assets_exist(repo: Path) -> None:
    """Every sprite and portrait the data names is shipped."""
    result = load_game_data(repo, user_mods=False)
    assert [str(p) for p in result.problems if p.check == "asset"] == []
