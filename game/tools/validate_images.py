"""`validate`'s image checks: every image in the asset folders (the game's and each mod's) and
every tileset image a checked map names is measured from its header against the limits the
window enforces (game.assets.image_check), so a decompression bomb fails `validate` instead
of crashing the game when it is drawn."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from game.assets.image_check import IMAGE_LIMITS, ImageRefused, image_size
from game.data.layout import display_name
from game.data.problems import Mark, Problem
from game.maps import MapError, map_images

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tga", ".webp")
CHECK = "asset"


def limits_line() -> str:
    lim = IMAGE_LIMITS
    return (
        f"Image limits: {lim.max_side} pixels either way, {lim.max_pixels:,} pixels in all, "
        f"{lim.max_bytes:,} bytes per file."
    )


def _problem(exc: ImageRefused, why: str, root: Path | None) -> Problem:
    shown = display_name(exc.path, root) if root is not None else exc.path.as_posix()
    return Problem.at(Mark(shown), "", exc.reason + why, check=CHECK)


def check_images(paths: Iterable[Path], why: str = "", *, root: Path | None = None) -> list[Problem]:
    """Problems for the images among `paths` that the window would refuse (named relative to
    the game folder `root` when inside it)."""
    problems = []
    seen: set[Path] = set()
    for path in paths:
        if path in seen:
            continue
        seen.add(path)
        try:
            image_size(path)
        except ImageRefused as exc:
            problems.append(_problem(exc, why, root))
    return problems


def asset_folder_images(asset_dirs: Sequence[Path]) -> list[Path]:
    """Every image file under the asset folders, generator sources left out."""
    out: list[Path] = []
    for root in asset_dirs:
        if not root.is_dir():
            continue
        out.extend(
            p
            for p in sorted(root.rglob("*"))
            if p.suffix.lower() in IMAGE_SUFFIXES and "src" not in p.relative_to(root).parts[:1] and not p.is_dir()
        )
    return out


def check_map_images(tmx_files: Iterable[Path], *, root: Path | None = None) -> list[Problem]:
    """The tileset images of each map (a map that cannot be read is reported by the map check)."""
    images: list[Path] = []
    for tmx in tmx_files:
        try:
            images.extend(map_images(tmx))
        except MapError:
            continue
    return check_images(images, " (a tileset image of a map)", root=root)
