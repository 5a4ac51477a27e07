"""Each kind of bad input gets its own precise message (file:line:col, key path, the value,
what was expected), the broken entry is left out, and everything else still loads."""

from __future__ import annotations

import pytest

from game.data import LoadResult
from tests.data.conftest import Game


def errors(result: LoadResult) -> list[str]:
    return [str(p) for p in result.errors]


def the_error(result: LoadResult) -> str:
    found = errors(result)
    assert len(found) == 1, "\n".join(found)
    return found[0]


def test_the_unbroken_copy_is_clean(game: Game) -> None:
    assert errors(game.load()) == []


def test_broken_yaml_syntax_leaves_only_that_file_out(game: Game) -> None:
    game.edit("units/braver.yaml", "hp: 2000", "hp: [2000")
    result = game.load()
    message = the_error(result)
    assert message.startswith("units/braver.yaml:") and "YAML syntax error" in message and "[yaml]" in message
    assert "braver" not in result.definitions.units
    assert len(result.definitions.units) == 30 and "layzner" in result.definitions.units


def test_wrong_type(game: Game) -> None:
    game.edit("units/braver.yaml", "hp: 2000", 'hp: "lots"')
    result = game.load()
    assert the_error(result) == "units/braver.yaml:5:5: error: hp: expected a whole number, got 'lots' [schema]"
    assert "braver" not in result.definitions.units and "dtol" in result.definitions.units
    assert any("'braver' is left out" in str(p) for p in result.warnings)


def test_quoted_number_is_not_silently_converted(game: Game) -> None:
    game.edit("units/braver.yaml", "hp: 2000", 'hp: "2000"')
    assert "got the text '2000' (remove the quotes)" in the_error(game.load())


def test_wrong_type_inside_a_weapon_names_the_key_path(game: Game) -> None:
    game.edit("units/layzner.yaml", "power: 2400", "power: 24.5")
    assert the_error(game.load()) == (
        "units/layzner.yaml:49:12: error: weapons[2].power: expected a whole number, got 24.5 [schema]"
    )


def test_unknown_key_suggests_the_nearest(game: Game) -> None:
    game.edit("units/braver.yaml", "mobility: 95", "mobilty: 95")
    messages = errors(game.load())
    assert (
        "units/braver.yaml:7:1: error: mobilty: unknown key 'mobilty' (did you mean 'mobility'?) [schema]" in messages
    )
    assert "units/braver.yaml:2:1: error: mobility: missing required field 'mobility' [schema]" in messages


def test_unknown_effect_key_suggests_the_nearest(game: Game) -> None:
    game.edit("units/system/spirits.yaml", "    - hit: 30", "    - hitt: 30")
    result = game.load()
    assert "units/system/spirits.yaml:13:7: error: focus.effects[0].hitt: unknown key 'hitt' (did you mean 'hit'?)" in (
        the_error(result)
    )
    # The spirit is left out; Eiji still loads, without it, and says why.
    assert "focus" not in result.definitions.spirits
    assert "focus" not in {r.id for r in result.definitions.pilots["eiji"].spirits}


def test_reference_to_a_failed_entry_says_so(game: Game) -> None:
    game.edit("units/system/spirits.yaml", "    - hit: 30", "    - hitt: 30")
    problems = [str(p) for p in game.load().problems]
    assert any(
        "units/pilots/eiji.yaml:" in p and "spirit 'focus' failed to load (see its errors)" in p for p in problems
    )


def test_effect_with_two_keys(game: Game) -> None:
    game.edit("units/system/spirits.yaml", "    - hit: 30\n", "    - {hit: 30, evade: 30}\n")
    assert "an effect has exactly one effect key, found evade, hit" in the_error(game.load())


def test_flag_written_false(game: Game) -> None:
    game.edit("units/system/statuses.yaml", "no_counter: true", "no_counter: false")
    assert "write 'no_counter: true' (this is a flag" in the_error(game.load())


def test_unknown_reference_suggests_the_nearest(game: Game) -> None:
    game.edit("units/pilots/eiji.yaml", "{id: strike, cost: 20, level: 9}", "{id: strke, cost: 20, level: 9}")
    result = game.load()
    assert the_error(result) == (
        "units/pilots/eiji.yaml:13:10: error: spirits[3].id: "
        "unknown spirit 'strke' (did you mean 'strike'?) [reference]"
    )
    # The pilot still loads, without the bad reference.
    assert [r.id for r in result.definitions.pilots["eiji"].spirits] == ["focus", "mercy", "alert", "valor", "zeal"]


