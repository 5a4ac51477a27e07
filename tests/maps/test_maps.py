"""game.maps: shipped maps and tilesets load; objects become regions and spawn points; broken
and hostile map files fail with an error naming the file and the problem."""

from __future__ import annotations

import base64
import gzip
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from game.maps import MapError, load_map
from tests.scenario.roster import TERRAINS

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = {
    "blue_comet_falls": (22, 18, False),
    "sandstorm_decoy": (26, 20, False),
    "farewell_red_planet": (24, 16, True),
    "beautiful_le_cain": (24, 24, False),
    "seal_of_grados": (27, 20, False),
}


# ---- shipped files ---------------------------------------------------------------------------------
@pytest.mark.parametrize("sid", sorted(SHIPPED))
def test_shipped_map_loads(sid: str) -> None:
    m = load_map(ROOT / "maps" / sid / "map.tmx", TERRAINS)
    w, h, space = SHIPPED[sid]
    assert (m.grid.width, m.grid.height, m.grid.space) == (w, h, space)
    assert set(m.grid.tiles) <= set(TERRAINS)
    assert m.regions and m.spawn_points
    for name, tiles in m.regions.items():
        assert tiles and all(m.grid.in_bounds(t) for t in tiles), name


def test_shipped_map_details() -> None:
    m = load_map(ROOT / "maps" / "blue_comet_falls" / "map.tmx", TERRAINS)
    assert m.grid.terrain_id(m.spawn_points["base_core"]) == "base"
    assert m.regions["base"] == {(x, y) for x in range(2, 9) for y in range(6, 11)}
    le_cain = load_map(ROOT / "maps" / "beautiful_le_cain" / "map.tmx", TERRAINS)
    assert le_cain.regions["loudspeaker"] == {(6, 14)}
    assert [n for n, _ in le_cain.deploy_points] == ["david", "dtol_2", "dtol_3"]
    assert {le_cain.grid.terrain_id((x, y)) for x in (10, 11) for y in (0, 1)} == {"tower"}
    assert le_cain.properties["title"].startswith("Manhattan")


TILESETS = sorted(p.stem for p in (ROOT / "assets" / "tiles").glob("*.tsx"))


@pytest.mark.parametrize("name", TILESETS)
def test_every_tile_names_a_known_terrain(name: str) -> None:
    root = ET.parse(ROOT / "assets" / "tiles" / f"{name}.tsx").getroot()
    tiles = root.findall("tile")
    assert len(tiles) == int(root.get("tilecount", "0")) >= 20
    for tile in tiles:
        props = {p.get("name"): p.get("value") for p in tile.iter("property")}
        assert props.get("terrain") in TERRAINS, (name, tile.get("id"), props)
    image = root.find("image")
    assert image is not None
    png = (ROOT / "assets" / "tiles" / str(image.get("source"))).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (int(image.get("width", "0")), int(image.get("height", "0")))
    assert width == 8 * 32 and height == 32 * -(-len(tiles) // 8)


def test_generators_reproduce_the_committed_files(tmp_path: Path) -> None:
    """The art and map scripts are deterministic: running them gives the shipped bytes."""
    for script in ("assets/src/make_tiles.py", "maps/src/make_maps.py"):
        subprocess.run([sys.executable, str(ROOT / script), "--out", str(tmp_path)], check=True, capture_output=True)
    for name in TILESETS:
        for ext in ("png", "tsx"):
            assert (tmp_path / f"{name}.{ext}").read_bytes() == (
                ROOT / "assets" / "tiles" / f"{name}.{ext}"
            ).read_bytes()
    for sid in SHIPPED:
        assert (tmp_path / sid / "map.tmx").read_bytes() == (ROOT / "maps" / sid / "map.tmx").read_bytes()


@pytest.mark.skipif(shutil.which("tmxrasterizer") is None, reason="Tiled's tmxrasterizer is not installed")
@pytest.mark.parametrize("sid", sorted(SHIPPED))
def test_tiled_itself_opens_the_map(tmp_path: Path, sid: str) -> None:
    """Tiled's own renderer reads the map and its tileset (apt-get install tiled)."""
    out = tmp_path / f"{sid}.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        ["tmxrasterizer", str(ROOT / "maps" / sid / "map.tmx"), str(out)], check=True, env=env, capture_output=True
    )
    png = out.read_bytes()
    w, h, _ = SHIPPED[sid]
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (w * 32, h * 32)


