"""Sound effects and music by what happened ("cursor", "hit", "victory"), played through the
asset library with the player's volumes. Silent (never an error) without an audio device
or when a sound is missing."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.assets import AssetLibrary
    from game.core.defs import WeaponDef

log = logging.getLogger(__name__)

# interface event -> sound id in assets/sounds
SOUNDS: dict[str, str] = {
    "cursor": "cursor",
    "select": "confirm",
    "confirm": "confirm",
    "cancel": "cancel",
    "buzz": "error",
    "move": "move_step",
    "phase": "confirm",
    "spirit": "spirit",
    "hit": "hit",
    "critical": "critical",
    "miss": "miss",
    "explode": "explosion",
    "level_up": "level_up",
    "text": "cursor",
}


def weapon_sound(weapon: WeaponDef) -> str:
    """The sound id of a weapon firing, from what kind of weapon it is."""
    if "vmax" in weapon.tags:
        return "vmax"
    if weapon.type == "fire":
        return "flamethrower"
    if weapon.type == "beam":
        return "beam"
    if weapon.type == "ram":
        return "ram"
    if weapon.melee:
        return "claw" if "claw" in weapon.id else "knuckle"
    return "missile"


class Audio:
    def __init__(self, library: AssetLibrary | None, music_volume: int, sfx_volume: int) -> None:
        self.library = library
        self.current_music: str | None = None
        self.played: list[str] = []  # recent sound ids (tests and debugging)
        self.set_volumes(music_volume, sfx_volume)

    def set_volumes(self, music: int, sfx: int) -> None:
        if self.library is not None:
            self.library.audio.set_volumes(music / 100, sfx / 100)

    def sfx(self, name: str) -> None:
        """Play an interface sound by event name, or a sound id directly (weapon sounds)."""
        sound_id = SOUNDS.get(name, name)
        self.played = [*self.played[-15:], sound_id]
        if self.library is None:
            return
        try:
            self.library.play_sound(sound_id)
        except Exception as exc:  # a missing or broken sound must not stop the game
            log.warning("sound %s: %s", sound_id, exc)

    def music(self, track: str | None) -> None:
        if track == self.current_music:
            return
        self.current_music = track
        if self.library is None:
            return
        try:
            if track is None:
                self.library.stop_music(400)
            else:
                self.library.play_music(track, fade_ms=400)
        except Exception as exc:
            log.warning("music %s: %s", track, exc)
