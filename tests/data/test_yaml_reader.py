"""The YAML reader: marks for every value, and hostile or broken input refused cleanly."""

from __future__ import annotations

from pathlib import Path

from game.data.located import YList, YMap, locate
from game.data.problems import Mark
from game.data.yaml_reader import Limits, read_yaml_file, read_yaml_text

BOMB = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
"""


def read(text: str, **limits: int) -> tuple[object, list[str]]:
    data, problems = read_yaml_text(text, "f.yaml", Limits(**limits))
    return data, [str(p) for p in problems]


def test_values_and_marks() -> None:
    data, problems = read("name: Braver\nweapons:\n  - id: rifle\n    power: 1800\n  - {id: knuckle, power: 1.5}\n")
    assert problems == []
    assert isinstance(data, YMap) and isinstance(data["weapons"], YList)
    assert data == {"name": "Braver", "weapons": [{"id": "rifle", "power": 1800}, {"id": "knuckle", "power": 1.5}]}
    assert locate(data, ("weapons", 0, "power")) == Mark("f.yaml", 4, 12)
    assert locate(data, ("weapons", 1, "power")) == Mark("f.yaml", 5, 26)
    assert locate(data, ("weapons", 1, "power"), key=True) == Mark("f.yaml", 5, 19)
    assert locate(data, ("weapons", 1, "missing")) == Mark("f.yaml", 5, 5)


def test_scalars_are_plain_data_only() -> None:
    data, problems = read("a: 2001-01-01\nb: yes\nc: ~\nd: '7'\ne: 0x10\n")
    assert problems == []
    assert data == {"a": "2001-01-01", "b": True, "c": None, "d": "7", "e": 16}


def test_syntax_error_names_line_and_column() -> None:
    data, problems = read("name: Braver\nhp: [1, 2\nen: 3\n")
    assert data is None
    assert len(problems) == 1 and problems[0].startswith("f.yaml:3:")
    assert "YAML syntax error" in problems[0]


def test_duplicate_keys_are_errors() -> None:
    _, problems = read("hp: 1\nen: 2\nhp: 3\n")
    assert problems == [
        "f.yaml:3:1: error: hp: duplicate key 'hp' (first written at line 1); this one is ignored [yaml]"
    ]


def test_alias_bomb_is_refused_quickly() -> None:
    data, problems = read(BOMB)
    assert data is None
    assert "more than 100,000 values" in problems[0] and "alias bomb" in problems[0]


def test_small_aliases_and_merge_keys_work() -> None:
    data, problems = read("base: &w {power: 1800, range: [1, 5]}\nrifle:\n  <<: *w\n  power: 2000\nother: *w\n")
    assert problems == []
    assert data["rifle"] == {"power": 2000, "range": [1, 5]}  # type: ignore[index]
    assert data["other"] == {"power": 1800, "range": [1, 5]}  # type: ignore[index]
    assert data["other"] is not data["base"]  # type: ignore[index]  # copies: a merge into one never changes the other


def test_self_referencing_alias_is_refused() -> None:
    data, problems = read("a: &a [1, *a]\n")
    assert data is None and "alias *a refers to no finished anchor" in problems[0]


def test_deep_nesting_is_refused_without_crashing() -> None:
    # PyYAML's C composer crashes the interpreter on input like this; our reader stops early,
    # with its own message whatever the installed PyYAML's parser would say.
    data, problems = read("[" * 100_000 + "]" * 100_000)
    assert data is None and len(problems) == 1
    assert "f.yaml:1:41:" in problems[0] and "nested more than 40 levels" in problems[0]
    data, problems = read("a:\n  {b: " * 50 + "1" + "}" * 50)
    assert data is None and "nested more than 40 levels" in problems[0]


def test_deep_block_nesting_is_refused_by_our_builder() -> None:
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(45)) + "  " * 45 + "leaf\n"
    data, problems = read(text)
    assert data is None and "nested more than 40 levels" in problems[0]


def test_brackets_in_quotes_and_comments_do_not_count_as_nesting() -> None:
    text = "a: '" + "[" * 60 + "'\nb: \"" + "{" * 60 + '"  # ' + "[" * 60 + "\nc: [[1], {d: 2}]\n"
    data, problems = read(text)
    assert problems == []
    assert data == {"a": "[" * 60, "b": "{" * 60, "c": [[1], {"d": 2}]}


def test_object_building_tags_are_refused() -> None:
    data, problems = read("a: !!python/object/apply:os.system [echo hi]\n")
    assert data is None and "YAML tags such as" in problems[0]
    data, problems = read("a: !custom 3\n")
    assert data is None and "'!custom'" in problems[0]


def test_complex_keys_are_refused() -> None:
    data, problems = read("? [1, 2]\n: x\n")
    assert data is None and "mapping keys must be plain text" in problems[0]
    data, problems = read("1.5: x\n")
    assert data is None and "must be text or a whole number" in problems[0]


def test_one_document_per_file() -> None:
    data, problems = read("a: 1\n---\nb: 2\n")
    assert data is None and "one YAML document" in problems[0]


def test_huge_numbers_are_refused() -> None:
    data, problems = read("hp: " + "9" * 5000 + "\n")
    assert data is None and "at most 40 characters" in problems[0]


def test_size_cap(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2_000_000)
    data, problems = read_yaml_file(big, "big.yaml")
    assert data is None and "at most 1,000,000 bytes" in str(problems[0])


def test_not_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"name: \xff\xfe\n")
    data, problems = read_yaml_file(bad, "bad.yaml")
    assert data is None and "not UTF-8" in str(problems[0])


def test_control_characters(tmp_path: Path) -> None:
    data, problems = read("name: a\x00b\n")
    assert data is None and problems