def test_loading_a_map_does_not_import_pygame() -> None:
    code = (
        "import sys; from game.maps import load_map; "
        f"load_map({str(ROOT / 'maps' / 'sandstorm_decoy' / 'map.tmx')!r}); "
        "assert 'pygame' not in sys.modules, 'pygame was imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout == ""


# ---- building test maps ------------------------------------------------------------------------------
TSX = """<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" name="test" tilewidth="{tw}" tileheight="32" tilecount="4" columns="4">
 <image source="test.png" width="128" height="32"/>
 <tile id="0"><properties><property name="terrain" value="plain"/></properties></tile>
 <tile id="1"><properties><property name="terrain" value="cliff"/></properties></tile>
 <tile id="2"><properties><property name="terrain" value="{odd}"/></properties></tile>
 <tile id="3"><properties><property name="label" value="no terrain here"/></properties></tile>
</tileset>
"""


def make_map(
    tmp_path: Path,
    rows: list[list[int]] | None = None,
    *,
    objects: str = "",
    extra_layers: str = "",
    props: str = "",
    encoding: str = "csv",
    attrs: str = "",
    tileset: str = '<tileset firstgid="1" source="test.tsx"/>',
    tw: int = 32,
    odd: str = "plian",
) -> Path:
    rows = rows or [[1, 1, 1, 1], [1, 2, 2, 1], [1, 1, 1, 1]]
    w, h = len(rows[0]), len(rows)
    (tmp_path / "test.tsx").write_text(TSX.format(tw=tw, odd=odd))
    data = f'<data encoding="csv">{",".join(str(g) for r in rows for g in r)}</data>'
    if encoding != "csv":
        raw = b"".join(g.to_bytes(4, "little") for r in rows for g in r)
        packed = zlib.compress(raw) if encoding == "zlib" else gzip.compress(raw, mtime=0)
        data = f'<data encoding="base64" compression="{encoding}">{base64.b64encode(packed).decode()}</data>'
    path = tmp_path / "test.tmx"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.10" orientation="orthogonal" width="{w}" '
        f'height="{h}" tilewidth="32" tileheight="32" infinite="0" {attrs}>\n'
        f"{props}{tileset}\n"
        f'<layer id="1" name="ground" width="{w}" height="{h}">{data}</layer>\n{extra_layers}'
        f'<objectgroup id="2" name="places">{objects}</objectgroup>\n</map>\n'
    )
    return path


def test_terrain_from_tiles_and_layers(tmp_path: Path) -> None:
    top = '<layer id="3" name="top" width="4" height="3"><data encoding="csv">0,0,0,0,0,0,0,2,0,0,0,0</data></layer>\n'
    m = load_map(make_map(tmp_path, extra_layers=top), TERRAINS)
    assert m.grid.tiles == ("plain",) * 4 + ("plain", "cliff", "cliff", "cliff") + ("plain",) * 4
    assert not m.grid.space


@pytest.mark.parametrize("encoding", ["zlib", "gzip"])
def test_compressed_layers(tmp_path: Path, encoding: str) -> None:
    m = load_map(make_map(tmp_path, encoding=encoding), TERRAINS)
    assert m.grid.terrain_id((1, 1)) == "cliff"


def test_space_property(tmp_path: Path) -> None:
    props = '<properties><property name="space" type="bool" value="true"/></properties>'
    assert load_map(make_map(tmp_path, props=props)).grid.space
    bad = '<properties><property name="space" value="maybe"/></properties>'
    with pytest.raises(MapError, match="'space' must be true or false"):
        load_map(make_map(tmp_path, props=bad))


