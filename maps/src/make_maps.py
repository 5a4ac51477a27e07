#!/usr/bin/env python3
"""Generate the campaign maps `maps/<scenario>/map.tmx` from the text layouts below.

Each layout is drawn one character per tile; the legend names a kind of ground and the
script picks the tile (variants by a fixed hash of the position, edges and crossings by
the neighbours), stamps multi-tile pictures (the Mars base, Grados Tower, ...), and writes
named regions and spawn points as Tiled objects. The output is an ordinary Tiled map with
external tilesets: open it in Tiled and edit freely (re-running this script overwrites it).

    python maps/src/make_maps.py
"""

from __future__ import annotations

import argparse
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parents[2]
TILES = ROOT / "assets" / "tiles"
T = 32


def tileset_labels(name: str) -> dict[str, int]:
    tree = ET.parse(TILES / f"{name}.tsx")
    out: dict[str, int] = {}
    for tile in tree.getroot().iter("tile"):
        for prop in tile.iter("property"):
            if prop.get("name") == "label":
                out[str(prop.get("value"))] = int(tile.get("id", "0"))
    return out


def pick(variants: list[str], x: int, y: int, salt: int = 0) -> str:
    """A fixed, well-mixed choice per position (the first variant is the most common)."""
    h = (x * 73856093) ^ (y * 19349663) ^ (salt * 83492791)
    h = (h ^ (h >> 13)) * 1274126177 & 0xFFFFFFFF
    roll = h % 100
    if roll < 55 or len(variants) == 1:
        return variants[0]
    return variants[1 + roll % (len(variants) - 1)]


Grid = list[str]
Rule = Callable[[Grid, int, int], str]


def variants(*labels: str, salt: int = 0) -> Rule:
    return lambda g, x, y: pick(list(labels), x, y, salt)


def same(g: Grid, x: int, y: int, chars: str) -> bool:
    return 0 <= y < len(g) and 0 <= x < len(g[0]) and g[y][x] in chars


def lines(h: str, v: str, cross: str | None, chars: str) -> Rule:
    """Roads and tracks: horizontal, vertical or crossing by the neighbouring road tiles."""

    def rule(g: Grid, x: int, y: int) -> str:
        horiz = same(g, x - 1, y, chars) or same(g, x + 1, y, chars)
        vert = same(g, x, y - 1, chars) or same(g, x, y + 1, chars)
        if horiz and vert and cross:
            return cross
        return v if vert and not horiz else h

    return rule


def cliff_edge(top: str, edge: str, chars: str) -> Rule:
    """Mesa tiles show their cliff face where the plateau ends to the south."""
    return lambda g, x, y: top if same(g, x, y + 1, chars) or y + 1 >= len(g) else edge


@dataclass
class MapSpec:
    id: str
    tileset: str
    title: str
    rows: list[str]
    legend: dict[str, Rule]
    stamps: list[tuple[str, int, int, int, int]] = field(default_factory=list)  # prefix, x, y, w, h
    regions: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)  # x, y, w, h in tiles
    polygons: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # tile corners
    spawns: dict[str, tuple[int, int]] = field(default_factory=dict)
    deploys: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    space: bool = False


def build(spec: MapSpec) -> list[int]:
    labels = tileset_labels(spec.tileset)
    width = len(spec.rows[0])
    for i, row in enumerate(spec.rows):
        assert len(row) == width, f"{spec.id}: row {i} is {len(row)} wide, expected {width}"
    cells = []
    for y, row in enumerate(spec.rows):
        for x, ch in enumerate(row):
            label = spec.legend[ch](spec.rows, x, y)
            cells.append(labels[label])
    for prefix, sx, sy, w, h in spec.stamps:
        for j in range(h):
            for i in range(w):
                cells[(sy + j) * width + sx + i] = labels[f"{prefix}_{j * w + i}"]
    return [c + 1 for c in cells]  # firstgid 1


