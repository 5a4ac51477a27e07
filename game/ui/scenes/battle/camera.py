"""The map camera: follows the cursor or an animated unit, scrolls at screen edges, drags."""

from __future__ import annotations

from game.ui.render.theme import TILE

EDGE = 10  # logical pixels from the screen border where the mouse scrolls the map
EDGE_SPEED = 360.0  # pixels per second
MARGIN_TILES = 2
TOP_ROOM = 24  # the turn label's height
BOTTOM_ROOM = 18  # the key hints line's height


class Camera:
    def __init__(self, map_size: tuple[int, int], view: tuple[int, int] = (640, 360)) -> None:
        self.map_w, self.map_h = map_size[0] * TILE, map_size[1] * TILE
        self.view_w, self.view_h = view
        self.x = 0.0
        self.y = 0.0
        self.tx = 0.0
        self.ty = 0.0

    def _clamp(self, x: float, y: float) -> tuple[float, float]:
        if self.map_w <= self.view_w:
            x = (self.map_w - self.view_w) / 2
        else:
            x = max(0.0, min(x, self.map_w - self.view_w))
        # The map may scroll a little past its top and bottom edges, so a unit on the first or
        # last row can come out from under the turn label and the key hints line.
        lo, hi = -TOP_ROOM, self.map_h - self.view_h + BOTTOM_ROOM
        y = (lo + hi) / 2 if hi < lo else max(lo, min(y, hi))
        return x, y

    @property
    def offset(self) -> tuple[int, int]:
        return round(self.x), round(self.y)

    def keep_visible(self, tile: tuple[float, float], margin: int = MARGIN_TILES) -> None:
        """Move the target just enough that `tile` has `margin` tiles of room to the border."""
        px, py = tile[0] * TILE, tile[1] * TILE
        m = margin * TILE
        tx, ty = self.tx, self.ty
        if px - m < tx:
            tx = px - m
        elif px + TILE + m > tx + self.view_w:
            tx = px + TILE + m - self.view_w
        if py - m < ty:
            ty = py - m
        elif py + TILE + m > ty + self.view_h:
            ty = py + TILE + m - self.view_h
        self.tx, self.ty = self._clamp(tx, ty)

    def center_on(self, tile: tuple[float, float], *, snap: bool = False) -> None:
        self.tx, self.ty = self._clamp(
            tile[0] * TILE + TILE / 2 - self.view_w / 2, tile[1] * TILE + TILE / 2 - self.view_h / 2
        )
        if snap:
            self.x, self.y = self.tx, self.ty

    def pan(self, dx: float, dy: float) -> None:
        """Move at once (mouse drag, edge scrolling)."""
        self.x, self.y = self._clamp(self.x + dx, self.y + dy)
        self.tx, self.ty = self.x, self.y

    def edge_scroll(self, mouse: tuple[int, int] | None, dt: float) -> None:
        if mouse is None:
            return
        mx, my = mouse
        dx = -1 if mx < EDGE else 1 if mx >= self.view_w - EDGE else 0
        dy = -1 if my < EDGE else 1 if my >= self.view_h - EDGE else 0
        if dx or dy:
            self.pan(dx * EDGE_SPEED * dt, dy * EDGE_SPEED * dt)

    def update(self, dt: float) -> None:
        k = min(1.0, dt * 12)
        self.x += (self.tx - self.x) * k
        self.y += (self.ty - self.y) * k
        if abs(self.tx - self.x) < 0.5:
            self.x = self.tx
        if abs(self.ty - self.y) < 0.5:
            self.y = self.ty

    def tile_at(self, screen: tuple[int, int]) -> tuple[int, int]:
        ox, oy = self.offset
        return (int((screen[0] + ox) // TILE), int((screen[1] + oy) // TILE))

    def screen_of(self, tile: tuple[float, float]) -> tuple[int, int]:
        ox, oy = self.offset
        return int(tile[0] * TILE) - ox, int(tile[1] * TILE) - oy
