"""Sound effects and music that never crash the game: with no audio device (or a mixer that
failed to start) every call is a silent no-op."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pygame

from game.assets.errors import AssetError

log = logging.getLogger(__name__)


class SilentSound:
    """Stands in for `pygame.mixer.Sound` when there is no mixer."""

    def play(self, *args: object, **kwargs: object) -> None:
        return None

    def stop(self) -> None:
        return None

    def set_volume(self, value: float) -> None:
        return None

    def get_volume(self) -> float:
        return 0.0

    def get_length(self) -> float:
        return 0.0


class Audio:
    """Owns the mixer: starts it lazily, remembers volumes, and plays sounds and music by path."""

    def __init__(self, enabled: bool = True, init_mixer: Callable[[], None] | None = None) -> None:
        self._wanted = enabled
        self._init_mixer = init_mixer or _default_init
        self._ready: bool | None = None  # None: not tried yet
        self.music_volume = 0.7
        self.sfx_volume = 0.8
        self._music_path: Path | None = None

    @property
    def available(self) -> bool:
        """True once the mixer runs; tries to start it the first time it is asked."""
        if self._ready is None:
            self._ready = False
            if self._wanted:
                try:
                    self._init_mixer()
                    self._ready = pygame.mixer.get_init() is not None
                except (pygame.error, NotImplementedError, ImportError, OSError) as exc:
                    log.warning("audio disabled: the mixer could not start (%s)", exc)
        return self._ready

    def load_sound(self, path: Path) -> pygame.mixer.Sound | SilentSound:
        if not self.available:
            return SilentSound()
        try:
            return pygame.mixer.Sound(str(path))
        except pygame.error as exc:
            raise AssetError(f"cannot read sound {path}: {exc}") from exc

    def play(self, sound: pygame.mixer.Sound | SilentSound, volume: float = 1.0) -> None:
        if isinstance(sound, SilentSound) or not self.available:
            return
        sound.set_volume(max(0.0, min(1.0, self.sfx_volume * volume)))
        try:
            sound.play()
        except pygame.error as exc:  # e.g. the device went away mid-game
            log.warning("could not play a sound: %s", exc)

    def set_volumes(self, music: float | None = None, sfx: float | None = None) -> None:
        if music is not None:
            self.music_volume = max(0.0, min(1.0, music))
            if self.available:
                pygame.mixer.music.set_volume(self.music_volume)
        if sfx is not None:
            self.sfx_volume = max(0.0, min(1.0, sfx))

    def play_music(self, path: Path, loop: bool = True, fade_ms: int = 0) -> None:
        """Start a track; asking for the track already playing does not restart it."""
        if not self.available:
            return
        if self._music_path == path and pygame.mixer.music.get_busy():
            return
        try:
            pygame.mixer.music.load(str(path))
            pygame.mixer.music.set_volume(self.music_volume)
            pygame.mixer.music.play(loops=-1 if loop else 0, fade_ms=fade_ms)
        except pygame.error as exc:
            raise AssetError(f"cannot play music {path}: {exc}") from exc
        self._music_path = path

    def stop_music(self, fade_ms: int = 0) -> None:
        self._music_path = None
        if not self.available:
            return
        if fade_ms > 0:
            pygame.mixer.music.fadeout(fade_ms)
        else:
            pygame.mixer.music.stop()

    @property
    def music_playing(self) -> Path | None:
        """The track last started and not stopped (None when silent or stopped)."""
        return self._music_path


def _default_init() -> None:
    if pygame.mixer.get_init() is None:
        pygame.mixer.init(frequency=22050, size=-16, channels=2, buffer=512)
