"""The one cached asset library: sprites, portraits, effects, UI art, fonts, sounds and music.

The app creates one `AssetLibrary` with the mod asset folders first, then the game's own
`assets/`; a file in a mod's `assets/` replaces the shipped asset with the same id. Only this
package and `game.ui` import pygame.
"""

from game.assets.audio import Audio, SilentSound
from game.assets.errors import AssetError
from game.assets.font import BitmapFont
from game.assets.library import KINDS, AssetLibrary, NineSlice, Strip, game_assets
from game.assets.tint import outline, silhouette, tinted

__all__ = [
    "KINDS",
    "AssetError",
    "AssetLibrary",
    "Audio",
    "BitmapFont",
    "NineSlice",
    "SilentSound",
    "Strip",
    "game_assets",
    "outline",
    "silhouette",
    "tinted",
]