def tmx(spec: MapSpec) -> str:
    width, height = len(spec.rows[0]), len(spec.rows)
    gids = build(spec)
    csv = ",\n".join(",".join(str(g) for g in gids[y * width : (y + 1) * width]) for y in range(height))
    objects: list[str] = []
    oid = 1
    for name, (x, y, w, h) in spec.regions.items():
        objects.append(
            f'  <object id="{oid}" name={quoteattr(name)} type="region" x="{x * T}" y="{y * T}" '
            f'width="{w * T}" height="{h * T}"/>'
        )
        oid += 1
    for name, pts in spec.polygons.items():
        x0, y0 = pts[0]
        points = " ".join(f"{(px - x0) * T},{(py - y0) * T}" for px, py in pts)
        objects.append(
            f'  <object id="{oid}" name={quoteattr(name)} type="region" x="{x0 * T}" y="{y0 * T}">\n'
            f'   <polygon points="{points}"/>\n  </object>'
        )
        oid += 1
    spawn_objects: list[str] = []
    for kind, items in (("deploy", spec.deploys), ("spawn", list(spec.spawns.items()))):
        for name, (x, y) in items:
            px, py = x * T + T // 2, y * T + T // 2
            spawn_objects.append(
                f'  <object id="{oid}" name={quoteattr(name)} type="{kind}" x="{px}" y="{py}">\n'
                "   <point/>\n  </object>"
            )
            oid += 1
    rel = f"../../assets/tiles/{spec.tileset}.tsx"
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<map version="1.10" tiledversion="1.10.2" orientation="orthogonal" renderorder="right-down" '
        f'width="{width}" height="{height}" tilewidth="{T}" tileheight="{T}" infinite="0" '
        f'nextlayerid="4" nextobjectid="{oid}">',
        " <properties>",
        f'  <property name="space" type="bool" value="{"true" if spec.space else "false"}"/>',
        f'  <property name="title" value={quoteattr(spec.title)}/>',
        " </properties>",
        f' <tileset firstgid="1" source="{rel}"/>',
        f' <layer id="1" name="terrain" width="{width}" height="{height}">',
        f'  <data encoding="csv">\n{csv}\n</data>',
        " </layer>",
        ' <objectgroup id="2" name="regions">',
        *objects,
        " </objectgroup>",
        ' <objectgroup id="3" name="spawns">',
        *spawn_objects,
        " </objectgroup>",
        "</map>",
    ]
    return "\n".join(parts) + "\n"


# ---- the campaign ---------------------------------------------------------------------------------
MARS_LEGEND: dict[str, Rule] = {
    ".": variants("plain", "plain_2", "plain_3", "plain_4"),
    "s": variants("dunes", "dunes_2"),
    "c": variants("crater"),
    "o": variants("craters_small"),
    "r": variants("rough", "rough_2"),
    "M": cliff_edge("mesa_top", "mesa_edge", "M"),
    "W": variants("canyon_wall"),
    "f": variants("canyon_floor"),
    "h": variants("hills"),
    "=": lines("track_h", "track_v", None, "=|"),
    "|": lines("track_h", "track_v", None, "=|"),
    "b": variants("base_floor", "base_floor", "base_stripes", salt=3),
    "p": variants("base_pad"),
    "H": variants("hangar"),
    "u": variants("ruins"),
    "U": variants("ruins_2"),
    "C": variants("cave_mouth"),
    "v": variants("cave_floor"),
}

BLUE_COMET_FALLS = MapSpec(
    id="blue_comet_falls",
    tileset="mars",
    title="UN Mars Observation Base",
    rows=[
        "......o.......MMMM....",
        "..r......c....MMMM..r.",
        ".....s........MMM.....",
        "....ss...............c",
        "...ss.....r.....s.....",
        "..ss...........ss.....",
        "..bbbbbbb.....ss...o..",
        "..bbbbbbb....ss.......",
        "..bbbbbbH====s========",
        "..bbbbbbb...s..r......",
        "..bbbpbbb..s.....c....",
        "..........s.....r.....",
        "...c.....s............",
        "..r.....s....MMM...r..",
        ".......s.....MMM......",
        ".o....s..r........c...",
        ".....ss.......r.......",
        "....ss.........o......",
    ],
    legend=MARS_LEGEND,
    stamps=[("base", 3, 7, 3, 3)],
    regions={"base": (2, 6, 7, 5), "carrier_drop": (17, 2, 4, 3)},
    spawns={
        "layzner_start": (9, 10),
        "braver_east": (16, 7),
        "braver_north": (12, 3),
        "braver_south": (14, 11),
        "jets_north": (6, 0),
        "jets_north_2": (8, 0),
        "carrier_landing": (18, 3),
        "base_core": (4, 8),
    },
)

