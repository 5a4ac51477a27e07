"""Mods: deep merge, delete, conflicts, requirements, load order, where mods are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.data import LoadResult, load_game_data
from tests.data.conftest import REPO, Game


def manifest(ident: str, version: str = "1.0", requires: str = "[]") -> str:
    return f"id: {ident}\nname: {ident.title()}\nversion: {version}\nrequires: {requires}\n"


def problems(result: LoadResult) -> str:
    return "\n".join(str(p) for p in result.problems)


def test_a_mod_changes_one_weapon_without_copying_the_unit(game: Game) -> None:
    game.mod("buff", manifest("buff"), {"units/layzner.yaml": "weapons:\n  - id: v_max\n    power: 4000\n"})
    result = game.load()
    assert result.errors == [], problems(result)
    layzner = result.definitions.units["layzner"]
    assert layzner.weapon("v_max").power == 4000
    assert layzner.weapon("v_max").will == 120  # the rest of the weapon is kept
    assert [w.id for w in layzner.weapons] == ["knuckle_shot", "calf_missile", "layzered_rifle", "v_max"]
    assert layzner.hp == 3700
    assert result.origins["units"]["layzner"] == ("game", "buff")


def test_a_mod_adds_and_removes_weapons_and_changes_fields(game: Game) -> None:
    patch = (
        "hp: 3000\nranks: {air: S, land: A, sea: C, space: A}\n"
        "weapons:\n  - delete: knuckle_shot\n"
        "  - id: missiles\n    name: Missiles\n    power: 1700\n    range: [2, 5]\n    ammo: 4\n"
    )
    game.mod("m", manifest("m"), {"units/braver.yaml": patch})
    result = game.load()
    assert result.errors == [], problems(result)
    braver = result.definitions.units["braver"]
    assert braver.hp == 3000 and braver.ranks.air == "S"
    assert [w.id for w in braver.weapons] == ["layzered_rifle", "missiles"]


def test_a_mod_patches_by_alias_and_system_entries_by_id(game: Game) -> None:
    game.mod(
        "m",
        manifest("m"),
        {"units/grimekaisar.yaml": "hp: 15000\n", "units/system/spirits.yaml": "focus:\n  cost: 20\n"},
    )
    result = game.load()
    assert result.errors == [], problems(result)
    assert result.definitions.units["greimkaiser"].hp == 15000
    assert result.definitions.spirits["focus"].cost == 20
    assert "grimekaisar" not in result.definitions.units


def test_a_mod_adds_a_unit_and_a_pilot(game: Game) -> None:
    unit = (REPO / "units/braver.yaml").read_text().replace("name: Braver", "name: Braver Two")
    pilot = "name: Ace\nstats: {melee: 1, ranged: 1, skill: 1, defense: 1, hit: 1, evade: 1, sp: 1}\nranks: AAAA\n"
    game.mod("m", manifest("m"), {"units/braver_two.yaml": unit, "units/pilots/ace.yaml": pilot})
    result = game.load()
    assert result.errors == [], problems(result)
    assert result.definitions.units["braver_two"].name == "Braver Two"
    assert result.definitions.pilots["ace"].ranks.air == "A"


def test_delete_removes_entries(game: Game) -> None:
    game.mod(
        "m",
        manifest("m"),
        {"units/doll_supply.yaml": "delete: doll_supply\n", "units/system/spirits.yaml": "delete: [scan]\n"},
    )
    result = game.load()
    assert "doll_supply" not in result.definitions.units and "scan" not in result.definitions.spirits
    # Simone knew Scan: the reference goes, with a warning naming the mod, not an error.
    assert result.errors == [], problems(result)
    assert "scan" not in {r.id for r in result.definitions.pilots["simone"].spirits}
    assert "spirit 'scan' was deleted by mod 'm'" in problems(result)


def test_deleting_what_does_not_exist_is_a_warning(game: Game) -> None:
    game.mod("m", manifest("m"), {"units/ghost.yaml": "delete: ghost\n"})
    result = game.load()
    assert result.errors == []
    assert "mod 'm' deletes unit 'ghost', which does not exist" in problems(result)


def test_an_incomplete_new_entry_is_an_error_in_the_mods_file(game: Game) -> None:
    game.mod("m", manifest("m"), {"units/newthing.yaml": "hp: 3000\n"})
    result = game.load()
    assert "mods/m/units/newthing.yaml:1:1: error: name: missing required field 'name' [schema]" in problems(result)
    assert "newthing" not in result.definitions.units


def test_values_set_by_a_mod_are_reported_in_the_mods_file(game: Game) -> None:
    game.mod("m", manifest("m"), {"units/braver.yaml": "\n\nhp: lots\n"})
    result = game.load()
    assert [str(p) for p in result.errors] == [
        "mods/m/units/braver.yaml:3:5: error: hp: expected a whole number, got 'lots' [schema]"
    ]


def test_conflicting_mods_are_a_warning_naming_both(game: Game) -> None:
    game.mod("alpha", manifest("alpha"), {"units/braver.yaml": "hp: 3000\n"})
    game.mod("beta", manifest("beta"), {"units/braver.yaml": "hp: 3200\n"})
    result = game.load()
    assert result.errors == []
    conflict = [str(p) for p in result.warnings if "conflict" in p.message]
    assert conflict == [
        "mods/beta/units/braver.yaml:1:5: warning: hp: conflict: mod 'alpha' sets this to 3000 and mod 'beta' to 3200; "
        "mod 'beta' wins (it loads later) [mod]"
    ]
    assert result.definitions.units["braver"].hp == 3200


def test_same_value_or_a_required_mod_is_no_conflict(game: Game) -> None:
    game.mod("alpha", manifest("alpha"), {"units/braver.yaml": "hp: 3000\nen: 150\n"})
    game.mod("beta", manifest("beta"), {"units/braver.yaml": "hp: 3000\n"})
    game.mod("gamma", manifest("gamma", requires="[alpha]"), {"units/braver.yaml": "en: 160\n"})
    result = game.load()
    assert [p for p in result.problems if "conflict" in p.message] == []
    assert result.definitions.units["braver"].en == 160


def test_load_order_is_requirements_first_then_by_id(game: Game) -> None:
    game.mod("zeta", manifest("zeta"))
    game.mod("beta", manifest("beta", requires="[zeta, 'alpha>=1.0']"))
    game.mod("alpha", manifest("alpha", version="1.2"))
    game.mod("omega", manifest("omega", requires="{beta: '>=1'}"))
    result = game.load()
    assert result.errors == [], problems(result)
    assert [m.id for m in result.mods] == ["alpha", "zeta", "beta", "omega"]


def test_missing_requirement_is_an_error_and_the_mod_is_not_loaded(game: Game) -> None:
    game.mod("needy", manifest("needy", requires="[nowhere]"), {"units/braver.yaml": "hp: 1\n"})
    game.mod("needier", manifest("needier", requires="[needy]"))
    result = game.load()
    text = problems(result)
    assert "mod 'needy' requires 'nowhere', which is not installed" in text
    assert "mod 'needier' is not loaded: it requires 'needy', which is not loaded" in text
    assert result.mods == () and result.definitions.units["braver"].hp == 2000
    assert {s.info.id: s.loaded for s in result.mod_statuses if s.info} == {"needy": False, "needier": False}


def test_version_requirement_not_met(game: Game) -> None:
    game.mod("base", manifest("base", version="0.9"))
    game.mod("addon", manifest("addon", requires="['base>=1.0']"))
    result = game.load()
    assert "mod 'addon' requires base>=1.0, but version 0.9 is installed" in problems(result)
    assert [m.id for m in result.mods] == ["base"]


def test_requirement_cycle(game: Game) -> None:
    game.mod("a", manifest("a", requires="[b]"))
    game.mod("b", manifest("b", requires="[a]"))
    result = game.load()
    assert "mod 'a' is part of a requirement cycle" in problems(result)
    assert result.mods == ()


def test_bad_manifests(game: Game) -> None:
    game.mod("noversion", "id: noversion\nname: X\n")
    game.mod("badversion", "id: badversion\nname: X\nversion: banana\n")
    game.mod("badreq", "id: badreq\nname: X\nversion: '1'\nrequires: ['???']\n")
    (game.root / "mods" / "notamod").mkdir(parents=True)
    result = game.load()
    text = problems(result)
    assert "mods/noversion/mod.yaml:1:1: error: version: missing required field 'version' [mod]" in text
    assert "'banana' is not a version number" in text
    assert "'???' is not a requirement like" in text
    assert "folder has no mod.yaml, so it is not loaded as a mod" in text
    assert result.mods == ()


def test_duplicate_mod_ids(game: Game) -> None:
    game.mod("one", manifest("same"))
    game.mod("two", manifest("same"))
    result = game.load()
    assert "mod id 'same' is already used by" in problems(result)
    assert [m.path.name for m in result.mods] == ["one"]


def test_a_broken_file_in_a_mod_is_left_out_and_the_rest_applies(game: Game) -> None:
    game.mod("m", manifest("m"), {"units/braver.yaml": "hp: [3000\n", "units/dtol.yaml": "hp: 3333\n"})
    result = game.load()
    assert any("mods/m/units/braver.yaml" in str(p) and "YAML syntax error" in str(p) for p in result.errors)
    assert result.definitions.units["braver"].hp == 2000
    assert result.definitions.units["dtol"].hp == 3333


def test_mods_dirs_on_the_command_line(game: Game, tmp_path: Path) -> None:
    single = game.mod("solo", manifest("solo"), {"units/braver.yaml": "hp: 2700\n"}, base="elsewhere")
    many = game.root / "collection"
    game.mod("x", manifest("x"), {"units/dtol.yaml": "hp: 3100\n"}, base="collection")
    result = game.load(single, many)
    assert result.errors == [], problems(result)
    assert [(m.id, m.source) for m in result.mods] == [("solo", "command line"), ("x", "command line")]
    assert result.definitions.units["braver"].hp == 2700 and result.definitions.units["dtol"].hp == 3100
    missing = game.load(tmp_path / "nope")
    assert "mod folder does not exist" in problems(missing)


def test_user_mods_folder(game: Game, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user = tmp_path / "user" / "mods"
    (user / "mine").mkdir(parents=True)
    (user / "mine" / "mod.yaml").write_text(manifest("mine"))
    monkeypatch.setattr("game.data.mods.user_mods_dir", lambda: user)
    with_user = load_game_data(game.root, user_mods=True, check_assets_exist=False)
    assert [(m.id, m.source) for m in with_user.mods] == [("mine", "user")]
    without = load_game_data(game.root, user_mods=False, check_assets_exist=False)
    assert without.mods == ()


def test_mod_assets_count_for_the_asset_check(game: Game) -> None:
    pilot = "name: Ace\nstats: {melee: 1, ranged: 1, skill: 1, defense: 1, hit: 1, evade: 1, sp: 1}\nranks: AAAA\n"
    root = game.mod("m", manifest("m"), {"units/pilots/ace.yaml": pilot})
    result = game.load(check_assets_exist=True)
    assert any("portraits/ace.png is missing" in str(p) for p in result.errors)
    (root / "assets" / "portraits").mkdir(parents=True)
    (root / "assets" / "portraits" / "ace.png").write_bytes(b"")
    result = game.load(check_assets_exist=True)
    assert not any("portraits/ace.png" in str(p) for p in result.errors)
    assert result.asset_dirs[-1] == root / "assets"


def test_the_example_mod_loads_cleanly(repo: Path) -> None:
    result = load_game_data(repo, [repo / "docs/examples/mods"], user_mods=False, check_assets_exist=False)
    assert result.problems == (), result.format_problems()
    d = result.definitions
    assert [m.id for m in result.mods] == ["veteran_grados"]
    assert d.units["braver"].hp == 3000 and d.units["braver"].weapon("layzered_rifle").power == 2000
    assert d.units["braver"].has_weapon("missile_launcher") and d.units["braver"].has_weapon("knuckle_shot")
    assert result.sprite("braver_commander") == "braver"
    assert [r.id for r in d.pilots["grados_ace"].spirits] == ["focus", "valor"]
    assert d.spirits["scan"].cost == 5


def test_the_example_mod_is_not_loaded_by_default(shipped: LoadResult) -> None:
    assert shipped.mods == () and "braver_commander" not in shipped.definitions.units


def test_a_mod_changes_rules_and_terrain(game: Game) -> None:
    game.mod(
        "m",
        manifest("m"),
        {
            "units/system/rules.yaml": (
                "crit_mul: 1.5\nwill_table:\n"
                "  cool: {hit: 3, miss: 0, damaged: 0, evaded: 3, shot_down: 3, ally_lost: 0}\n"
            ),
            "units/system/terrain.yaml": "sand:\n  evade: 15\n",
        },
    )
    result = game.load()
    assert result.errors == [], problems(result)
    rules = result.definitions.rules
    assert rules.crit_mul == 1.5 and rules.will_table["cool"].hit == 3 and rules.will_table["strong"].miss == -1
    assert (
        result.definitions.terrains["sand"].evade == 15 and result.definitions.terrains["sand"].cost_for("vehicle") == 3
    )


def test_naming_the_game_mods_folder_again_is_harmless(game: Game) -> None:
    game.mod("x", manifest("x"))
    result = game.load(game.root / "mods", game.root / "mods" / "x")
    assert result.problems == () and [m.id for m in result.mods] == ["x"]
