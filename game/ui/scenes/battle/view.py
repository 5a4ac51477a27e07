"""What the map shows of each unit while events play back, and the map drawing itself.

The engine's state jumps straight to the result of a command; `MapView` lags behind it,
changed event by event by the playback, and is re-synced with the state at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from game.core import BattleState
from game.core.stats import max_hp
from game.ui.render import theme
from game.ui.render.art import Art
from game.ui.render.widgets import alpha_fill, bar, cursor_box, hp_colour

T = theme.TILE


@dataclass
class UnitView:
    uid: str
    unit_id: str
    side: str
    x: float
    y: float
    hp: int
    max_hp: int
    done: bool = False
    flying: bool = False
    alpha: int = 255
    flash: float = 0.0  # seconds of white flash left


class MapView:
    def __init__(self, state: BattleState) -> None:
        self.units: dict[str, UnitView] = {}
        self.sync(state)

    def sync(self, state: BattleState) -> None:
        ctx = state.ctx
        phase_side = state.side
        self.units = {}
        for u in state.active_units():
            self.units[u.uid] = UnitView(
                u.uid,
                u.unit_id,
                u.side,
                float(u.x),
                float(u.y),
                u.hp,
                max_hp(ctx, u),
                done=u.side == phase_side and u.moved and u.acted,
                flying=u.flying,
            )

    def at(self, pos: tuple[int, int]) -> UnitView | None:
        for v in self.units.values():
            if round(v.x) == pos[0] and round(v.y) == pos[1]:
                return v
        return None


def render_terrain(state: BattleState, art: Art, grid_lines: bool, map_source: str | None = None) -> pygame.Surface:
    """The whole map's terrain, drawn once per battle (and when the grid setting changes):
    the Tiled map's own tiles when it has them, else a picture of each terrain type."""
    from game.ui.render.tmx_map import render_tmx

    grid = state.ctx.grid
    tiles = render_tmx(map_source, (grid.width, grid.height)) if map_source else None
    if tiles is not None:
        surface = tiles
    else:
        surface = pygame.Surface((grid.width * T, grid.height * T))
        for x, y in grid.positions():
            variant = (x * 7 + y * 13) % 4
            surface.blit(art.terrain_tile(grid.terrain_id((x, y)), variant), (x * T, y * T))
    if grid_lines:
        line = pygame.Surface((grid.width * T, 1), pygame.SRCALPHA)
        line.fill((0, 0, 0, 60))
        col = pygame.Surface((1, grid.height * T), pygame.SRCALPHA)
        col.fill((0, 0, 0, 60))
        for y in range(grid.height):
            surface.blit(line, (0, y * T))
        for x in range(grid.width):
            surface.blit(col, (x * T, 0))
    return surface


def _tile_fill(colour: tuple[int, int, int], alpha: int) -> pygame.Surface:
    fill = pygame.Surface((T, T), pygame.SRCALPHA)
    fill.fill((*colour, alpha))
    pygame.draw.rect(fill, (*colour, min(255, alpha + 100)), fill.get_rect(), 1)
    return fill


def _danger_hatch() -> pygame.Surface:
    hatch = pygame.Surface((T, T), pygame.SRCALPHA)
    hatch.fill((*theme.DANGER_TILE, 55))
    for i in range(-T, T, 6):
        pygame.draw.line(hatch, (*theme.DANGER_TILE, 170), (i, T), (i + T, 0), 2)
    return hatch


# The four sides of a tile: the neighbour beyond it, and the edge line's two ends.
_EDGES = (
    ((0, -1), (0, 0), (T - 1, 0)),
    ((0, 1), (0, T - 1), (T - 1, T - 1)),
    ((-1, 0), (0, 0), (0, T - 1)),
    ((1, 0), (T - 1, 0), (T - 1, T - 1)),
)


def draw_tiles(
    surface: pygame.Surface,
    tiles: set[tuple[int, int]],
    colour: tuple[int, int, int],
    offset: tuple[int, int],
    alpha: int = 110,
    *,
    flags: int = 0,
) -> None:
    """Tinted tiles with a brighter edge, one blit per tile (`TileLayers` keeps the result)."""
    ox, oy = offset
    fill = _tile_fill(colour, alpha)
    sw, sh = surface.get_size()
    for x, y in tiles:
        px, py = x * T - ox, y * T - oy
        if -T < px < sw and -T < py < sh:
            surface.blit(fill, (px, py), special_flags=flags)


def draw_danger(
    surface: pygame.Surface, tiles: set[tuple[int, int]], offset: tuple[int, int], *, flags: int = 0
) -> None:
    """The danger zone: hatched orange tiles, with a solid edge where the zone ends."""
    ox, oy = offset
    hatch = _danger_hatch()
    for x, y in tiles:
        px, py = x * T - ox, y * T - oy
        surface.blit(hatch, (px, py), special_flags=flags)
        for (dx, dy), a, b in _EDGES:
            if (x + dx, y + dy) not in tiles:
                pygame.draw.line(surface, theme.DANGER_TILE, (px + a[0], py + a[1]), (px + b[0], py + b[1]), 2)


