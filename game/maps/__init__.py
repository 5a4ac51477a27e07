"""Battle maps from Tiled: `.tmx` files (with external `.tsx` tilesets) read through pytmx
without images into the engine's `Grid`, plus named spawn points and regions."""

from game.maps.errors import MapError
from game.maps.precheck import map_images
from game.maps.tmx import MapData, load_map

__all__ = ["MapData", "MapError", "load_map", "map_images"]