SANDSTORM_DECOY = MapSpec(
    id="sandstorm_decoy",
    tileset="mars",
    title="Canyon run to the cave",
    rows=[
        "..s......r...s....MMMMMMM.",
        ".s..c..........o..MvvvvvM.",
        "..s.....s.........MvvvvvM.",
        ".....r.......c....MMMCMMM.",
        "...o.........s............",
        "s.....s...........r....s..",
        "..........o...............",
        "MMMMMMMMMMMMff.MMMMMMM....",
        "MMMMMMMMMMMMffMMMMMMMM.c..",
        "MMMMffffffffffffffffMM....",
        "MMMMffffffffffffffffMM..s.",
        "MMMMffMMMMMMMMMMMMMMMM....",
        "MMMMffMMMMMMMMMMMMMMMM.r..",
        "....ff..............ss....",
        ".uU.........r.........s...",
        "..u...o.........c.........",
        ".Uu..u.......s.......r....",
        "..u....r...........s......",
        "s....s.........o..........",
        "..s......r.........s......",
    ],
    legend=MARS_LEGEND,
    regions={"cave": (19, 1, 5, 3), "canyon": (4, 7, 16, 6), "ruins": (0, 13, 8, 5)},
    spawns={
        "layzner_start": (7, 14),
        "buggy_1": (3, 15),
        "buggy_2": (4, 16),
        "gosterro_start": (22, 9),
        "gusten_start": (21, 13),
        "roberia_entry": (25, 19),
        "canyon_ambush": (16, 9),
    },
)

SPACE_LEGEND: dict[str, Rule] = {
    ".": variants("void", "void_2", "void_3", "void_2", salt=1),
    "n": variants("void_nebula", "void_nebula_2", salt=4),
    "d": variants("debris", "debris_2"),
    "a": variants("asteroid_small", "asteroid"),
    "A": variants("asteroid_big", "asteroid"),
}

FAREWELL_RED_PLANET = MapSpec(
    id="farewell_red_planet",
    tileset="space",
    title="Mars orbit",
    rows=[
        "...........a....a.......",
        "..a.....aA.....a........",
        "......aaAa.........a....",
        "........a.....d.........",
        ".........d.........a....",
        "...........dd.......a...",
        "........................",
        "..n.....................",
        ".nn.................n...",
        "...........dd......nn...",
        "........d.......aA......",
        "..........a....aAAa.....",
        ".....a......a...aa..d...",
        "..........d.............",
        "........a.........a.....",
        "......................a.",
    ],
    legend=SPACE_LEGEND,
    stamps=[("mars_limb", 0, 14, 2, 2), ("station", 20, 1, 2, 2)],
    regions={"escape": (21, 0, 3, 16), "lane": (0, 6, 24, 3)},
    spawns={
        "astrohawk_start": (3, 7),
        "layzner_start": (5, 6),
        "baybull_start": (5, 8),
        "buldy_start": (4, 9),
        "karla_start": (16, 5),
        "derro_start": (16, 9),
        "station_gate": (20, 3),
        "south_gate": (19, 15),
        "north_gate": (12, 0),
    },
    space=True,
)

MANHATTAN_LEGEND: dict[str, Rule] = {
    "#": lines("street_h", "street_v", "crossing", "#"),
    ".": variants("plaza"),
    "b": variants("building_brick", "building_stone", "building_grey", "building_garden", salt=2),
    "k": variants("skyscraper_blue", "skyscraper_dark", "skyscraper_bronze", salt=5),
    "p": variants("park"),
    "t": variants("park_trees", "park_trees_2"),
    "~": variants("river", "river_2"),
    "n": variants("river_bank_n"),
    "I": variants("bridge_v"),
    "x": variants("rubble"),
    "L": variants("loudspeaker"),
    "P": variants("pier"),
}

