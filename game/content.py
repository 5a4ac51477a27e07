"""Where the game's shipped content is: one folder holding `units/`, `maps/`, `assets/`
and `mods/` side by side.

In the repository (and an editable install) that folder is the checkout itself. An installed
wheel cannot put folders beside the `game` package, so the build maps them into the package
as `game/_content/` (see `[tool.setuptools.package-dir]` in pyproject.toml); it is found
through `importlib.resources`. User mods, settings and saves never live here: they are in
the platformdirs folders of the user.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGED = "_content"
# Folders of the shipped content; every one must exist under the root.
FOLDERS = ("units", "maps", "assets", "mods")


def content_root() -> Path:
    """The folder holding the shipped `units/`, `maps/`, `assets/` and `mods/`."""
    package = Path(str(resources.files("game")))
    packaged = package / PACKAGED
    if (packaged / "units").is_dir():
        return packaged
    return package.parent
