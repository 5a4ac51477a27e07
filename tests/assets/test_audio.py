"""Audio works with the dummy driver, and without a mixer nothing crashes."""

from __future__ import annotations

import pygame
import pytest

from game.assets import AssetError, AssetLibrary, Audio, SilentSound

from .conftest import ASSETS


def test_sounds_play_with_the_dummy_driver() -> None:
    library = AssetLibrary([ASSETS])
    assert library.audio.available
    sound = library.sound("beam")
    assert isinstance(sound, pygame.mixer.Sound)
    assert sound.get_length() > 0.1
    library.play_sound("beam")
    assert library.sound("beam") is sound


def test_volumes_are_clamped_and_applied() -> None:
    library = AssetLibrary([ASSETS])
    library.audio.set_volumes(music=0.25, sfx=2.0)
    assert library.audio.sfx_volume == 1.0
    library.play_music("title")
    assert pygame.mixer.music.get_volume() == pytest.approx(0.25, abs=0.01)
    library.audio.set_volumes(sfx=0.5)
    library.play_sound("hit", volume=0.5)
    assert library.sound("hit").get_volume() == pytest.approx(0.25, abs=0.01)
    library.stop_music()


def test_same_track_is_not_restarted() -> None:
    library = AssetLibrary([ASSETS])
    library.play_music("mars")
    started = library.audio.music_playing
    library.play_music("mars")
    assert library.audio.music_playing == started
    library.play_music("boss", loop=True, fade_ms=10)
    assert library.audio.music_playing == ASSETS / "music" / "boss.ogg"
    library.stop_music(fade_ms=10)


def test_a_mixer_that_fails_to_start_means_silence_not_a_crash() -> None:
    def broken() -> None:
        raise pygame.error("No available audio device")

    library = AssetLibrary([ASSETS], audio=Audio(init_mixer=broken))
    saved = pygame.mixer.get_init()
    pygame.mixer.quit()
    try:
        assert not library.audio.available
        assert isinstance(library.sound("explosion"), SilentSound)
        library.play_sound("explosion")
        library.play_music("mars")
        library.audio.set_volumes(music=0.1, sfx=0.1)
        library.stop_music()
        assert library.audio.music_playing is None
    finally:
        if saved:
            pygame.mixer.init(*saved)


def test_audio_can_be_switched_off() -> None:
    library = AssetLibrary([ASSETS], audio=Audio(enabled=False))
    assert isinstance(library.sound("cursor"), SilentSound)
    library.play_sound("cursor")


def test_missing_sound_is_still_an_error_without_a_mixer() -> None:
    library = AssetLibrary([ASSETS], audio=Audio(enabled=False))
    with pytest.raises(AssetError, match="'no_such_sound'"):
        library.sound("no_such_sound")
