from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


@pytest.fixture(autouse=True)
def _pygame() -> Iterator[None]:
    pygame.init()
    pygame.display.set_mode((640, 360))
    yield
    pygame.quit()


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    return tmp_path / "config"
