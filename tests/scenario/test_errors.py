"""Broken scenario files give errors naming the file, line and key, with suggestions; mods
add and replace scenarios."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from game.scenario import ScenarioError, check_all, list_scenarios, load_scenario
from tests.scenario.roster import campaign_definitions

ROOT = Path(__file__).resolve().parents[2]
MARS = ROOT / "assets" / "tiles" / "mars.tsx"
# tile ids in mars.tsx: 0 plain, 10 mesa_top (cliff)
MAP = f"""<?xml version="1.0" encoding="UTF-8"?>
<map version="1.10" orientation="orthogonal" width="6" height="4" tilewidth="32" tileheight="32" infinite="0">
 <tileset firstgid="1" source="{MARS}"/>
 <layer id="1" name="t" width="6" height="4"><data encoding="csv">
1,1,1,1,1,1,1,1,1,1,11,11,1,1,1,1,1,1,1,1,1,1,1,1</data></layer>
 <objectgroup id="2" name="o">
  <object id="1" name="west" type="spawn" x="16" y="16"><point/></object>
  <object id="2" name="goal" type="region" x="160" y="0" width="32" height="128"/>
 </objectgroup>
</map>
"""
GOOD = """\
id: skirmish
title: Skirmish
map: map.tmx
units:
  - {uid: hero, unit: layzner, pilot: eiji, side: player, at: west}
  - {uid: foe, unit: braver, pilot: grados_soldier, side: enemy, at: [4, 3]}
objectives:
  main:
    victory:
      - {text: Reach the goal, when: {in_region: {uid: hero, region: goal}}}
    defeat:
      - {text: Hero down, when: {destroyed: hero}}
events:
  - id: hello
    when: {turn: 1, phase: player}
    do:
      - dialogue: [{speaker: eiji, text: Hello}]
