"""Image sizes come from the header and are checked before decoding: a decompression bomb
(a tiny PNG declaring 60000x60000 pixels) as a sprite, portrait or tileset image fails
`validate` and is never decoded by the game, which carries on without it."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pygame
import pytest

from game.assets import AssetError, AssetLibrary, game_assets
from game.assets.image_check import IMAGE_LIMITS, ImageRefused, image_size

ROOT = Path(__file__).resolve().parents[2]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(width: int, height: int) -> bytes:
    """A valid-looking PNG of a few hundred bytes that declares `width` x `height` RGBA pixels."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (1 + 4 * min(width, 64)) * 4, 9)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", rows) + _chunk(b"IEND", b"")


def test_every_shipped_image_is_within_the_limits() -> None:
    images = sorted(p for p in game_assets().rglob("*.png") if "src" not in p.relative_to(game_assets()).parts[:1])
    assert len(images) > 100
    for path in images:
        w, h = image_size(path)
        assert (w, h) == pygame.image.load(str(path)).get_size(), path


@pytest.mark.parametrize(("w", "h"), [(60000, 60000), (20000, 20000), (4097, 16), (4096, 4096), (0, 10)])
def test_png_headers_over_the_limits_are_refused(tmp_path: Path, w: int, h: int) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(png_bomb(w, h))
    with pytest.raises(ImageRefused) as err:
        image_size(path)
    assert str(path) in str(err.value) and "pixels" in str(err.value)


def test_jpeg_and_bmp_sizes_come_from_their_headers(tmp_path: Path) -> None:
    surface = pygame.Surface((37, 21))
    for name in ("a.bmp", "a.jpg"):
        pygame.image.save(surface, str(tmp_path / name))
        assert image_size(tmp_path / name) == (37, 21)
    big_bmp = bytearray((tmp_path / "a.bmp").read_bytes())
    big_bmp[18:26] = struct.pack("<ii", 60000, -60000)
    (tmp_path / "big.bmp").write_bytes(bytes(big_bmp))
    with pytest.raises(ImageRefused, match="60,000x60,000"):
        image_size(tmp_path / "big.bmp")


