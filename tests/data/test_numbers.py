"""Hostile numbers in any numeric field of any shipped YAML file: huge whole numbers (past
Python's 4,300-digit conversion limit, decimal, hex, octal or binary), nan, infinity and
numbers at the edge of the float range are refused with the file, line and key path, or
reach the schema and are reported there; never a traceback."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.data import LoadResult
from game.data.yaml_reader import MAX_NUMBER_CHARS, read_yaml_text
from game.maps import MapData, load_map
from game.scenario import ScenarioError, load_scenario_text
from tests.data.conftest import REPO

NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


def _yaml_files() -> list[Path]:
    return sorted([*(REPO / "units").rglob("*.yaml"), *(REPO / "maps").glob("*/scenario.yaml")])


@functools.cache
def _sites() -> tuple[tuple[str, int, int, int], ...]:
    """(file, start offset, end offset, line) of every plain number written as a value in a
    shipped YAML file (a key over 1,024 characters is a syntax error of its own)."""
    resolver = yaml.SafeLoader("")
    out = []
    for path in _yaml_files():
        text = path.read_text(encoding="utf-8")
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if not isinstance(event, yaml.ScalarEvent) or event.style is not None:
                continue
            tag = resolver.resolve(yaml.ScalarNode, event.value, (True, False))
            is_key = text[event.end_mark.index :].lstrip(" ").startswith(":")
            if tag in NUMBER_TAGS and not is_key:
                out.append(
                    (
                        path.relative_to(REPO).as_posix(),
                        event.start_mark.index,
                        event.end_mark.index,
                        event.start_mark.line + 1,
                    )
                )
    return tuple(out)


REFUSED = [
    "9" * 5000,
    "-" + "9" * 4301,
    "0x" + "f" * 5000,
    "0" + "7" * 5000,  # YAML 1.1 octal
    "0b" + "1" * 20000,
    "1_" + "0" * 5000,
    "1:" + "59:" * 2000 + "59",  # YAML 1.1 base 60
    ".nan",
    ".NaN",
    ".inf",
    "-.inf",
    "+.Inf",
    "1.0e+400",
    "-1.0e+999",
    "9223372036854775808",
    "-0x8000000000000000",
]
ALLOWED = ["1.0e+308", "-1.0e+308", "9223372036854775807", "0x10", "0.5", "-3", "0"]


def _replace(site: tuple[str, int, int, int], number: str) -> str:
    file, start, end, _ = site
    text = (REPO / file).read_text(encoding="utf-8")
    return text[:start] + number + text[end:]


def test_every_shipped_file_has_number_sites() -> None:
    files = {s[0] for s in _sites()}
    assert "units/layzner.yaml" in files and "units/system/rules.yaml" in files
    assert any(f.startswith("maps/") for f in files)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(site=st.sampled_from(_sites()), number=st.sampled_from(REFUSED))
def test_hostile_numbers_are_refused_with_file_line_and_key(site: tuple[str, int, int, int], number: str) -> None:
    data, problems = read_yaml_text(_replace(site, number), site[0])
    assert data is None
    (problem,) = problems
    assert problem.file == site[0] and problem.line == site[3] and problem.is_error
    assert problem.path  # the key path of the field (`weapons[1].power`)
    assert "finite" in problem.message or "range" in problem.message or str(MAX_NUMBER_CHARS) in problem.message
    assert len(str(problem)) < 400  # the number itself is never printed in full


@settings(max_examples=100, deadline=None)
@given(
    site=st.sampled_from(_sites()),
    number=st.one_of(
        st.sampled_from(ALLOWED),
        st.integers(min_value=-(2**63) + 1, max_value=2**63 - 1).map(str),
        st.floats(allow_nan=False, allow_infinity=False).map(lambda f: repr(f) if "." in repr(f) else f"{f:.1f}"),
    ),
)
def test_finite_numbers_in_range_are_read(site: tuple[str, int, int, int], number: str) -> None:
    _data, problems = read_yaml_text(_replace(site, number), site[0])
    assert not any(p.check == "yaml" and p.is_error for p in problems), problems


@pytest.mark.parametrize("number", [".nan", ".inf", "-.inf", "9" * 5000, "0x" + "f" * 5000, "1.0e+308", "-1.0e+308"])
def test_numbers_through_the_whole_loader(game: object, number: str) -> None:
    g = game  # tests.data.conftest.Game
    g.edit("units/system/abilities.yaml", "damage_mul: 1.15", f"damage_mul: {number}")  # type: ignore[attr-defined]
    g.edit("units/braver.yaml", "hp: 2000", f"hp: {number}")  # type: ignore[attr-defined]
    result: LoadResult = g.load(check_assets_exist=False)  # type: ignore[attr-defined]
    text = result.format_problems()
    assert "abilities.yaml" in text and "braver.yaml" in text
    assert "braver" not in result.definitions.units  # left out, the rest loads
    assert "layzner" in result.definitions.units


@functools.cache
def _map() -> MapData:
    return load_map(REPO / "maps/sandstorm_decoy/map.tmx")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    site=st.sampled_from([s for s in _sites() if s[0] == "maps/sandstorm_decoy/scenario.yaml"]),
    number=st.sampled_from([*REFUSED[:3], ".nan", ".inf", *ALLOWED, "-99999999999", "1.0e+300"]),
)
def test_numbers_in_a_scenario(shipped: LoadResult, site: tuple[str, int, int, int], number: str) -> None:
    text = _replace(site, number)
    try:
        load_scenario_text(text, shipped, map_data=_map(), name=site[0])
    except ScenarioError as exc:
        assert exc.problems and all(p.file for p in exc.problems)
        str(exc)


def _yaml_number(value: float | int) -> str:
    if isinstance(value, float):
        if value != value:
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        return text if "." in text else f"{value:.1f}"
    return str(value)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    root = tmp_path_factory.mktemp("game")
    shutil.copytree(REPO / "units", root / "units")
    return root


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    site=st.sampled_from([s for s in _sites() if s[0].startswith("units/")]),
    number=st.one_of(
        st.integers().map(str),
        st.integers(min_value=-(10**80), max_value=10**80).map(str),
        st.integers(min_value=4290, max_value=6000).map(lambda n: "9" * n),  # past Python's limit
        st.floats(allow_nan=True, allow_infinity=True).map(_yaml_number),
    ),
)
def test_random_numbers_in_any_numeric_data_field_load_without_a_traceback(
    scratch: Path, site: tuple[str, int, int, int], number: str
) -> None:
    from game.data import load_game_data

    target = scratch / site[0]
    original = (REPO / site[0]).read_text(encoding="utf-8")
    target.write_text(_replace(site, number), encoding="utf-8")
    try:
        result = load_game_data(scratch, user_mods=False, check_assets_exist=False)
        text = result.format_problems()  # every problem renders, however big the number
        assert len(text) < 20_000
        assert result.definitions.units  # the rest of the game still loads
    finally:
        target.write_text(original, encoding="utf-8")