BEAUTIFUL_LE_CAIN = MapSpec(
    id="beautiful_le_cain",
    tileset="manhattan",
    title="Manhattan under occupation, 1999",
    rows=[
        "bkb#kkbk#....#bkbbkb#bkb",
        "bbk#bkbb#....#kbkbbk#bbk",
        "kbb#bbbb#....#bbkkbb#kbb",
        "########################",
        "ttt#ptpt#bkbb#bbkbkb#bkb",
        "tpt#ttpt#kbbk#kbbkbb#bkk",
        "ptt#tptt#bbkb#bkbbbk#kbb",
        "########################",
        "bkb#bbkb#kb..#..bkbb#bbk",
        "kbb#kbbb#bb..#..kbkb#kbb",
        "bbk#bkbb#bk..#.x.bbb#bkb",
        "#######x################",
        "bkb#kbbk#bbk.#....bb#bbk",
        "bbb#bbkb#bkb.#....kb#bkb",
        "kbb#bbLb#kbb.#....bb#kbb",
        "########################",
        "bbk#bkbb#x...#..pptt#bkb",
        "kbb#kbbk#....#..ptpp#bbk",
        "PP......#....#......#.PP",
        "PPnnnnnnnnnnnInnnnnnnnPP",
        "~~~~~~~~~~~~~I~~~~~~~~~~",
        "~~~~~~~~~~~~~I~~~~~~~~~~",
        "~~~~~~~~~~~~~I~~~~~~~~~~",
        "~~~~~~~~~~~~~I~~~~~~~~~~",
    ],
    legend=MANHATTAN_LEGEND,
    stamps=[("grados_tower", 10, 0, 2, 2)],
    regions={"loudspeaker": (6, 14, 1, 1), "harbour": (0, 18, 2, 2), "parade_route": (13, 3, 1, 6)},
    spawns={
        "tower_gate": (10, 2),
        "layzner_entry": (0, 7),
        "police_east": (23, 11),
        "police_north": (20, 1),
        "limousine_start": (13, 5),
        "giulla_start": (13, 2),
        "anna_start": (5, 18),
    },
    deploys=[("david", (8, 12)), ("dtol_2", (8, 9)), ("dtol_3", (3, 9))],
)

NAZCA_LEGEND: dict[str, Rule] = {
    ".": variants("desert", "desert_2", "desert_3"),
    "s": variants("dunes"),
    "-": variants("line_h"),
    "|": variants("line_v"),
    "/": variants("line_diag"),
    "@": variants("line_spiral"),
    "z": variants("line_trapezoid"),
    "^": variants("mountain", "mountain"),
    "A": variants("mountain_snow"),
    "r": variants("foothills"),
    "e": variants("terraces"),
    "T": variants("town", "town_2"),
    "X": variants("shrine"),
    "=": lines("road_h", "road_v", None, "="),
    "f": variants("scrub"),
    "~": variants("river"),
}

SEAL_OF_GRADOS = MapSpec(
    id="seal_of_grados",
    tileset="nazca",
    title="Nazca to Cusco, 30 December 1999",
    rows=[
        "..s.....-------..^^AA^^^A^^",
        ".s..z........./..r^^^eeT^^^",
        "............/....rr^eTTTe^A",
        "....@......./.....r.eTTTTe^",
        "..........|/.......f.TTTT.^",
        "..s.......|........====TT..",
        "..........|.........f.=XT~.",
        "...---------.....r....=TT~.",
        ".....|.......f...r^...=.e~.",
        ".....|..s........^^r..=..~.",
        "=====|=================..~.",
        ".....|...........rr^^....~.",
        ".....|...z........r......~.",
        "...@..........f.....e.f..~.",
        "..s...........s.......f..~.",
        ".........-------....^^..~~.",
        "..............s....^^A^^~..",
        ".s......s..........^AA^^~..",
        "...........s.......^^^^~~..",
        "..s..............s.^^A^~...",
    ],
    legend=NAZCA_LEGEND,
    stamps=[("hummingbird", 6, 2, 2, 2)],
    regions={"cusco": (20, 1, 6, 9), "shrine": (22, 5, 3, 3), "nazca": (0, 0, 14, 20)},
    spawns={
        "layzner_start": (14, 9),
        "david_start": (15, 11),
        "simone_start": (16, 8),
        "doll_3_start": (17, 12),
        "doll_4_start": (13, 12),
        "shrine_site": (23, 6),
        "gunstaid_1": (5, 8),
        "gunstaid_2": (6, 12),
        "gunstaid_3": (3, 5),
        "solomco_north": (10, 0),
        "solomco_south": (10, 19),
        "le_cain_entry": (0, 10),
    },
)


