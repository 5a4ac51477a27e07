"""Every shipped asset file loads, and the whole set stays small."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.assets import AssetLibrary, BitmapFont

from .conftest import ASSETS

IMAGES = sorted(p for p in ASSETS.rglob("*.png") if "src" not in p.relative_to(ASSETS).parts)
SOUNDS = sorted((ASSETS / "sounds").glob("*.wav"))
MUSIC = sorted((ASSETS / "music").glob("*.ogg"))


def _rel(p: Path) -> str:
    return str(p.relative_to(ASSETS))


@pytest.mark.parametrize("path", IMAGES, ids=_rel)
def test_image_loads(path: Path) -> None:
    surface = pygame.image.load(str(path))
    assert surface.get_width() > 0 and surface.get_height() > 0
    assert surface.get_flags() & pygame.SRCALPHA or surface.get_alpha() is None


@pytest.fixture(scope="module")
def mixer() -> None:
    if pygame.mixer.get_init() is None:
        pygame.mixer.init(22050, -16, 2)


@pytest.mark.parametrize("path", SOUNDS + MUSIC, ids=_rel)
def test_sound_loads_with_the_mixer(mixer: None, path: Path) -> None:
    sound = pygame.mixer.Sound(str(path))
    assert sound.get_length() > 0.03


def test_expected_sounds_and_tracks_exist() -> None:
    sounds = {p.stem for p in SOUNDS}
    assert {
        "cursor",
        "confirm",
        "cancel",
        "error",
        "move_step",
        "beam",
        "missile",
        "knuckle",
        "claw",
        "flamethrower",
        "ram",
        "hit",
        "critical",
        "miss",
        "explosion",
        "vmax",
        "level_up",
        "spirit",
    } <= sounds
    assert {"mars", "space", "occupied_earth", "boss", "title", "victory", "defeat"} <= {p.stem for p in MUSIC}


def test_music_loops_play(mixer: None) -> None:
    library = AssetLibrary([ASSETS])
    for track in ("mars", "space", "occupied_earth", "boss", "title"):
        library.play_music(track)
        assert library.audio.music_playing == ASSETS / "music" / f"{track}.ogg"
    library.stop_music()
    assert library.audio.music_playing is None


@pytest.mark.parametrize("font_id", ["small", "bold", "large"])
def test_fonts_load_and_cover_ascii(font_id: str) -> None:
    font = AssetLibrary([ASSETS]).font(font_id)
    assert isinstance(font, BitmapFont)
    printable = "".join(chr(c) for c in range(32, 127))
    assert set(printable) <= set(font.chars)
    w, h = font.size("Blue Comet Tactics")
    assert 40 < w < 400 and h == font.height


def test_effect_frames_table_matches_the_strips() -> None:
    table = json.loads((ASSETS / "effects" / "frames.json").read_text())
    library = AssetLibrary([ASSETS])
    for name, entry in table.items():
        strip = library.effect(name)
        assert strip.size == tuple(entry["frame"]), name
        assert len(strip) == entry["frames"], name
    for needed in (
        "beam",
        "missile",
        "knuckle_shot",
        "claw",
        "flamethrower",
        "vmax_trail",
        "red_power_trail",
        "explosion",
        "hit_spark",
        "shield_flash",
        "digits",
        "critical",
        "miss",
    ):
        assert needed in table
    assert len(library.effect("digits")) == 10


def test_ui_art() -> None:
    library = AssetLibrary([ASSETS])
    window = library.nine_slice("window")
    assert window.border == 8
    assert window.render((200, 60)).get_size() == (200, 60)
    assert library.ui_strip("cursor").size == (32, 32)
    assert library.ui("title_background").get_size() == (640, 360)
    for side in ("player", "enemy", "ally", "neutral"):
        assert library.ui(f"badge_{side}").get_size() == (12, 12)
    assert library.side_color("player") != library.side_color("enemy")


def test_total_size_is_reasonable() -> None:
    total = sum(p.stat().st_size for p in ASSETS.rglob("*") if p.is_file() and "src" not in p.parts)
    assert total < 15 * 1024 * 1024, f"assets are {total / 1e6:.1f} MB"