"""


def write(tmp_path: Path, text: str, sid: str = "skirmish", folder: str = "game") -> Path:
    d = tmp_path / folder / "maps" / sid
    d.mkdir(parents=True, exist_ok=True)
    (d / "map.tmx").write_text(MAP)
    (d / "scenario.yaml").write_text(textwrap.dedent(text))
    return d / "scenario.yaml"


def fail(tmp_path: Path, text: str, sid: str = "skirmish") -> ScenarioError:
    path = write(tmp_path, text, sid)
    with pytest.raises(ScenarioError) as info:
        load_scenario(sid, campaign_definitions(), root=tmp_path / "game")
    for p in info.value.problems:
        assert p.file == str(path)
        assert p.check in ("scenario", "yaml")
    return info.value


def test_the_fixture_is_good(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    sc = load_scenario("skirmish", campaign_definitions(), root=tmp_path / "game")
    state, events = sc.start(3)
    assert state.unit("hero").pos == (0, 0)
    assert [e.lines[0]["text"] for e in events if e.kind == "dialogue_shown"] == ["Hello"]  # type: ignore[attr-defined]
    assert sc.context.script.regions["goal"] == {(5, y) for y in range(4)}


def test_yaml_syntax_error_has_its_line(tmp_path: Path) -> None:
    err = fail(tmp_path, GOOD.replace("title: Skirmish", "title: [Skirmish"))
    assert "YAML syntax error" in str(err)
    assert err.problems[0].line in (2, 3)  # libyaml notices the missing bracket on the next line


def test_unknown_key_suggests(tmp_path: Path) -> None:
    err = fail(tmp_path, GOOD.replace("title:", "titel:"))
    text = str(err)
    assert "scenario.yaml:2:1: error: titel: unknown key 'titel' (did you mean 'title'?) [scenario]" in text
    assert "error: missing required field 'title' [scenario]" in text


def test_unknown_unit_and_pilot(tmp_path: Path) -> None:
    err = fail(tmp_path, GOOD.replace("unit: braver", "unit: bravr").replace("pilot: eiji", "pilot: eij"))
    text = str(err)
    assert "scenario.yaml:6:22: error: units[1].unit: unknown unit 'bravr' (did you mean 'braver'?)" in text
    assert "scenario.yaml:5:39: error: units[0].pilot: unknown pilot 'eij' (did you mean 'eiji'?)" in text
    assert len(err.problems) == 2


def test_unknown_condition_key(tmp_path: Path) -> None:
    err = fail(tmp_path, GOOD.replace("{destroyed: hero}", "{destoryed: hero}"))
    assert "objectives.main.defeat[0].when: a condition is a mapping with one of the keys turn," in str(err)
    assert err.problems[0].line == 12


def test_unknown_action_key(tmp_path: Path) -> None:
    err = fail(tmp_path, GOOD.replace("- dialogue:", "- dialog:"))
    assert "events[0].do[0]: an action is a mapping with one of the keys spawn, dialogue" in str(err)


def test_needs_a_main_objective_set(tmp_path: Path) -> None:
    err = fail(tmp_path, GOOD.replace("  main:", "  first:"))
    assert "needs an objective set named 'main'" in str(err)


def test_unknown_uid_region_and_spawn_point(tmp_path: Path) -> None:
    text = GOOD.replace("{destroyed: hero}", "{destroyed: heró}").replace("region: goal", "region: gaol")
    text = text.replace("at: west", "at: wset")
    err = str(fail(tmp_path, text))
    assert "unknown spawn point 'wset' (did you mean 'west'?)" in err
    assert "unknown region 'gaol' (did you mean 'goal'?)" in err
    assert "no unit has the uid 'heró' (did you mean 'hero'?)" in err


def test_unit_on_a_cliff_is_refused_at_load(tmp_path: Path) -> None:
    err = fail(tmp_path, GOOD.replace("at: [4, 3]", "at: [4, 1]").replace("unit: braver", "unit: dtol"))
    assert "scenario.yaml:6:5: error: units[1]: cannot place this unit:" in str(err)
    assert "cliff" in str(err)


def test_position_outside_the_map(tmp_path: Path) -> None:
    err = fail(tmp_path, GOOD.replace("at: [4, 3]", "at: [40, 3]"))
    assert "units[1].at: (40, 3) is outside the 6x4 map" in str(err)


def test_id_must_match_the_folder(tmp_path: Path) -> None:
    err = fail(tmp_path, GOOD.replace("id: skirmish", "id: other"))
    assert "must match the scenario's folder name 'skirmish'" in str(err)


def test_broken_map_is_reported_against_the_scenario(tmp_path: Path) -> None:
    err = fail(tmp_path, GOOD.replace("map: map.tmx", "map: missing.tmx"))
    assert "scenario.yaml:3:6: error: map: the map cannot be used:" in str(err)
    assert "missing.tmx: cannot read the map" in str(err)


def test_unknown_weather_effect(tmp_path: Path) -> None:
    text = GOOD + "weather:\n  name: Fog\n  effects:\n    - {key: hitt, value: -10}\n"
    err = fail(tmp_path, text)
    assert "weather.effects[0].key: unknown effect key 'hitt' (did you mean 'hit'?)" in str(err)


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 12)]
    err = fail(tmp_path, "\n".join(lines) + "\n")
    assert "alias bomb" in str(err)


def test_not_a_mapping(tmp_path: Path) -> None:
    assert "must be a mapping" in str(fail(tmp_path, "- just a list\n"))


def test_repeating_event_with_fixed_uid(tmp_path: Path) -> None:
    text = GOOD + (
        "  - id: wave\n"
        "    when: {turn: 2, every: 2}\n"
        "    repeat: true\n"
        "    do:\n"
        "      - spawn: [{uid: twin, unit: braver, side: enemy, at: [4, 0]}]\n"
    )
    err = fail(tmp_path, text)
    assert "a repeating event cannot spawn a unit with a fixed uid" in str(err)


def test_unknown_scenario_id(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    with pytest.raises(ScenarioError, match="no scenario 'skirmis' \\(did you mean 'skirmish'\\?\\)"):
        load_scenario("skirmis", campaign_definitions(), root=tmp_path / "game")


def test_mods_add_and_replace_scenarios(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    write(tmp_path, GOOD.replace("title: Skirmish", "title: Modded Skirmish"), folder="mod")
    write(tmp_path, GOOD.replace("id: skirmish", "id: extra"), sid="extra", folder="mod")
    write(tmp_path, "title: [broken", sid="broken", folder="mod")
    infos = {i.id: i for i in list_scenarios(tmp_path / "game", mods=[tmp_path / "mod"])}
    assert infos["skirmish"].title == "Modded Skirmish" and infos["skirmish"].source == str(tmp_path / "mod")
    assert infos["extra"].problem is None
    assert "YAML syntax error" in str(infos["broken"].problem)
    sc = load_scenario("skirmish", campaign_definitions(), root=tmp_path / "game", mods=[tmp_path / "mod"])
    assert sc.title == "Modded Skirmish"


def test_check_all_collects_every_problem(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    write(tmp_path, GOOD.replace("id: skirmish", "id: two").replace("unit: braver", "unit: bravr"), sid="two")
    stray = tmp_path / "game" / "maps" / "loose"
    stray.mkdir()
    (stray / "extra.tmx").write_text("<map")
    loaded, problems = check_all(campaign_definitions(), root=tmp_path / "game")
    assert [s.id for s in loaded] == ["skirmish"]
    text = "\n".join(str(p) for p in problems)
    assert "unknown unit 'bravr'" in text
    assert "extra.tmx" in text and "not well-formed XML" in text
    assert len(problems) == 2


def test_check_all_on_the_shipped_campaign() -> None:
    loaded, problems = check_all(campaign_definitions())
    assert problems == []
    assert sorted(s.id for s in loaded) == sorted(i.id for i in list_scenarios() if i.source == "game")