# ---- the stages between (issue 22): Part 1 -------------------------------------------------------
NUCLEAR_DAWN = MapSpec(
    id="nuclear_dawn",
    tileset="mars",
    title="The American observation post",
    rows=[
        "....r.....s.....MMMMMM",
        "..o.......s.....MvvvvM",
        ".....c....s.....MvvvvM",
        "..........ss....MMCMMM",
        "...r.......s....bbbbb.",
        "............s...bbHbb.",
        "..MMM........s..bbbbb.",
        "..MMM....o....s.=...r.",
        "......r.......s.=..c..",
        "..............s.=.....",
        "....=============.....",
        "....=.........s...MMM.",
        ".uU.=....c.....s.MMM..",
        "..u.=..........s...r..",
        ".Uu.=....o......s.....",
        "....=...........s.....",
    ],
    legend=MARS_LEGEND,
    regions={"shelter": (17, 1, 4, 2), "us_post": (16, 4, 5, 3), "ruins": (0, 11, 4, 5)},
    spawns={
        "layzner_start": (6, 12),
        "buggy_start": (4, 11),
        "jets_start": (18, 5),
        "jets_start_2": (20, 4),
        "roberia_start": (1, 1),
        "braver_east": (21, 9),
        "braver_south": (12, 15),
        "gosterro_entry": (21, 14),
        "ridge": (9, 4),
    },
)

FOURON_AWAKENS = MapSpec(
    id="fouron_awakens",
    tileset="space",
    title="The Grados picket near Mars",
    rows=[
        "......a.........a.....",
        "..a.......d......a....",
        ".....aA..........aa...",
        "......a....n..........",
        "..........nn.....d....",
        "...d..................",
        "........aa........a...",
        ".......aAa............",
        "........a......d......",
        "..n...................",
        ".nn.........a.........",
        "...........aAa.....d..",
        "....d.......a.........",
        "......................",
        "..a.........d.....a...",
        ".....a................",
    ],
    legend=SPACE_LEGEND,
    stamps=[("station", 19, 6, 2, 2)],
    regions={"carrier": (18, 5, 4, 4)},
    spawns={
        "astrohawk_start": (2, 7),
        "layzner_start": (5, 6),
        "baybull_start": (5, 8),
        "buldy_start": (4, 10),
        "gale_start": (17, 7),
        "karla_start": (16, 3),
        "dtol_north": (14, 2),
        "dtol_south": (14, 12),
        "carrier_gate": (18, 9),
        "flank_north": (9, 0),
    },
    space=True,
)

RED_KAISER = MapSpec(
    id="red_kaiser",
    tileset="space",
    title="Earth orbit, the Guerlain satellites",
    rows=[
        "..........n.........a.",
        ".........nn...........",
        "...d..................",
        "..............a.......",
        ".............aAa......",
        "......d........a......",
        "......................",
        "......................",
        "..a...........d.......",
        "................n.....",
        "...............nn.....",
        ".....a................",
        "....aAa......d........",
        ".....a................",
        "......................",
        "...........d.........a",
    ],
    legend=SPACE_LEGEND,
    stamps=[("station", 17, 1, 2, 2), ("station", 17, 12, 2, 2), ("mars_limb", 0, 14, 2, 2)],
    regions={"satellite_north": (16, 0, 4, 4), "satellite_south": (16, 11, 4, 4)},
    spawns={
        "astrohawk_start": (2, 6),
        "layzner_start": (5, 7),
        "baybull_start": (4, 5),
        "buldy_start": (4, 9),
        "julia_start": (19, 7),
        "giulla_start": (17, 5),
        "solomco_1": (15, 8),
        "solomco_2": (14, 3),
        "solomco_3": (14, 11),
        "north_gate": (10, 0),
        "south_gate": (10, 15),
        "east_gate": (21, 7),
    },
    space=True,
)

MOON_LEGEND: dict[str, Rule] = {
    ".": variants("regolith", "regolith_2", "regolith_3", "regolith_4"),
    "o": variants("craters_small", "craters_small_2"),
    "c": variants("crater", "crater_2"),
    "r": variants("rough", "rough_2"),
    "h": variants("highlands", "highlands_2"),
    "W": variants("rille_wall", "rille_wall_2"),
    "b": variants("base_floor", "base_floor", "base_stripes", salt=3),
    "p": variants("base_pad"),
    "D": variants("dome", "dome_2"),
    "H": variants("hangar"),
}

