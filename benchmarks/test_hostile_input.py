"""Hostile files are refused fast: each worst case beside reading a good file of its kind
(run: python -m pytest benchmarks/test_hostile_input.py --benchmark-only). The target is a
refusal within 1 s of CPU time."""

from __future__ import annotations

import json
import os
import struct
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from game.assets.image_check import ImageRefused, image_size
from game.data.yaml_reader import read_yaml_file
from game.maps import MapError, load_map
from game.saves import SaveError, read_json

REPO = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 1.0


def _cpu(benchmark: BenchmarkFixture, fn: Callable[[], object]) -> None:
    spent: list[float] = []

    def timed() -> None:
        started = time.process_time()
        fn()
        spent.append(time.process_time() - started)

    benchmark.pedantic(timed, rounds=3)
    benchmark.extra_info["cpu_seconds"] = round(min(spent), 4)
    assert min(spent) < TARGET_SECONDS


def _refused(fn: Callable[[], object], errors: tuple[type[Exception], ...]) -> Callable[[], None]:
    def run() -> None:
        with pytest.raises(errors):
            fn()

    return run


def test_baseline_read_a_unit_file(benchmark: BenchmarkFixture) -> None:
    _cpu(benchmark, lambda: read_yaml_file(REPO / "units/layzner.yaml", "units/layzner.yaml"))


def test_a_megabyte_of_yaml_values(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: [" + ",".join(["1"] * 250_000)[:999_990] + "]\n")
    _cpu(benchmark, lambda: read_yaml_file(path, "big.yaml"))


def test_a_yaml_number_of_a_million_digits(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("hp: " + "9" * 999_000 + "\n")
    _cpu(benchmark, lambda: read_yaml_file(path, "huge.yaml"))


def test_baseline_read_a_shipped_image_header(benchmark: BenchmarkFixture) -> None:
    _cpu(benchmark, lambda: image_size(REPO / "assets/sprites/units/layzner.png"))


def test_a_png_decompression_bomb(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 6, 0, 0, 0)
    path = tmp_path / "bomb.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 4096)))
    _cpu(benchmark, _refused(lambda: image_size(path), (ImageRefused,)))


def test_baseline_load_a_shipped_map(benchmark: BenchmarkFixture) -> None:
    _cpu(benchmark, lambda: load_map(REPO / "maps/sandstorm_decoy/map.tmx"))


@pytest.mark.skipif(sys.platform == "win32" or not Path("/dev/zero").exists(), reason="POSIX devices")
def test_dev_zero_as_a_map(benchmark: BenchmarkFixture) -> None:
    _cpu(benchmark, _refused(lambda: load_map(Path("/dev/zero")), (MapError,)))


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs as on POSIX")
def test_a_fifo_as_a_save(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "suspend.json")
    _cpu(benchmark, _refused(lambda: read_json(tmp_path / "suspend.json"), (SaveError,)))


def test_a_save_ending_in_a_huge_number(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    path = tmp_path / "slot1.json"
    path.write_text(
        json.dumps({"format": "blue-comet-tactics", "pad": ["x" * 60] * 50_000})[:-1] + ', "n": ' + "9" * 5000 + "}"
    )
    _cpu(benchmark, _refused(lambda: read_json(path), (SaveError,)))