class TileLayers:
    """The map's tile overlays (danger zone, move range, attack tiles, targets), each drawn
    once into a transparent layer over the tiles' bounding box and kept while the same tiles
    are shown: a frame blits one layer per overlay instead of a surface and four edge checks
    per tile. A layer looks exactly like the tiles drawn one by one (they never overlap, so
    copying each tile into the layer keeps its pixels as they are)."""

    MARGIN = 2  # the danger zone's 2-pixel edge lines reach one pixel past their tile

    def __init__(self, keep: int = 8) -> None:
        self.keep = keep
        self._layers: dict[tuple[object, ...], tuple[pygame.Surface, tuple[int, int]]] = {}

    def danger(self, surface: pygame.Surface, tiles: set[tuple[int, int]], offset: tuple[int, int]) -> None:
        self._blit(surface, ("danger", frozenset(tiles)), tiles, offset, draw_danger)

    def tiles(
        self,
        surface: pygame.Surface,
        tiles: set[tuple[int, int]],
        colour: tuple[int, int, int],
        offset: tuple[int, int],
        alpha: int = 110,
    ) -> None:
        def paint(layer: pygame.Surface, shown: set[tuple[int, int]], origin: tuple[int, int], *, flags: int) -> None:
            draw_tiles(layer, shown, colour, origin, alpha, flags=flags)

        self._blit(surface, ("tiles", colour, alpha, frozenset(tiles)), tiles, offset, paint)

    def _blit(
        self,
        surface: pygame.Surface,
        key: tuple[object, ...],
        tiles: set[tuple[int, int]],
        offset: tuple[int, int],
        paint: Callable[..., None],
    ) -> None:
        if not tiles:
            return
        found = self._layers.pop(key, None)
        if found is None:
            found = self._layer(tiles, paint)
            while len(self._layers) >= self.keep:
                del self._layers[next(iter(self._layers))]  # the least recently shown
        self._layers[key] = found
        layer, (lx, ly) = found
        surface.blit(layer, (lx - offset[0], ly - offset[1]))

    def _layer(self, tiles: set[tuple[int, int]], paint: Callable[..., None]) -> tuple[pygame.Surface, tuple[int, int]]:
        m = self.MARGIN
        x0, y0 = min(x for x, _ in tiles), min(y for _, y in tiles)
        x1, y1 = max(x for x, _ in tiles), max(y for _, y in tiles)
        layer = pygame.Surface(((x1 - x0 + 1) * T + 2 * m, (y1 - y0 + 1) * T + 2 * m), pygame.SRCALPHA)
        origin = (x0 * T - m, y0 * T - m)
        # RGBA_MAX onto a clear layer copies a tile's pixels, alpha included, instead of blending.
        paint(layer, tiles, origin, flags=pygame.BLEND_RGBA_MAX)
        return layer, origin


def draw_path(surface: pygame.Surface, path: list[tuple[int, int]], offset: tuple[int, int]) -> None:
    if len(path) < 2:
        return
    ox, oy = offset
    points = [(x * T - ox + T // 2, y * T - oy + T // 2) for x, y in path]
    pygame.draw.lines(surface, (0, 0, 0), False, [(p[0] + 1, p[1] + 1) for p in points], 5)
    pygame.draw.lines(surface, theme.PATH, False, points, 3)
    ex, ey = points[-1]
    pygame.draw.circle(surface, theme.PATH, (ex, ey), 5)
    pygame.draw.circle(surface, (0, 0, 0), (ex, ey), 5, 1)


def draw_unit(
    surface: pygame.Surface, art: Art, v: UnitView, offset: tuple[int, int], t: float, *, active_phase: bool
) -> None:
    ox, oy = offset
    px, py = int(v.x * T) - ox, int(v.y * T) - oy
    if px < -T or py < -T or px > surface.get_width() or py > surface.get_height():
        return
    side_c = theme.SIDE_COLOURS.get(v.side, (200, 200, 200))
    # a side-coloured plate so sides read at a glance
    plate = pygame.Rect(px + 3, py + T - 9, T - 6, 7)
    pygame.draw.ellipse(surface, (0, 0, 0), plate.move(0, 1))
    pygame.draw.ellipse(surface, side_c, plate)
    frame = int(t * 4) if active_phase and not v.done else 0  # the art wraps it to its frame count
    sprite = art.unit_sprite(v.unit_id, v.side, frame)
    lift = -5 if v.flying else 0
    if v.flying:
        shadow = pygame.Surface((T - 8, 5), pygame.SRCALPHA)
        pygame.draw.ellipse(shadow, (0, 0, 0, 90), shadow.get_rect())
        surface.blit(shadow, (px + 4, py + T - 5))
    img = sprite
    if v.done:
        img = sprite.copy()
        img.fill((90, 90, 90), special_flags=pygame.BLEND_RGB_MULT)
    if v.alpha < 255:
        img = img.copy()
        img.set_alpha(v.alpha)
    surface.blit(img, (px, py + lift))
    if v.flash > 0:
        white = sprite.copy()
        white.fill((255, 255, 255), special_flags=pygame.BLEND_RGB_MAX)
        white.set_alpha(int(200 * min(1.0, v.flash * 4)))
        surface.blit(white, (px, py + lift))
    hp_rect = pygame.Rect(px + 3, py + T - 4, T - 6, 4)
    bar(surface, hp_rect, v.hp, v.max_hp, hp_colour(v.hp, v.max_hp))
    pygame.draw.rect(surface, side_c, hp_rect.inflate(2, 2), 1)


def draw_cursor(
    surface: pygame.Surface,
    pos: tuple[int, int],
    offset: tuple[int, int],
    t: float,
    colour: tuple[int, int, int] = theme.CURSOR,
    frames: Sequence[pygame.Surface] | None = None,
) -> None:
    """The grid cursor: the skin's animated brackets (tinted when aiming), or drawn ones."""
    ox, oy = offset
    rect = pygame.Rect(pos[0] * T - ox, pos[1] * T - oy, T, T)
    alpha_fill(surface, rect, colour, 40)
    if frames:
        frame = frames[int(t * 6) % len(frames)]
        if colour != theme.CURSOR:
            frame = frame.copy()
            frame.fill((*colour, 255), special_flags=pygame.BLEND_RGBA_MULT)
        surface.blit(frame, frame.get_rect(center=rect.center))
        return
    cursor_box(surface, rect, colour, t)