SEA_OF_SILENCE = MapSpec(
    id="sea_of_silence",
    tileset="moon",
    title="The abandoned lunar base",
    rows=[
        "hhh....r.....c...hhhhh",
        "hh..o.......r......hhh",
        "h.....c.........o...hh",
        "....r......WWWWW.....h",
        "..........r...........",
        ".c....bbbbb.....c.....",
        "......bDbpb..r........",
        "..o...bbbbH.......o...",
        "......bDbbb....r......",
        ".r....bbbbb...........",
        "...........c.....WWWW.",
        "....o.............r...",
        "..c......r....o.......",
        "h.....r...........c..h",
        "hh.....o.....r.....hhh",
        "hhhh.........o...hhhhh",
    ],
    legend=MOON_LEGEND,
    regions={"pad": (9, 6, 1, 1), "lunar_base": (6, 5, 5, 5)},
    spawns={
        "astrohawk_start": (9, 6),
        "layzner_start": (11, 7),
        "baybull_start": (11, 5),
        "buldy_start": (5, 8),
        "karla_start": (18, 4),
        "dtol_north": (16, 1),
        "dtol_east": (19, 12),
        "solomco_south": (14, 12),
        "north_rim": (10, 0),
        "east_rim": (21, 7),
        "south_rim": (10, 15),
    },
    space=True,
)


EARTH_FALLS = MapSpec(
    id="earth_falls",
    tileset="nazca",
    title="Edwards Air Force Base, Mojave Desert",
    rows=[
        "^^rr.......s......rr^^",
        "^r.....f.........s..r^",
        "r.........s...........",
        "......f..........f....",
        "..s...................",
        "....TTT=======TTT.....",
        "....TTT.......TTT..f..",
        "....===========.......",
        "..f.TTT.......TTT.....",
        "....TTT=======TTT..s..",
        "......................",
        ".s.......f.......f....",
        "...........s..........",
        "r.....f...........s..r",
        "^r.......s..........r^",
        "^^rr..............rr^^",
    ],
    legend=NAZCA_LEGEND,
    regions={"airfield": (4, 5, 13, 5), "hangars": (4, 5, 3, 2)},
    spawns={
        "astrohawk_start": (9, 7),
        "layzner_start": (8, 6),
        "baybull_start": (11, 6),
        "buldy_start": (10, 8),
        "us_jets": (12, 7),
        "us_jets_2": (13, 6),
        "soviet_jets": (7, 8),
        "north_drop": (10, 1),
        "east_drop": (20, 8),
        "west_drop": (1, 8),
        "south_drop": (11, 14),
        "gale_arrival": (3, 10),
    },
)

# ---- Part 2: occupied Earth ----------------------------------------------------------------------
CURFEW = MapSpec(
    id="curfew",
    tileset="manhattan",
    title="Lower Manhattan after curfew",
    rows=[
        "bkbb#kbk#..#kbbk#bkb",
        "kbbb#bbk#..#bbkb#bbk",
        "####################",
        "bbk#ttpt#bbkb#.x..#b",
        "kbb#ptpp#kbbb#....#k",
        "bbb#tptt#bkbb#..x.#b",
        "####################",
        "bkb#bbkb#b..b#bkbb#b",
        "kbb#kbbb#b..b#kbkb#k",
        "bbk#bkbb#bx.b#bbbb#b",
        "####################",
        "bbk#bkbb#....#..pt#b",
        "kbb#kbbk#..x.#..tp#k",
        "PP......#....#......",
        "PPnnnnnnnnnnnInnnnnn",
        "~~~~~~~~~~~~~I~~~~~~",
    ],
    legend=MANHATTAN_LEGEND,
    regions={"sewer": (7, 13, 2, 1), "gallows": (14, 3, 4, 3), "factory": (9, 7, 4, 3)},
    spawns={
        "anna_start": (13, 6),
        "matthew_start": (13, 7),
        "david_start": (12, 11),
        "layzner_entry": (19, 6),
        "giulla_start": (16, 0),
        "police_1": (18, 2),
        "police_2": (18, 7),
        "police_3": (8, 2),
        "police_4": (13, 10),
        "braver_north": (4, 0),
        "braver_west": (0, 6),
        "tower_road": (19, 2),
    },
)

