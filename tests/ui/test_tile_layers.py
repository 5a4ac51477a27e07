"""The map overlays kept as layers look exactly like the tiles drawn one by one, and a
layer is drawn again only when the tiles it shows change."""

from __future__ import annotations

import random

import pygame
import pytest

from game.ui.render import theme
from game.ui.scenes.battle.view import TileLayers, draw_danger, draw_tiles

SIZE = (640, 360)


def background(seed: int) -> pygame.Surface:
    """A busy opaque picture (like terrain), so that any blending difference shows."""
    rng = random.Random(seed)
    surface = pygame.Surface(SIZE)
    for _ in range(300):
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        pygame.draw.rect(
            surface, colour, (rng.randrange(640), rng.randrange(360), rng.randrange(1, 80), rng.randrange(1, 80))
        )
    return surface


def shapes() -> list[set[tuple[int, int]]]:
    rng = random.Random(7)
    blob = {(x, y) for x in range(3, 15) for y in range(2, 9) if (x * 3 + y * 5) % 7}
    ring = {(x, y) for x in range(0, 22) for y in range(0, 12) if 3 <= abs(x - 10) + abs(y - 6) <= 5}
    scatter = {(rng.randrange(-2, 24), rng.randrange(-2, 14)) for _ in range(60)}
    return [{(5, 5)}, blob, ring, scatter, {(0, 0), (21, 11)}]


@pytest.mark.parametrize("offset", [(0, 0), (37, 19), (-20, -45), (300, 100)])
def test_layers_are_pixel_for_pixel_the_tiles_drawn_one_by_one(offset: tuple[int, int]) -> None:
    for i, tiles in enumerate(shapes()):
        layers = TileLayers()
        one_by_one, layered = background(i), background(i)
        draw_danger(one_by_one, tiles, offset)
        layers.danger(layered, tiles, offset)
        assert pygame.image.tobytes(layered, "RGB") == pygame.image.tobytes(one_by_one, "RGB"), (i, offset)
        for colour, alpha in ((theme.MOVE_TILE, 110), (theme.ATTACK_TILE, 55), (theme.SUPPORT_TILE, 200)):
            one_by_one, layered = background(i), background(i)
            draw_tiles(one_by_one, tiles, colour, offset, alpha)
            layers.tiles(layered, tiles, colour, offset, alpha)
            assert pygame.image.tobytes(layered, "RGB") == pygame.image.tobytes(one_by_one, "RGB"), (i, alpha)


def test_a_layer_is_drawn_again_only_when_its_tiles_change(monkeypatch: pytest.MonkeyPatch) -> None:
    layers = TileLayers(keep=2)
    built: list[int] = []
    real = TileLayers._layer

    def counting(self: TileLayers, tiles: set[tuple[int, int]], paint: object) -> object:
        built.append(len(tiles))
        return real(self, tiles, paint)  # type: ignore[arg-type]

    monkeypatch.setattr(TileLayers, "_layer", counting)
    surface = pygame.Surface(SIZE)
    zone = {(x, 3) for x in range(10)}
    for _ in range(5):
        layers.danger(surface, zone, (0, 0))
        layers.danger(surface, zone, (32, 0))  # scrolling reuses the layer
    assert built == [10]
    zone.add((0, 4))  # the same set changed in place: a new layer
    layers.danger(surface, zone, (0, 0))
    layers.tiles(surface, {(1, 1)}, theme.MOVE_TILE, (0, 0))
    assert built == [10, 11, 1]
    layers.tiles(surface, {(2, 2)}, theme.MOVE_TILE, (0, 0))  # keep=2: the oldest layer goes
    layers.danger(surface, zone, (0, 0))
    assert built == [10, 11, 1, 1, 11]
    layers.danger(surface, set(), (0, 0))  # nothing to show: nothing built
    assert built == [10, 11, 1, 1, 11]
