"""Battle sprite frames for the scene: poses by name, mirrored and flashed copies cached.

Sheets made by the asset scripts have seven frames (idle, idle_alt, attack_ready, attack,
dash, hit, down); a mod's older four-frame sheet still works: its missing poses fall back
to the nearest it has."""

from __future__ import annotations

import pygame

from game.ui.render.art import Art

IDLE, IDLE_ALT, READY, ATTACK, DASH, HIT, DOWN = range(7)
FALLBACK = {DASH: READY, HIT: IDLE, DOWN: IDLE}


def frame_count(art: Art, unit_id: str) -> int:
    library = getattr(art, "library", None)
    if library is None:
        return 4
    try:
        return len(library.battle_sprite(unit_id))
    except Exception:  # no sheet for this unit: the drawn stand-in has every pose in one
        return 4


class BattleSprites:
    """One scene's cache of sprite variants (the scene lives for one exchange)."""

    def __init__(self, art: Art) -> None:
        self.art = art
        self._frames: dict[str, int] = {}
        self._cache: dict[tuple[str, str, int, bool, str], pygame.Surface] = {}

    def pose(self, unit_id: str, pose: int) -> int:
        count = self._frames.get(unit_id)
        if count is None:
            count = self._frames[unit_id] = frame_count(self.art, unit_id)
        while pose >= count and pose in FALLBACK:
            pose = FALLBACK[pose]
        return min(pose, count - 1)

    def get(self, unit_id: str, side: str, pose: int, facing_left: bool, look: str = "") -> pygame.Surface:
        """`look`: "" as drawn, "flash" white (a hit), "burnt" darkened (going down)."""
        pose = self.pose(unit_id, pose)
        key = (unit_id, side, pose, facing_left, look)
        found = self._cache.get(key)
        if found is None:
            img = self.art.battle_sprite(unit_id, side, pose)
            if facing_left:
                img = pygame.transform.flip(img, True, False)
            if look == "flash":
                img = img.copy()
                img.fill((255, 255, 255), special_flags=pygame.BLEND_RGB_MAX)
            elif look == "burnt":
                img = img.copy()
                img.fill((110, 90, 90), special_flags=pygame.BLEND_RGB_MULT)
            found = self._cache[key] = img
        return found
