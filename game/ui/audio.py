"""Sound effects and music with the player's volumes; silent when the mixer or a sound is missing."""

from __future__ import annotations

from collections.abc import Callable

import pygame

SoundLoader = Callable[[str], "pygame.mixer.Sound | None"]
MusicLocator = Callable[[str], "str | None"]


class Audio:
    def __init__(self, sounds: SoundLoader, music: MusicLocator, music_volume: int, sfx_volume: int) -> None:
        self._sounds = sounds
        self._music = music
        self._cache: dict[str, pygame.mixer.Sound | None] = {}
        self.enabled = pygame.mixer.get_init() is not None
        self.current_music: str | None = None
        self.played: list[str] = []  # recent effect names (tests and debugging)
        self.set_volumes(music_volume, sfx_volume)

    def set_volumes(self, music: int, sfx: int) -> None:
        self.music_volume = music / 100
        self.sfx_volume = sfx / 100
        if self.enabled:
            pygame.mixer.music.set_volume(self.music_volume)

    def sfx(self, name: str) -> None:
        self.played = [*self.played[-15:], name]
        if not self.enabled or self.sfx_volume <= 0:
            return
        if name not in self._cache:
            self._cache[name] = self._sounds(name)
        sound = self._cache[name]
        if sound is not None:
            sound.set_volume(self.sfx_volume)
            sound.play()

    def music(self, name: str | None) -> None:
        if name == self.current_music:
            return
        self.current_music = name
        if not self.enabled:
            return
        if name is None:
            pygame.mixer.music.fadeout(400)
            return
        path = self._music(name)
        if path is None:
            pygame.mixer.music.fadeout(400)
            return
        try:
            pygame.mixer.music.load(path)
            pygame.mixer.music.set_volume(self.music_volume)
            pygame.mixer.music.play(-1, fade_ms=400)
        except pygame.error:
            self.current_music = None
