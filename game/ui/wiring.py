"""Which implementations the composition root plugs in: the packages built alongside the
window (scenario loader, AI, asset library) when they are installed, the built-in
fallbacks otherwise. Only `game.ui.app` calls these."""

from __future__ import annotations

from pathlib import Path

from game.ui.model.catalog import ScenarioCatalog
from game.ui.model.controllers import ControllerFactory, greedy_factory
from game.ui.render.art import Art, DrawnArt


def scenario_catalog(mods: list[Path]) -> tuple[ScenarioCatalog, list[str]]:
    from game.ui.model.training import training_catalog

    return training_catalog(), []


def controller_factory() -> ControllerFactory:
    return greedy_factory


def art_and_sounds(mods: list[Path]):  # type: ignore[no-untyped-def]
    """(art, sound loader, music locator, font loader or None)."""
    art: Art = DrawnArt()
    return art, (lambda name: None), (lambda name: None), None
