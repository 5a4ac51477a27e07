"""The generator scripts are deterministic and the committed assets are their current output.

Regenerating everything takes a few seconds, so these tests regenerate a sample of each kind.
Bytes are compared where the encoder is the one the committed files were made with (zlib for
PNG, libsndfile/libvorbis for Ogg); pixels and samples are compared everywhere.
"""

from __future__ import annotations

import json
import sys
import wave
import zlib
from pathlib import Path

import numpy as np
import pytest

from .conftest import ASSETS

sys.path.insert(0, str(ASSETS / "src"))

from assetgen import effects, font, music, portraits, sfx, sprites, ui
from assetgen.pngio import decode_png


def _same_image(a: Path, b: Path) -> None:
    pa, pb = decode_png(a.read_bytes()), decode_png(b.read_bytes())
    assert pa.shape == pb.shape, a.name
    assert np.array_equal(pa, pb), f"{a} is not what the generator makes now: run assets/src/generate.py"
    if zlib.ZLIB_RUNTIME_VERSION == zlib.ZLIB_VERSION:
        assert a.read_bytes() == b.read_bytes(), a.name


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("assets")
    sprites.write(out, only={"layzner", "zakarl_red_power", "buggy", "cusco_shrine"})
    portraits.write(out, only={"eiji", "le_cain", "rei", "mangello"})
    font.write(out)
    effects.write(out)
    ui.write(out)
    sfx.write(out, only={"cursor", "beam", "vmax", "explosion"})
    return out


def test_generating_twice_gives_identical_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        sprites.write(out, only={"dimarge"})
        portraits.write(out, only={"gosterro"})
        sfx.write(out, only={"claw"})
    for rel in ("sprites/units/dimarge.png", "sprites/battle/dimarge.png", "portraits/gosterro.png", "sounds/claw.wav"):
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


@pytest.mark.parametrize(
    "rel",
    [
        "sprites/units/layzner.png",
        "sprites/battle/layzner.png",
        "sprites/units/zakarl_red_power.png",
        "sprites/battle/buggy.png",
        "sprites/units/cusco_shrine.png",
        "portraits/eiji.png",
        "portraits/le_cain.png",
        "portraits/rei.png",
        "portraits/mangello.png",
        "fonts/small.png",
        "fonts/large.png",
        "effects/explosion.png",
        "effects/digits.png",
        "ui/window.png",
        "ui/logo.png",
        "ui/title_background.png",
    ],
)
def test_committed_image_matches_the_generator(regenerated: Path, rel: str) -> None:
    _same_image(ASSETS / rel, regenerated / rel)


@pytest.mark.parametrize("rel", ["fonts/small.json", "effects/frames.json", "ui/ui.json"])
def test_committed_metadata_matches_the_generator(regenerated: Path, rel: str) -> None:
    assert (ASSETS / rel).read_bytes() == (regenerated / rel).read_bytes()


@pytest.mark.parametrize("unit_id", ["layzner", "zakarl", "gunstaid", "astrohawk"])
def test_committed_battle_anchors_match_the_generator(unit_id: str) -> None:
    table = json.loads((ASSETS / "sprites" / "battle" / "anchors.json").read_text())
    assert set(table) == set(sprites.UNIT_IDS)
    assert table[unit_id] == sprites.battle_anchors(unit_id)


@pytest.mark.parametrize("name", ["cursor", "beam", "vmax", "explosion"])
def test_committed_sound_matches_the_generator(regenerated: Path, name: str) -> None:
    rel = f"sounds/{name}.wav"
    assert (ASSETS / rel).read_bytes() == (regenerated / rel).read_bytes()


def test_music_is_deterministic_and_matches_the_committed_stings(tmp_path: Path) -> None:
    song = music.SONGS["victory"]
    first, second = music.render(song), music.render(song)
    assert np.array_equal(first, second)
    music.write(tmp_path, only={"victory"})
    again = tmp_path / "again"
    music.write(again, only={"victory"})
    made = (tmp_path / "music" / "victory.ogg").read_bytes()
    assert made == (again / "music" / "victory.ogg").read_bytes(), "Ogg output must not vary between runs"
    import soundfile

    if soundfile.__libsndfile_version__ == music.ENCODER:
        assert made == (ASSETS / "music" / "victory.ogg").read_bytes()
    # Whatever the encoder, the committed file holds the same music (same length, similar level).
    decoded, rate = soundfile.read(str(ASSETS / "music" / "victory.ogg"))
    assert rate == 22050
    assert abs(len(decoded) - len(first)) < 2048


def test_loops_are_whole_bars() -> None:
    """A loop's length is exactly its bars, so the game can loop the file without a gap."""
    for name, song in music.SONGS.items():
        if not song.loop:
            continue
        rendered = music.render(song)
        bars = len(song.chords.split())
        assert len(rendered) == round(bars * 16 * 60 / song.bpm / 4 * 22050), name
        # The wrapped tail makes the end flow into the start: no silent gap at the loop point.
        assert np.abs(rendered[:200]).max() > 0, name


def test_wav_format() -> None:
    with wave.open(str(ASSETS / "sounds" / "hit.wav")) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
