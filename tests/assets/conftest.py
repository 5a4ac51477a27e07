"""Headless pygame for asset tests: dummy video and audio drivers."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.assets import game_assets

ASSETS = game_assets()

UNIT_IDS = [
    "layzner",
    "layzner_mk2",
    "baybull",
    "buldy",
    "doll",
    "doll_repair",
    "doll_supply",
    "dtol",
    "braver",
    "solomco",
    "dimarge",
    "gunstaid",
    "terminator_police",
    "greimkaiser",
    "bloodykaiser",
    "bullgrenn",
    "zakarl",
    "zakarl_red_power",
    "daljuan",
    "gashlan",
    "el_darr",
    "dankova",
    "mars_base",
    "buggy",
    "astrohawk",
    "soviet_jet",
    "us_jet",
    "hovercraft",
    "limousine",
    "cusco_shrine",
    "civilian",
]
PORTRAIT_IDS = [
    "eiji",
    "anna",
    "david",
    "simone",
    "roan",
    "arthur",
    "gale",
    "julia",
    "gosterro",
    "le_cain",
    "karla",
    "derro",
    "giulla",
    "gusten",
    "roberia",
    "mangello",
    "bone",
    "getty",
    "elizabeth",
    "bill",
    "danny",
    "rei",
    "grados_soldier",
    "grados_elite",
    "resistance_fighter",
    "soviet_pilot",
    "us_pilot",
    "terminator_ai",
]


# Named characters from LORE.md beyond the brief's list, for dialogue.
EXTRA_PORTRAIT_IDS = ["gresco", "zuhl", "nizon", "gilbert", "juno", "matthew"]


@pytest.fixture(scope="session", autouse=True)
def _pygame() -> Iterator[None]:
    pygame.init()
    yield
    pygame.quit()


@pytest.fixture
def assets_dir() -> Path:
    return ASSETS
