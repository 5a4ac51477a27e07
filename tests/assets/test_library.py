"""AssetLibrary behaviour: search order and mod overrides, caching, errors, slicing, tinting."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pygame
import pytest

from game.assets import AssetError, AssetLibrary, Audio, outline, silhouette, tinted

from .conftest import ASSETS


def _png(path: Path, size: tuple[int, int], color: tuple[int, int, int, int]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    surface = pygame.Surface(size, pygame.SRCALPHA)
    surface.fill(color)
    pygame.image.save(surface, str(path))
    return path


def _quiet() -> Audio:
    return Audio(enabled=False)


def test_mod_file_replaces_the_shipped_asset_with_the_same_id(tmp_path: Path) -> None:
    mod = tmp_path / "my_mod"
    _png(mod / "assets" / "portraits" / "eiji.png", (96, 48), (255, 0, 0, 255))
    library = AssetLibrary.for_mods([mod], audio=_quiet(), base=ASSETS)
    strip = library.portrait("eiji")
    assert strip.path == mod / "assets" / "portraits" / "eiji.png"
    assert strip.size == (48, 48) and len(strip) == 2
    assert strip[0].get_at((10, 10)) == pygame.Color(255, 0, 0, 255)
    # Everything the mod does not replace still comes from the game.
    assert library.portrait("anna").path == ASSETS / "portraits" / "anna.png"


def test_later_mods_win_and_mods_can_add_new_ids(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    _png(first / "assets" / "sprites" / "units" / "layzner.png", (64, 32), (0, 255, 0, 255))
    _png(second / "assets" / "sprites" / "units" / "layzner.png", (96, 32), (0, 0, 255, 255))
    _png(first / "assets" / "sprites" / "units" / "new_mecha.png", (32, 32), (9, 9, 9, 255))
    library = AssetLibrary.for_mods([first, second], audio=_quiet(), base=ASSETS)
    assert len(library.unit_sprite("layzner")) == 3
    assert "new_mecha" in library.ids("unit")
    assert library.exists("unit", "new_mecha")


def test_mod_sound_and_metadata_override(tmp_path: Path) -> None:
    mod = tmp_path / "mod"
    (mod / "assets" / "sounds").mkdir(parents=True)
    shutil.copy(ASSETS / "sounds" / "hit.wav", mod / "assets" / "sounds" / "beam.wav")
    _png(mod / "assets" / "effects" / "beam.png", (40, 10), (1, 2, 3, 255))
    (mod / "assets" / "effects" / "frames.json").write_text(json.dumps({"beam": {"frame": [20, 10], "frames": 2}}))
    library = AssetLibrary.for_mods([mod], audio=_quiet(), base=ASSETS)
    assert library.find("sound", "beam") == mod / "assets" / "sounds" / "beam.wav"
    assert library.effect("beam").size == (20, 10)
    assert library.effect("missile").size == (32, 12)  # the game's table still applies to the rest


def test_missing_asset_names_the_id_and_every_path_searched(tmp_path: Path) -> None:
    library = AssetLibrary([tmp_path / "mod_assets", ASSETS], audio=_quiet())
    with pytest.raises(AssetError) as err:
        library.portrait("nobody")
    message = str(err.value)
    assert "'nobody'" in message and "portrait" in message
    assert str(tmp_path / "mod_assets" / "portraits" / "nobody.png") in message
    assert str(ASSETS / "portraits" / "nobody.png") in message


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "a/b", "", "..", "x y"])
def test_hostile_ids_are_refused(bad_id: str) -> None:
    with pytest.raises(AssetError, match="invalid"):
        AssetLibrary([ASSETS], audio=_quiet()).find("unit", bad_id)


def test_unknown_kind() -> None:
    with pytest.raises(AssetError, match="unknown asset kind"):
        AssetLibrary([ASSETS], audio=_quiet()).find("movie", "intro")


def test_broken_image_gives_an_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "portraits" / "eiji.png"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"\x89PNG\r\n\x1a\nthis is not a png")
    with pytest.raises(AssetError, match=str(bad)):
        AssetLibrary([tmp_path, ASSETS], audio=_quiet()).portrait("eiji")


def test_sheet_that_does_not_divide_into_frames(tmp_path: Path) -> None:
    _png(tmp_path / "sprites" / "units" / "odd.png", (50, 32), (1, 1, 1, 255))
    with pytest.raises(AssetError, match="cannot be cut"):
        AssetLibrary([tmp_path], audio=_quiet()).unit_sprite("odd")


def test_broken_metadata_is_reported(tmp_path: Path) -> None:
    (tmp_path / "effects").mkdir()
    (tmp_path / "effects" / "frames.json").write_text("{not json")
    with pytest.raises(AssetError, match=r"frames\.json"):
        AssetLibrary([tmp_path, ASSETS], audio=_quiet()).effect("beam")


def test_loads_lazily_and_caches(tmp_path: Path) -> None:
    library = AssetLibrary([ASSETS], audio=_quiet())
    assert library._images == {}  # nothing read yet
    first = library.unit_sprite("braver")
    assert library.unit_sprite("braver") is first
    assert library.font("small") is library.font("small")


def test_works_before_a_display_and_converts_once_there_is_one() -> None:
    pygame.display.quit()
    library = AssetLibrary([ASSETS], audio=_quiet())
    before = library.battle_sprite("layzner")[0]
    assert before.get_size() == (128, 128)
    pygame.display.init()
    try:
        screen = pygame.display.set_mode((64, 64))
        converted = library.ui("window")
        assert converted.get_bitsize() == screen.get_bitsize() or converted.get_flags() & pygame.SRCALPHA
        assert library._images[ASSETS / "ui" / "window.png"].converted
    finally:
        pygame.display.quit()
        pygame.display.init()


def test_tinting_helpers() -> None:
    sprite = AssetLibrary([ASSETS], audio=_quiet()).unit_sprite("layzner")[0]
    white = silhouette(sprite, (255, 255, 255))
    opaque = [(x, y) for x in range(32) for y in range(32) if sprite.get_at((x, y)).a > 0]
    assert opaque and all(white.get_at(p)[:3] == (255, 255, 255) for p in opaque)
    ring = outline(sprite, (255, 0, 0), 1)
    assert ring.get_size() == (34, 34)
    # The ring lies outside the sprite: no ring pixel sits on an opaque sprite pixel.
    assert all(ring.get_at((x + 1, y + 1)).a == 0 for x, y in opaque)
    assert any(ring.get_at((x, y)).a > 0 for x in range(34) for y in range(34))
    half = tinted(sprite, (255, 0, 0), 0.5)
    x, y = opaque[len(opaque) // 2]
    assert half.get_at((x, y)).r >= sprite.get_at((x, y)).r


def test_side_outline_strips_are_cached() -> None:
    library = AssetLibrary([ASSETS], audio=_quiet())
    red = library.unit_outline("layzner", "red")
    assert red is library.unit_outline("layzner", "red")
    assert len(red) == len(library.unit_sprite("layzner"))
    assert library.unit_silhouette("layzner")[0].get_size() == (32, 32)


def test_nine_slice_keeps_corners_crisp() -> None:
    window = AssetLibrary([ASSETS], audio=_quiet()).nine_slice("window")
    big = window.render((120, 50))
    assert big.get_at((1, 1)) == window.image.get_at((1, 1))
    assert big.get_at((118, 48)) == window.image.get_at((22, 22))


def test_bitmap_font_render_size_and_wrap() -> None:
    font = AssetLibrary([ASSETS], audio=_quiet()).font("small")
    text = font.render("Layzner", (255, 200, 0))
    assert text.get_size() == font.size("Layzner")
    assert any(text.get_at((x, y))[:3] == (255, 200, 0) for x in range(text.get_width()) for y in range(9))
    assert font.render("Layzner", (255, 200, 0)) is text  # cached
    lines = font.wrap("Earth is beautiful and must be protected", 60)
    assert len(lines) > 1 and all(font.line_width(line) <= 60 for line in lines)
    assert font.size("a\nb")[1] == font.height + font.line_height
    # Characters the font lacks fall back to '?' instead of failing.
    assert font.size("\u4e16") == font.size("?")
    assert font.render("x", (0, 0, 0), shadow=(255, 255, 255)).get_width() == font.size("x")[0] + 1


def test_font_with_broken_metadata(tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()
    shutil.copy(ASSETS / "fonts" / "small.png", tmp_path / "fonts" / "small.png")
    (tmp_path / "fonts" / "small.json").write_text(json.dumps({"chars": "ab", "cell": [6, 9]}))
    with pytest.raises(AssetError, match="font small"):
        AssetLibrary([tmp_path], audio=_quiet()).font("small")


def test_battle_anchor_points_at_the_weapon(tmp_path: Path) -> None:
    library = AssetLibrary([ASSETS], audio=_quiet())
    x, y = library.battle_anchor("layzner")
    attack = library.battle_sprite("layzner")[3]
    assert 64 < x < 128 and 0 < y < 128
    # Something is drawn right around the muzzle (the flash).
    near = [attack.get_at((min(127, x + dx), y + dy)).a for dx in range(-3, 4) for dy in range(-3, 4)]
    assert max(near) > 0
    _png(tmp_path / "sprites" / "battle" / "new_mecha.png", (256, 64), (5, 5, 5, 255))
    modded = AssetLibrary([tmp_path, ASSETS], audio=_quiet())
    assert modded.battle_anchor("new_mecha") == (56, 32)