@pytest.mark.parametrize("content", [b"GIF89a\xff\xff\xff\xff", b"not an image", b"", b"\x89PNG\r\n\x1a\n"])
def test_other_or_broken_formats_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.png"
    path.write_bytes(content)
    with pytest.raises(ImageRefused):
        image_size(path)


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs as on POSIX")
def test_a_fifo_image_never_blocks(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.png")
    with pytest.raises(ImageRefused, match="not a regular file"):
        image_size(tmp_path / "x.png")


def test_oversized_files_are_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    with path.open("wb") as f:
        f.write(png_bomb(16, 16))
        f.truncate(IMAGE_LIMITS.max_bytes + 1)
    with pytest.raises(ImageRefused, match="bytes"):
        image_size(path)


@pytest.mark.parametrize("kind", ["unit", "portrait"])
def test_the_library_refuses_a_bomb_sprite_or_portrait(tmp_path: Path, kind: str) -> None:
    folder = {"unit": "sprites/units", "portrait": "portraits"}[kind]
    mod = tmp_path / "bombs"
    (mod / "assets" / folder).mkdir(parents=True)
    (mod / "assets" / folder / "layzner.png").write_bytes(png_bomb(60000, 60000))
    library = AssetLibrary.for_mods([mod])
    with pytest.raises(AssetError, match="60,000x60,000"):  # decoding it would kill the process
        library.unit_sprite("layzner") if kind == "unit" else library.portrait("layzner")
    assert library.unit_sprite("braver").size == (32, 32)  # everything else still loads


def test_validate_reports_bomb_sprites_portraits_and_tileset_images(tmp_path: Path) -> None:
    mod = tmp_path / "mods" / "bombs"
    (mod / "assets/sprites/units").mkdir(parents=True)
    (mod / "assets/portraits").mkdir(parents=True)
    (mod / "mod.yaml").write_text("id: bombs\nname: Bombs\nversion: 1.0.0\n")
    (mod / "assets/sprites/units/braver.png").write_bytes(png_bomb(60000, 60000))
    (mod / "assets/portraits/eiji.png").write_bytes(png_bomb(20000, 20000))
    stage = mod / "maps" / "bomb_stage"
    shutil.copytree(ROOT / "maps/sandstorm_decoy", stage)
    tsx = (ROOT / "assets/tiles/mars.tsx").read_text().replace('source="mars.png"', 'source="bomb.png"')
    (stage / "bomb.tsx").write_text(tsx)
    (stage / "bomb.png").write_bytes(png_bomb(60000, 60000))
    tmx = stage / "map.tmx"
    tmx.write_text(tmx.read_text().replace("../../assets/tiles/mars.tsx", "bomb.tsx"))
    scenario = stage / "scenario.yaml"
    scenario.write_text(scenario.read_text().replace("id: sandstorm_decoy", "id: bomb_stage"))
    out = subprocess.run(
        [sys.executable, str(ROOT / "run_game.py"), "validate", str(mod.parent)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert out.returncode == 1, out.stdout + out.stderr
    assert "Traceback" not in out.stderr
    text = out.stdout
    assert "braver.png" in text and "60,000x60,000 pixels" in text
    assert "eiji.png" in text and "20,000x20,000 pixels" in text
    assert "bomb.png" in text and "tileset image" in text
    assert "Image limits: 4096 pixels either way" in text


def test_a_map_with_a_bomb_tileset_is_drawn_without_it(tmp_path: Path) -> None:
    from game.ui.render.tmx_map import render_tmx

    shutil.copy(ROOT / "maps/sandstorm_decoy/map.tmx", tmp_path / "map.tmx")
    tsx = (ROOT / "assets/tiles/mars.tsx").read_text().replace('source="mars.png"', 'source="bomb.png"')
    (tmp_path / "bomb.tsx").write_text(tsx)
    (tmp_path / "bomb.png").write_bytes(png_bomb(60000, 60000))
    tmx = tmp_path / "map.tmx"
    tmx.write_text(tmx.read_text().replace("../../assets/tiles/mars.tsx", "bomb.tsx"))
    pygame.display.set_mode((64, 64))  # pytmx converts tileset images for the display
    assert render_tmx(str(tmx), (10, 10)) is None  # the caller draws the terrain itself
    assert render_tmx(str(ROOT / "maps/sandstorm_decoy/map.tmx"), (10, 10)) is not None


@pytest.mark.parametrize(
    ("file", "text", "call"),
    [
        ("effects/frames.json", '{"beam": {"frame": ["a", "b"]}}', lambda lib: lib.effect("beam")),
        ("effects/frames.json", '{"beam": {"frame": [1e999, 2]}}', lambda lib: lib.effect("beam")),
        ("ui/ui.json", '{"frames": {"cursor": "big"}}', lambda lib: lib.ui_strip("cursor")),
        ("ui/ui.json", '{"nine_slice": {"window": [8]}}', lambda lib: lib.nine_slice("window")),
        ("ui/ui.json", '{"side_colors": {"player": "not a colour"}}', lambda lib: lib.side_color("player")),
        ("ui/ui.json", '{"frames": {"cursor": [' + "9" * 5000 + ", 1]}}", lambda lib: lib.ui_strip("cursor")),
    ],
)
def test_bad_asset_metadata_in_a_mod_is_an_asset_error(tmp_path: Path, file: str, text: str, call: object) -> None:
    mod = tmp_path / "meta"
    (mod / "assets" / file).parent.mkdir(parents=True)
    (mod / "assets" / file).write_text(text)
    library = AssetLibrary.for_mods([mod])
    with pytest.raises(AssetError):
        call(library)  # type: ignore[operator]
