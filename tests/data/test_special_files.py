"""Only regular files of bounded size are read: devices, FIFOs and folders are refused at once,
symbolic links are refused without reading (so nothing of their target is ever echoed)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from game.data.safe_read import FileRefused, read_regular_file
from game.data.yaml_reader import read_yaml_file
from tests.data.conftest import Game

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="devices, FIFOs and symlinks as on POSIX")


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    data, problems = read_yaml_file(Path(device), device)
    assert data is None
    assert "not a regular file" in problems[0].message and problems[0].file == device


@posix_only
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "unit.yaml"
    os.mkfifo(fifo)
    data, problems = read_yaml_file(fifo, "unit.yaml")  # would block forever if opened for reading
    assert data is None and "named pipe" in problems[0].message


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match=r"folder|cannot read"):
        read_regular_file(tmp_path, 100)


def test_size_is_checked_before_reading(tmp_path: Path) -> None:
    f = tmp_path / "big.yaml"
    f.write_bytes(b"a: 1\n" * 100)
    with pytest.raises(FileRefused, match="at most 10 bytes"):
        read_regular_file(f, 10)
    assert read_regular_file(f, 500) == b"a: 1\n" * 100


@posix_only
def test_a_symlinked_data_file_is_refused_and_its_target_never_shown(game: Game, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:the-secret-line\nmore secrets\n")
    (game.root / "units/evil.yaml").symlink_to(secret)
    result = game.load(check_assets_exist=False)
    text = result.format_problems()
    assert "evil.yaml" in text and "symbolic link" in text
    assert "secret" not in text.replace(str(tmp_path), "")
    assert "layzner" in result.definitions.units  # the rest loads


@posix_only
def test_a_symlinked_mod_file_is_refused(game: Game, tmp_path: Path) -> None:
    mod = game.mod("evil", "id: evil\nname: Evil\nversion: 1.0.0\n")
    (mod / "units").mkdir(exist_ok=True)
    (mod / "units/passwd.yaml").symlink_to("/etc/passwd")
    result = game.load(mod.parent, check_assets_exist=False)
    text = result.format_problems()
    assert "passwd.yaml" in text and "symbolic link" in text and "root:" not in text


@posix_only
def test_the_validate_output_cache_never_reads_special_files(tmp_path: Path) -> None:
    """The fingerprint of `validate PATH` hashes the files under PATH: a FIFO would block it
    and a link to /dev/zero would never end; both count by kind and target instead."""
    from game.tools.output_cache import fingerprint

    mod = tmp_path / "mods" / "evil"
    (mod / "units").mkdir(parents=True)
    (mod / "mod.yaml").write_text("id: evil\nname: Evil\nversion: 1.0.0\n")
    os.mkfifo(mod / "units" / "pipe.yaml")
    (mod / "units" / "zero.yaml").symlink_to("/dev/zero")
    first = fingerprint("validate", [str(mod.parent)])
    assert first is not None
    (mod / "units" / "zero.yaml").unlink()
    (mod / "units" / "zero.yaml").symlink_to("/dev/urandom")
    assert fingerprint("validate", [str(mod.parent)]) not in (None, first)  # a new target is a change
