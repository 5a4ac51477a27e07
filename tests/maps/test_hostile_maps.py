"""Hostile map files: non-finite or absurd object numbers, special files named as maps or
tilesets, and object sets too costly to rasterise are refused with the file and the problem."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.data import load_game_data
from game.maps import MapError, load_map
from game.scenario import ScenarioError, load_scenario_text
from tests.maps.test_maps import TERRAINS, make_map

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="devices and FIFOs as on POSIX")
BAD_NUMBERS = ["nan", "NaN", "inf", "-inf", "Infinity", "1e308", "-1e308", "1e999", "9" * 5000, "0x10", "1,5", ""]
OBJECTS = {
    "x": '<object id="1" name="a" type="spawn" x="{v}" y="0"><point/></object>',
    "y": '<object id="1" name="a" type="deploy" x="0" y="{v}" width="32" height="32"/>',
    "width": '<object id="1" name="a" type="region" x="0" y="0" width="{v}" height="32"/>',
    "height": '<object id="1" name="a" type="region" x="0" y="0" width="32" height="{v}"/>',
    "rotation": '<object id="1" name="a" type="region" x="0" y="0" width="32" height="32" rotation="{v}"/>',
    "polygon": '<object id="1" name="a" type="region" x="0" y="0"><polygon points="0,0 {v},0 0,64"/></object>',
    "ellipse": '<object id="1" name="a" type="region" x="{v}" y="0" width="64" height="64"><ellipse/></object>',
}


@pytest.mark.parametrize("where", sorted(OBJECTS))
@pytest.mark.parametrize("number", BAD_NUMBERS)
def test_bad_object_numbers_are_refused(tmp_path: Path, where: str, number: str) -> None:
    path = make_map(tmp_path, objects=OBJECTS[where].format(v=number))
    with pytest.raises(MapError) as err:
        load_map(path, TERRAINS)
    text = str(err.value)
    assert text.startswith(str(path)) and "object 'a'" in text
    assert len(text) < 400


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    where=st.sampled_from(sorted(OBJECTS)),
    number=st.one_of(
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.integers(min_value=-(10**400), max_value=10**400).map(str),
        st.sampled_from(BAD_NUMBERS),
    ),
)
def test_any_number_in_any_object_field(tmp_path: Path, where: str, number: str) -> None:
    path = make_map(tmp_path, objects=OBJECTS[where].format(v=number))
    try:
        load_map(path, TERRAINS)
    except MapError as exc:
        assert str(exc).startswith(str(path))


def test_objects_that_would_take_too_long_are_refused(tmp_path: Path) -> None:
    points = " ".join(f"{i},{(i * 7) % 500}" for i in range(1000))
    many = "".join(
        f'<object id="{i}" name="r{i}" type="region" x="0" y="0"><polygon points="{points}"/></object>'
        for i in range(1, 200)
    )
    path = make_map(tmp_path, [[1] * 200 for _ in range(200)], objects=many)
    with pytest.raises(MapError, match="too much"):
        load_map(path, TERRAINS)


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_scenario_naming_a_device_as_its_map(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    data = load_game_data(ROOT, user_mods=False, check_assets_exist=False)
    objectives = "objectives: {main: {victory: [{text: x, when: {turn: 2}}]}}"
    text = f"id: t\ntitle: T\nmap: {device}\nunits: []\n{objectives}\n"
    with pytest.raises(ScenarioError, match="not a regular file"):
        load_scenario_text(text, data)


@posix_only
def test_a_fifo_map_or_tileset_never_blocks(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.tmx"
    os.mkfifo(fifo)
    with pytest.raises(MapError, match="not a regular file"):
        load_map(fifo, TERRAINS)
    path = make_map(tmp_path)
    (tmp_path / "test.tsx").unlink()
    os.mkfifo(tmp_path / "test.tsx")
    with pytest.raises(MapError):
        load_map(path, TERRAINS)


@posix_only
def test_a_symlinked_map_is_refused(tmp_path: Path) -> None:
    real = make_map(tmp_path)
    link = tmp_path / "link.tmx"
    link.symlink_to(real)
    with pytest.raises(MapError, match="symbolic link"):
        load_map(link, TERRAINS)


@pytest.mark.parametrize("number", ["9" * 5000, "²", "12345678901", "-1", "1.5"])
def test_bad_tile_and_object_numbers_are_refused(tmp_path: Path, number: str) -> None:
    rows = [[1, 1, 1, 1], [1, 2, 2, 1], [1, 1, 1, 1]]
    path = make_map(tmp_path, rows)
    path.write_text(path.read_text().replace("1,1,1,1,1,2", f"{number},1,1,1,1,2", 1))
    with pytest.raises(MapError, match="bad tile number"):
        load_map(path, TERRAINS)
    path = make_map(tmp_path, objects=f'<object id="{number}" name="a" type="spawn" x="0" y="0"><point/></object>')
    with pytest.raises(MapError, match="not a whole number"):
        load_map(path, TERRAINS)
