"""Every unit and speaker of the game has its art, in the documented layout and sizes."""

from __future__ import annotations

import json

import pygame
import pytest

from game.assets import AssetLibrary

from .conftest import ASSETS, EXTRA_PORTRAIT_IDS, PORTRAIT_IDS, UNIT_IDS


def pixels_of(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


@pytest.fixture(scope="module")
def library() -> AssetLibrary:
    return AssetLibrary([ASSETS])


@pytest.mark.parametrize("unit_id", UNIT_IDS)
def test_unit_has_map_sprite_with_idle_frames(library: AssetLibrary, unit_id: str) -> None:
    assert (ASSETS / "sprites" / "units" / f"{unit_id}.png").is_file()
    strip = library.unit_sprite(unit_id)
    assert strip.size == (32, 32)
    assert 2 <= len(strip) <= 4
    # An idle animation: at least two frames differ, and every frame shows something.
    assert all(f.get_bounding_rect().width > 8 for f in strip.frames)
    pixels = [pixels_of(f) for f in strip.frames]
    assert any(pixels[0] != p for p in pixels[1:])


@pytest.mark.parametrize("unit_id", UNIT_IDS)
def test_unit_has_battle_sprite_with_idle_and_attack(library: AssetLibrary, unit_id: str) -> None:
    strip = library.battle_sprite(unit_id)
    assert strip.size == (128, 128)
    assert len(strip) == 7  # idle, idle_alt, attack_ready, attack, dash, hit, down
    assert pixels_of(strip[0]) != pixels_of(strip[3])
    assert pixels_of(strip[6]) != pixels_of(strip[0]), "the down frame is scorched"
    anchors = json.loads((ASSETS / "sprites/battle/anchors.json").read_text(encoding="utf-8"))
    if "head" in anchors.get(unit_id, {}):  # mecha are posed for every action
        assert len({pixels_of(f) for f in strip.frames}) == 7, "every frame of a mecha's battle sheet differs"


@pytest.mark.parametrize("portrait_id", PORTRAIT_IDS + EXTRA_PORTRAIT_IDS)
def test_speaker_has_portrait_with_expressions(library: AssetLibrary, portrait_id: str) -> None:
    assert (ASSETS / "portraits" / f"{portrait_id}.png").is_file()
    strip = library.portrait(portrait_id)
    assert strip.size == (64, 64)
    assert len(strip) == 4  # neutral, speaking, angry, hurt
    assert pixels_of(strip[0]) != pixels_of(strip[1]), "the speaking frame must differ"


def test_roster_has_no_strays(library: AssetLibrary) -> None:
    """Shipped sprites and portraits are exactly the roster (a typo'd file name would be caught)."""
    assert set(library.ids("unit")) == set(UNIT_IDS)
    assert set(library.ids("battle")) == set(UNIT_IDS)
    assert set(library.ids("portrait")) == set(PORTRAIT_IDS + EXTRA_PORTRAIT_IDS)