DEMON_SQUAD = MapSpec(
    id="demon_squad",
    tileset="manhattan",
    title="The Doll workshop in Queens",
    rows=[
        "bkb#kkbk#.....#bkbkb",
        "bbk#bkbb#.....#kbbkb",
        "####################",
        "ttt#ptpt#bb.bb#bbkbb",
        "tpt#ttpt#b...b#kbbbk",
        "ptt#tptt#bb.bb#bkbbk",
        "####################",
        "bkb#bbkb#.....#kbbk.",
        "kbb#kbbb#..x..#bbkb.",
        "bbk#bkbb#.....#bkbb.",
        "####################",
        "bkb#kbbk#bbk.#....bb",
        "bbb#bbkb#bkb.#....kb",
        "~~~~~~~~~~~~~I~~~~~~",
    ],
    legend=MANHATTAN_LEGEND,
    regions={"workshop": (9, 3, 5, 3), "yard": (9, 7, 6, 3)},
    spawns={
        "anna_start": (11, 4),
        "layzner_start": (11, 8),
        "david_start": (10, 7),
        "simone_start": (12, 9),
        "arthur_start": (11, 5),
        "getty_start": (19, 8),
        "bone_start": (19, 1),
        "police_east": (16, 6),
        "police_north": (10, 1),
        "mangello_entry": (0, 6),
        "river_drop": (13, 12),
        "gale_arrival": (9, 9),
    },
)

SAINT_OF_CUSCO = MapSpec(
    id="saint_of_cusco",
    tileset="nazca",
    title="Cusco, the old Inca capital",
    rows=[
        "^^A^^^rr....rr^^^A^^",
        "^^^^r.....f....r^^^^",
        "^^r...eeTTTee....r^^",
        "^r...eTTXTTTe.....r^",
        "r....eTTTTTTe......r",
        ".....eeT==TTe.......",
        "..f.....==...f......",
        "........==..........",
        "=========....=======",
        "..........f.........",
        "...f.........rr.....",
        "r...........r^^r...r",
        "^r.....f....r^^r..r^",
        "^^r..............r^^",
    ],
    legend=NAZCA_LEGEND,
    regions={"shrine": (8, 3, 1, 1), "cusco": (5, 2, 8, 4)},
    spawns={
        "layzner_start": (2, 8),
        "david_start": (1, 9),
        "simone_start": (3, 10),
        "julia_start": (16, 7),
        "gosterro_start": (17, 8),
        "gunstaid_1": (15, 6),
        "gunstaid_2": (14, 9),
        "gunstaid_3": (10, 6),
        "solomco_north": (12, 0),
        "solomco_east": (19, 9),
        "le_cain_entry": (19, 5),
        "gale_arrival": (0, 6),
    },
)

RED_POWER = MapSpec(
    id="red_power",
    tileset="nazca",
    title="The Pan-American highway south of Lima",
    rows=[
        "^^rr....s.....f...rr^^",
        "^r......../.........r^",
        "r...@..../..........^^",
        "......../.....s.....r^",
        "......./..............",
        "======================",
        "...s..................",
        ".........f.....----...",
        "..z...................",
        "......=========.......",
        "......=.......=..s....",
        "..f...=.......=.......",
        "======.........=======",
        "r.........s..........r",
        "^r....f..........f..r^",
        "^^rr..............rr^^",
    ],
    legend=NAZCA_LEGEND,
    regions={"highway": (0, 5, 22, 1), "ambush": (6, 9, 10, 4)},
    spawns={
        "layzner_start": (3, 10),
        "david_start": (2, 11),
        "simone_start": (4, 12),
        "arthur_start": (1, 10),
        "convoy_1": (12, 5),
        "convoy_2": (15, 5),
        "convoy_3": (18, 5),
        "mangello_start": (19, 6),
        "solomco_north": (11, 0),
        "solomco_south": (12, 15),
        "le_cain_entry": (21, 9),
        "gale_arrival": (0, 13),
        "julia_arrival": (1, 14),
    },
)

MAPS = [
    BLUE_COMET_FALLS,
    SANDSTORM_DECOY,
    NUCLEAR_DAWN,
    FAREWELL_RED_PLANET,
    FOURON_AWAKENS,
    SEA_OF_SILENCE,
    RED_KAISER,
    EARTH_FALLS,
    CURFEW,
    BEAUTIFUL_LE_CAIN,
    DEMON_SQUAD,
    SAINT_OF_CUSCO,
    RED_POWER,
    SEAL_OF_GRADOS,
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the campaign maps.")
    parser.add_argument("--out", type=Path, default=ROOT / "maps", help="output folder (default: maps/)")
    folder = parser.parse_args(argv).out
    for spec in MAPS:
        out = folder / spec.id / "map.tmx"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(tmx(spec), encoding="utf-8")
        print(f"{spec.id}: {len(spec.rows[0])}x{len(spec.rows)} -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
