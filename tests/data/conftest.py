"""Fixtures for the data layer: the shipped data, and throw-away game folders to break."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from game.data import LoadResult, load_game_data

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shipped() -> LoadResult:
    """The game's own data, without user mods and without the asset check."""
    return load_game_data(REPO, user_mods=False, check_assets_exist=False)


class Game:
    """A copy of the shipped `units/` in a temporary folder, to change and load."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(REPO / "units", root / "units")

    def path(self, rel: str) -> Path:
        return self.root / rel

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def mod(self, folder: str, manifest: str, files: dict[str, str] | None = None, base: str = "mods") -> Path:
        root = self.root / base / folder
        self.write(f"{base}/{folder}/mod.yaml", manifest)
        for rel, text in (files or {}).items():
            self.write(f"{base}/{folder}/{rel}", text)
        return root

    def load(self, *mod_dirs: Path, **kwargs: object) -> LoadResult:
        kwargs.setdefault("check_assets_exist", False)
        return load_game_data(self.root, list(mod_dirs), user_mods=False, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def game(tmp_path: Path) -> Game:
    return Game(tmp_path)


def messages(result: LoadResult, check: str | None = None) -> list[str]:
    return [str(p) for p in result.problems if check is None or p.check == check]


def only_errors(result: LoadResult) -> list[str]:
    return [str(p) for p in result.errors]


Loader = Callable[..., LoadResult]
