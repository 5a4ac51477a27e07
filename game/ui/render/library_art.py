"""The art of the asset library (`game.assets.AssetLibrary`) behind the `Art` interface.

Ids the library lacks (a mod's new unit without a sprite) fall back to the drawn pictures
of `DrawnArt`, so a missing file shows a plain figure instead of stopping the game.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.assets import AssetError, AssetLibrary, NineSlice
from game.ui.render.art import DrawnArt

FACING_RIGHT_SIDES = ("player", "ally")  # sprites face right; the other sides face left
EXPRESSIONS = {"neutral": 0, "speaking": 1, "angry": 2, "hurt": 3}


class LibraryArt:
    def __init__(self, library: AssetLibrary, fallback: DrawnArt | None = None) -> None:
        self.library = library
        self.fallback = fallback or DrawnArt()
        self._flipped: dict[tuple[str, str, int, int], pygame.Surface] = {}

    def _flip(self, kind: str, unit_id: str, frame: int, surface: pygame.Surface) -> pygame.Surface:
        key = (kind, unit_id, frame, id(surface))
        found = self._flipped.get(key)
        if found is None:
            found = pygame.transform.flip(surface, True, False)
            self._flipped[key] = found
        return found

    def unit_sprite(self, unit_id: str, side: str, frame: int = 0) -> pygame.Surface:
        try:
            strip = self.library.unit_sprite(unit_id)
        except AssetError:
            return self.fallback.unit_sprite(unit_id, side, frame)
        index = frame % len(strip)
        image = strip[index]
        return image if side in FACING_RIGHT_SIDES else self._flip("unit", unit_id, index, image)

    def battle_sprite(self, unit_id: str, side: str, pose: int = 0) -> pygame.Surface:
        """Facing right; pose 0 idle, 1 idle (alternate), 2 ready, 3 attacking."""
        try:
            strip = self.library.battle_sprite(unit_id)
        except AssetError:
            return self.fallback.battle_sprite(unit_id, side, pose)
        return strip[min(pose, len(strip) - 1)]

    def battle_anchor(self, unit_id: str, name: str = "muzzle") -> tuple[int, int] | None:
        try:
            return self.library.battle_anchor(unit_id, name)
        except AssetError:
            return None

    def portrait(
        self, portrait_id: str | None, speaking: bool = False, expression: str = "neutral"
    ) -> pygame.Surface | None:
        if not portrait_id:
            return None
        try:
            strip = self.library.portrait(portrait_id)
        except AssetError:
            return None  # a speaker without a portrait is shown by name only
        index = EXPRESSIONS.get(expression, 0)
        if speaking and index == 0:
            index = 1
        return strip[min(index, len(strip) - 1)]

    def terrain_tile(self, terrain_id: str, variant: int = 0) -> pygame.Surface:
        # Maps bring their own tiles (Tiled tilesets); this only draws code-built battles.
        return self.fallback.terrain_tile(terrain_id, variant)

    def effect(self, effect_id: str) -> Sequence[pygame.Surface] | None:
        try:
            return self.library.effect(effect_id).frames
        except AssetError:
            return None

    def ui(self, ui_id: str) -> pygame.Surface | None:
        try:
            return self.library.ui(ui_id)
        except AssetError:
            return None

    def ui_frames(self, ui_id: str) -> Sequence[pygame.Surface] | None:
        try:
            return self.library.ui_strip(ui_id).frames
        except AssetError:
            return None

    def window(self, kind: str) -> NineSlice | None:
        try:
            return self.library.nine_slice(kind)
        except AssetError:
            return None