def test_objects_become_regions_and_spawns(tmp_path: Path) -> None:
    objects = (
        '<object id="1" name="box" type="region" x="32" y="0" width="64" height="64"/>'
        '<object id="2" name="tri" class="region" x="0" y="0"><polygon points="0,0 128,0 0,96"/></object>'
        '<object id="3" name="oval" type="region" x="0" y="0" width="128" height="96"><ellipse/></object>'
        '<object id="4" name="dot" type="region" x="100" y="70"><point/></object>'
        '<object id="5" name="start" class="spawn" x="48" y="80"><point/></object>'
        '<object id="6" name="slot_b" type="deploy" x="96" y="0" width="32" height="32"/>'
        '<object id="7" name="slot_a" type="deploy" x="0" y="0" width="32" height="32"/>'
    )
    m = load_map(make_map(tmp_path, objects=objects), TERRAINS)
    assert m.regions["box"] == {(1, 0), (2, 0), (1, 1), (2, 1)}
    assert m.regions["tri"] == {(0, 0), (1, 0), (2, 0), (0, 1), (1, 1), (0, 2)}
    assert m.regions["oval"] == {(1, 0), (2, 0), (0, 1), (1, 1), (2, 1), (3, 1), (1, 2), (2, 2)}
    assert m.regions["dot"] == {(3, 2)}
    assert m.spawn_points == {"start": (1, 2), "slot_b": (3, 0), "slot_a": (0, 0)}
    assert m.deploy_points == (("slot_b", (3, 0)), ("slot_a", (0, 0)))


# ---- broken and hostile files --------------------------------------------------------------------------
def expect(path: Path, fragment: str, terrains: object = TERRAINS) -> MapError:
    with pytest.raises(MapError) as info:
        load_map(path, terrains)  # type: ignore[arg-type]
    assert fragment in str(info.value), str(info.value)
    assert str(info.value).startswith(str(path)) or str(path.parent) in str(info.value)
    return info.value


def test_missing_file(tmp_path: Path) -> None:
    expect(tmp_path / "nope.tmx", "cannot read the map")


def test_not_xml(tmp_path: Path) -> None:
    p = tmp_path / "bad.tmx"
    p.write_text("<map width='3'><layer></map>")
    expect(p, "not well-formed XML")


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "bomb.tmx"
    entities = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 10))
    p.write_text(f'<?xml version="1.0"?><!DOCTYPE map [<!ENTITY l0 "ha">{entities}]><map>&l9;</map>')
    expect(p, "not allowed (DTD or entities)")


def test_external_entity_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "xxe.tmx"
    p.write_text('<?xml version="1.0"?><!DOCTYPE map [<!ENTITY x SYSTEM "file:///etc/passwd">]><map>&x;</map>')
    expect(p, "not allowed")


def test_zlib_bomb_is_refused(tmp_path: Path) -> None:
    p = make_map(tmp_path, encoding="zlib")
    packed = zlib.compress(b"\x01\x00\x00\x00" * 5_000_000)
    bomb = base64.b64encode(packed).decode()
    text = p.read_text()
    start = text.index('compression="zlib">') + len('compression="zlib">')
    p.write_text(text[:start] + bomb + text[text.index("</data>") :])
    error = expect(p, "inflate to more than the 48 bytes (12 tiles) a 4x3 map needs")
    assert f"{len(packed):,} bytes of zlib data" in str(error)  # the sizes the message reports are right


def test_a_layer_one_tile_too_long_is_refused(tmp_path: Path) -> None:
    p = make_map(tmp_path, encoding="zlib")
    packed = zlib.compress(b"\x01\x00\x00\x00" * 13)
    text = p.read_text()
    start = text.index('compression="zlib">') + len('compression="zlib">')
    p.write_text(text[:start] + base64.b64encode(packed).decode() + text[text.index("</data>") :])
    expect(p, "inflate to more than the 48 bytes (12 tiles)")


