"""The installed game is the same game as the checkout: every package and every shipped
file of units/, maps/, assets/ and mods/ goes into the wheel (pyproject.toml lists them)."""

from __future__ import annotations

import fnmatch
import importlib.resources
import tomllib
from pathlib import Path

import pytest

from game.content import FOLDERS, PACKAGED, content_root

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
# Not needed to play: the scripts that made the art and maps (kept in the repository).
NOT_SHIPPED = ("assets/src/", "maps/src/")


def test_every_package_of_game_is_listed() -> None:
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "game").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    listed = {p for p in SETUPTOOLS["packages"] if not p.startswith(f"game.{PACKAGED}.")}
    assert found == listed, f"add to (or remove from) [tool.setuptools] packages: {found ^ listed}"


def test_every_content_folder_is_mapped_into_the_package() -> None:
    mapping = SETUPTOOLS["package-dir"]
    assert {mapping[f"game.{PACKAGED}.{folder}"] for folder in FOLDERS} == set(FOLDERS)


def _packaged(folder: str, relative: str) -> bool:
    patterns = SETUPTOOLS["package-data"][f"game.{PACKAGED}.{folder}"]
    # setuptools globs: "*" stays inside one folder, "**" crosses folders.
    return any(
        fnmatch.fnmatch(relative, p.replace("**/", "")) if p.startswith("**/") else _one_level(relative, p)
        for p in patterns
    )


def _one_level(relative: str, pattern: str) -> bool:
    return relative.count("/") == pattern.count("/") and fnmatch.fnmatch(relative, pattern)


def test_every_shipped_file_goes_into_the_wheel() -> None:
    left_out = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            relative = path.relative_to(ROOT).as_posix()
            if not path.is_file() or "__pycache__" in path.parts or relative.startswith(NOT_SHIPPED):
                continue
            if not _packaged(folder, path.relative_to(ROOT / folder).as_posix()):
                left_out.append(relative)
    assert left_out == [], "not matched by [tool.setuptools.package-data]: " + ", ".join(left_out)


def test_the_checkout_is_the_content_root_of_an_editable_install() -> None:
    assert content_root() == ROOT
    assert all((content_root() / folder).is_dir() for folder in FOLDERS)


def test_an_installed_package_finds_its_content_inside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "site-packages" / "game"
    (fake / PACKAGED / "units").mkdir(parents=True)
    monkeypatch.setattr(importlib.resources, "files", lambda name: fake)
    assert content_root() == fake / PACKAGED


def test_a_file_type_the_wheel_does_not_carry_is_caught() -> None:
    assert _packaged("assets", "sprites/units/layzner.png")
    assert not _packaged("assets", "sprites/units/layzner.webp")
    assert not _packaged("maps", "blue_comet_falls/notes/extra.tmx")  # a folder deeper than the globs
