"""Drawing a battle map from its Tiled file with the tileset images (pytmx's pygame loader)."""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from game.ui.render import theme


def render_tmx(path: str, size: tuple[int, int]) -> pygame.Surface | None:
    """The map's tile layers at 32 px per tile, or None if the file or its images cannot be used
    (the caller then draws the terrain itself)."""
    try:
        import pytmx
        from pytmx.util_pygame import load_pygame
    except ImportError:
        return None
    logging.getLogger("pytmx").setLevel(logging.CRITICAL)
    from game.assets.image_check import ImageRefused, image_size
    from game.maps import MapError, map_images

    try:
        for image in map_images(Path(path)):
            image_size(image)  # from the header: a decompression bomb would crash the decoder
    except (MapError, ImageRefused):
        return None
    try:
        tmx = load_pygame(path)
    except Exception:  # a broken map file or tileset image: fall back to drawn terrain
        return None
    width, height = size
    t = theme.TILE
    surface = pygame.Surface((width * t, height * t))
    surface.fill((0, 0, 0))
    drawn = False
    for layer in tmx.visible_layers:
        if not isinstance(layer, pytmx.TiledTileLayer):
            continue
        for x, y, image in layer.tiles():
            if image is None or x >= width or y >= height:
                continue
            tile = image if image.get_size() == (t, t) else pygame.transform.scale(image, (t, t))
            surface.blit(tile, (x * t, y * t))
            drawn = True
    return surface if drawn else None