def test_references_accept_aliases_in_any_case(game: Game) -> None:
    game.edit("units/pilots/eiji.yaml", "{id: strike,", "{id: STRIKE,")
    game.edit("units/layzner.yaml", "abilities: [v_max_ready]", "abilities: [V-MAX Ready]")
    result = game.load()
    assert errors(result) == []
    assert "strike" in {r.id for r in result.definitions.pilots["eiji"].spirits}
    assert result.definitions.units["layzner"].abilities[0].id == "v_max_ready"


def test_unknown_status_on_a_weapon(game: Game) -> None:
    game.edit("units/layzner.yaml", "user_status: overheat", "user_status: overheated")
    result = game.load()
    assert "weapons[3].user_status: unknown status 'overheated' (did you mean 'overheat'?)" in the_error(result)
    assert result.definitions.units["layzner"].weapon("v_max").user_status is None


def test_missing_required_field(game: Game) -> None:
    game.edit("units/braver.yaml", "name: Braver\n", "")
    assert the_error(game.load()) == "units/braver.yaml:2:1: error: name: missing required field 'name' [schema]"


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        ("ranks: A/A/X/A", "ranks.sea: expected one of S, A, B, C, D, -; got 'X'"),
        ("ranks: A/A/C", "ranks: ranks need four letters for Air/Land/Sea/Space, like 'A/A/C/A'; got 'A/A/C'"),
        ("ranks: {air: A, land: A, sea: C}", "ranks.space: missing required field 'space'"),
    ],
)
def test_bad_rank_letters(game: Game, new: str, expected: str) -> None:
    game.edit("units/braver.yaml", "ranks: A/A/C/A", new)
    assert expected in the_error(game.load())


def test_lower_case_rank_letters_are_fine(game: Game) -> None:
    game.edit("units/braver.yaml", "ranks: A/A/C/A", "ranks: a/a/c/a")
    assert errors(game.load()) == []


def test_bad_choice_suggests(game: Game) -> None:
    game.edit("units/pilots/eiji.yaml", "personality: cool", "personality: coool")
    assert "personality: expected one of normal, strong, super_strong, cool, cautious, none; got 'coool' " \
        "(did you mean 'cool'?)" in the_error(game.load())  # fmt: skip


def test_duplicate_weapon_id(game: Game) -> None:
    game.edit("units/braver.yaml", "id: layzered_rifle", "id: knuckle_shot")
    assert "two weapons have the id 'knuckle_shot'" in the_error(game.load())


def test_id_not_matching_file_name(game: Game) -> None:
    game.edit("units/braver.yaml", "name: Braver", "id: bravor\nname: Braver")
    assert "id 'bravor' does not match the file name 'braver.yaml'" in the_error(game.load())


def test_duplicate_id_in_a_system_file_is_a_duplicate_key(game: Game) -> None:
    game.write(
        "units/system/statuses.yaml",
        (game.path("units/system/statuses.yaml").read_text() + "overheat:\n  name: Again\n  effects: [{move: -1}]\n"),
    )
    result = game.load()
    assert the_error(result) == (
        "units/system/statuses.yaml:11:1: error: overheat: duplicate key 'overheat' (first written at line 4); "
        "this one is ignored [yaml]"
    )
    assert result.definitions.statuses["overheat"].name == "Overheat"


def test_a_reference_into_a_broken_system_file_says_so(game: Game) -> None:
    game.edit("units/system/statuses.yaml", "  duration: turn", "  duration: [turn")
    result = game.load()
    assert "units/system/statuses.yaml" in the_error(result) and "YAML syntax error" in the_error(result)
    assert any(
        "unknown status 'overheat': units/system/statuses.yaml failed to load" in str(p) for p in result.warnings
    )


def test_alias_clash_is_an_error(game: Game) -> None:
    game.edit("units/braver.yaml", "name: Braver", "name: Braver\naliases: [Dtol]")
    assert "alias 'Dtol' already names unit 'dtol'; this alias is ignored" in the_error(game.load())


def test_bad_file_name(game: Game) -> None:
    game.write("units/New Unit.yaml", "name: X\n")
    assert "file name 'New Unit.yaml' is not a valid id" in the_error(game.load())


def test_instant_effect_outside_a_spirit(game: Game) -> None:
    game.edit("units/system/abilities.yaml", "    - hp_regen_pct: 10", "    - heal_hp_pct: 10")
    assert "'heal_hp_pct' is an instant effect and only works in spirit commands" in the_error(game.load())


def test_lasting_effect_on_an_instant_spirit(game: Game) -> None:
    game.edit("units/system/spirits.yaml", "  duration: turn\n  cost: 15", "  duration: instant\n  cost: 15")
    messages = errors(game.load())
    assert any("Focus lasts 'instant' but 'hit' is a lasting effect" in m for m in messages)