def test_absurd_size(tmp_path: Path) -> None:
    p = make_map(tmp_path)
    p.write_text(p.read_text().replace('width="4" height="3" tilewidth', 'width="100000" height="100000" tilewidth', 1))
    expect(p, "out of range")


def test_missing_tileset(tmp_path: Path) -> None:
    expect(make_map(tmp_path, tileset='<tileset firstgid="1" source="gone.tsx"/>'), "tileset 'gone.tsx' not found")


def test_embedded_tileset(tmp_path: Path) -> None:
    embedded = '<tileset firstgid="1" name="x" tilewidth="32" tileheight="32" tilecount="1" columns="1"/>'
    expect(make_map(tmp_path, tileset=embedded), "use an external .tsx")


def test_wrong_tile_size(tmp_path: Path) -> None:
    expect(make_map(tmp_path, tw=16), "tiles are 16x32 pixels")


def test_unknown_terrain_is_named_with_a_suggestion(tmp_path: Path) -> None:
    err = expect(make_map(tmp_path, rows=[[1, 3], [1, 1]]), "unknown terrain 'plian' (did you mean 'plain'?)")
    assert "(1, 0)" in str(err) and "tile 2 of tileset 'test'" in str(err)


def test_tile_without_terrain(tmp_path: Path) -> None:
    expect(make_map(tmp_path, rows=[[1, 4], [1, 1]]), "has no 'terrain' property")


def test_gid_beyond_every_tileset(tmp_path: Path) -> None:
    expect(make_map(tmp_path, rows=[[1, 9], [1, 1]]), "has no 'terrain' property")


def test_empty_cell(tmp_path: Path) -> None:
    expect(make_map(tmp_path, rows=[[1, 0], [1, 1]]), "1 map cells have no tile in any layer, first at (1, 0)")


def test_layer_with_wrong_tile_count(tmp_path: Path) -> None:
    p = make_map(tmp_path)
    p.write_text(p.read_text().replace("1,1,1,1,1,2,2,1,1,1,1,1", "1,1,1"))
    expect(p, "layer 'ground' has 3 tiles; a 4x3 map needs 12")


def test_infinite_and_isometric_maps(tmp_path: Path) -> None:
    p = make_map(tmp_path)
    text = p.read_text()
    p.write_text(text.replace('infinite="0"', 'infinite="1"'))
    expect(p, "infinite maps are not supported")
    p.write_text(text.replace('orientation="orthogonal"', 'orientation="isometric"'))
    expect(p, "orientation 'isometric' is not supported")


@pytest.mark.parametrize(
    ("objects", "fragment"),
    [
        (
            '<object id="1" name="a" type="regoin" x="0" y="0" width="32" height="32"/>',
            "unknown type 'regoin' (did you mean 'region'?)",
        ),
        ('<object id="1" name="a" x="0" y="0" width="32" height="32"/>', "has no type/class"),
        ('<object id="1" type="spawn" x="0" y="0"><point/></object>', "a spawn needs a name"),
        (
            '<object id="1" name="a" type="spawn" x="0" y="0"><point/></object>'
            '<object id="2" name="a" type="region" x="0" y="0" width="32" height="32"/>',
            "two objects are named 'a'",
        ),
        ('<object id="1" name="a" type="spawn" x="900" y="0"><point/></object>', "outside the 4x3 map"),
        ('<object id="1" name="a" type="region" x="900" y="900" width="32" height="32"/>', "lies outside the 4x3 map"),
        ('<object id="1" name="a" type="region" x="0" y="0"><polyline points="0,0 64,64"/></object>', "is a polyline"),
    ],
)
def test_bad_objects(tmp_path: Path, objects: str, fragment: str) -> None:
    expect(make_map(tmp_path, objects=objects), fragment)


def test_terrain_check_is_optional(tmp_path: Path) -> None:
    m = load_map(make_map(tmp_path, rows=[[1, 3]]), None)
    assert m.grid.tiles == ("plain", "plian")