def test_barrier_option_on_another_key(game: Game) -> None:
    game.edit("units/system/abilities.yaml", "    - hp_regen_pct: 10", "    - {hp_regen_pct: 10, en_cost: 5}")
    assert "'en_cost' only applies to a barrier, not to 'hp_regen_pct'" in the_error(game.load())


def test_skill_level_above_its_maximum(game: Game) -> None:
    game.edit("units/pilots/eiji.yaml", "{id: prevail, level: 3}", "{id: prevail, level: 12}")
    message = the_error(game.load())
    assert "must be at most 99" not in message and "skill 'prevail' goes up to level 9, not 12" in message


def test_too_many_spirits(game: Game) -> None:
    game.edit("units/pilots/eiji.yaml", "  - {id: zeal, cost: 60, level: 20}", "  - zeal\n  - soul")
    assert "spirits: has 7 items; at most 6 are allowed" in the_error(game.load())


def test_flying_unit_without_air_rank(game: Game) -> None:
    game.edit("units/braver.yaml", "ranks: A/A/C/A", "ranks: -/A/C/A")
    assert "the unit can fly but its Air rank is '-'" in the_error(game.load())


def test_bad_range(game: Game) -> None:
    game.edit("units/braver.yaml", "range: [1, 5]", "range: [5, 1]")
    assert "range needs 0 <= minimum <= maximum <= 99, got 5-1" in the_error(game.load())


def test_broken_rules_fall_back_to_the_defaults(game: Game) -> None:
    game.edit("units/system/rules.yaml", "crit_mul: 1.25", "crit_mul: lots")
    result = game.load()
    assert "crit_mul: expected a number such as 1.1 or 3/4, got 'lots'" in the_error(result)
    assert result.definitions.rules.crit_mul == 1.25
    assert any("defaults of RULES.md are used" in str(p) for p in result.warnings)


def test_incomplete_rules_table(game: Game) -> None:
    game.edit("units/system/rules.yaml", "size_hit: {SS: 0.4, S: 0.8, M: 1.0, L: 1.2, LL: 1.4}", "size_hit: {S: 0.8}")
    assert "the table needs a value for every size; missing SS, M, L, LL" in the_error(game.load())


def test_movement_kind_nobody_knows_is_a_warning(game: Game) -> None:
    game.edit("units/buggy.yaml", "movement: vehicle", "movement: vehicel")
    result = game.load()
    assert errors(result) == []
    assert any("movement kind 'vehicel'" in str(p) and "did you mean 'vehicle'?" in str(p) for p in result.warnings)


def test_barrier_type_no_weapon_has_is_a_warning(game: Game) -> None:
    game.edit("units/system/abilities.yaml", "types: [beam]\n      en_cost: 5", "types: [bem]\n      en_cost: 5")
    result = game.load()
    assert any("no weapon has type 'bem'" in str(p) and "did you mean 'beam'?" in str(p) for p in result.warnings)


def test_not_a_mapping(game: Game) -> None:
    game.write("units/braver.yaml", "- just\n- a list\n")
    assert "units/braver.yaml:1:1: error: expected a mapping of fields" in the_error(game.load())


def test_empty_file(game: Game) -> None:
    game.write("units/braver.yaml", "# nothing yet\n")
    assert the_error(game.load()) == "units/braver.yaml: error: the file is empty [layout]"


def test_unknown_system_file_and_folder_are_warnings(game: Game) -> None:
    game.write("units/system/spirit.yaml", "focus: {}\n")
    game.write("units/pilot/x.yaml", "name: x\n")
    result = game.load()
    assert errors(result) == []
    text = "\n".join(str(p) for p in result.warnings)
    assert "unknown system file 'spirit.yaml'" in text and "did you mean 'spirits'?" in text
    assert "unknown folder inside units/" in text and "did you mean 'pilots'?" in text


def test_all_errors_are_collected_not_just_the_first(game: Game) -> None:
    game.edit("units/braver.yaml", "hp: 2000", "hp: x")
    game.edit("units/braver.yaml", "move: 6", "mvoe: 6")
    game.edit("units/dtol.yaml", "armor: 900", "armor: -1")
    game.edit("units/pilots/gale.yaml", "personality: cool", "personality: calm")
    assert len(errors(game.load())) == 5  # hp, mvoe, missing move, armor, personality


def test_no_units_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from game.data import load_game_data

    result = load_game_data(tmp_path, user_mods=False)
    assert "the game folder has no units/ folder" in str(result.errors[0])
    assert len(result.definitions.units) == 0
