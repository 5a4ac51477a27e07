"""`AssetLibrary`: finds assets by kind and id along the search roots, loads lazily, caches."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pygame

from game.assets.audio import Audio, SilentSound
from game.assets.errors import AssetError
from game.assets.font import BitmapFont
from game.assets.image_check import IMAGE_LIMITS, image_size
from game.assets.tint import outline, silhouette
from game.content import content_root


def game_assets() -> Path:
    """The game's own `assets/` folder (in the checkout or the installed package)."""
    return content_root() / "assets"


# kind -> (folder under an assets root, file extensions in order of preference)
KINDS: Mapping[str, tuple[str, tuple[str, ...]]] = MappingProxyType(
    {
        "unit": ("sprites/units", (".png",)),
        "battle": ("sprites/battle", (".png",)),
        "portrait": ("portraits", (".png",)),
        "effect": ("effects", (".png",)),
        "ui": ("ui", (".png",)),
        "font": ("fonts", (".json",)),
        "sound": ("sounds", (".wav", ".ogg")),
        "music": ("music", (".ogg", ".wav")),
        "tile": ("tiles", (".png",)),
    }
)
_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")


@dataclass(frozen=True)
class Strip:
    """An animation: equal frames cut from a horizontal strip, left to right."""

    frames: tuple[pygame.Surface, ...]
    path: Path

    @property
    def size(self) -> tuple[int, int]:
        return self.frames[0].get_size()

    def __len__(self) -> int:
        return len(self.frames)

    def __getitem__(self, index: int) -> pygame.Surface:
        return self.frames[index]

    def frame(self, tick: int) -> pygame.Surface:
        """The frame for an ever-increasing animation tick (wraps around)."""
        return self.frames[tick % len(self.frames)]


@dataclass(frozen=True)
class NineSlice:
    """A window frame: corners stay put, edges and the middle stretch to any size."""

    image: pygame.Surface
    border: int

    def render(self, size: tuple[int, int]) -> pygame.Surface:
        w, h = max(size[0], 2 * self.border), max(size[1], 2 * self.border)
        out = pygame.Surface((w, h), pygame.SRCALPHA)
        self.draw(out, out.get_rect())
        return out

    def draw(self, target: pygame.Surface, rect: pygame.Rect) -> None:
        b = self.border
        iw, ih = self.image.get_size()
        src_x = (0, b, iw - b, iw)
        src_y = (0, b, ih - b, ih)
        dst_x = (rect.left, rect.left + b, rect.right - b, rect.right)
        dst_y = (rect.top, rect.top + b, rect.bottom - b, rect.bottom)
        for row in range(3):
            for col in range(3):
                src = pygame.Rect(src_x[col], src_y[row], src_x[col + 1] - src_x[col], src_y[row + 1] - src_y[row])
                dst = pygame.Rect(dst_x[col], dst_y[row], dst_x[col + 1] - dst_x[col], dst_y[row + 1] - dst_y[row])
                if src.w <= 0 or src.h <= 0 or dst.w <= 0 or dst.h <= 0:
                    continue
                piece = self.image.subsurface(src)
                if dst.size != src.size:
                    piece = pygame.transform.scale(piece, dst.size)
                target.blit(piece, dst)


class _Image:
    """A loaded surface, converted for the display as soon as a display exists."""

    __slots__ = ("converted", "surface")

    def __init__(self, surface: pygame.Surface) -> None:
        self.surface = surface
        self.converted = False

    def get(self) -> pygame.Surface:
        if not self.converted and pygame.display.get_init() and pygame.display.get_surface() is not None:
            self.surface = self.surface.convert_alpha()
            self.converted = True
        return self.surface


class AssetLibrary:
    """Every image, font, sound and track of the game, looked up by kind and id.

    `roots` are searched in order: put mod asset folders first and the game's `assets/` last
    (`AssetLibrary.for_mods` does this). Nothing is read until it is asked for.
    """

    def __init__(self, roots: Sequence[Path] | None = None, *, audio: Audio | None = None) -> None:
        if roots is None:
            roots = (game_assets(),)
        if not roots:
            raise AssetError("an asset library needs at least one assets folder")
        self.roots: tuple[Path, ...] = tuple(Path(r) for r in roots)
        self.audio = audio if audio is not None else Audio()
        self._images: dict[Path, _Image] = {}
        self._strips: dict[tuple[str, str], Strip] = {}
        self._derived: dict[tuple[Any, ...], Strip] = {}
        self._fonts: dict[str, BitmapFont] = {}
        self._sounds: dict[str, pygame.mixer.Sound | SilentSound] = {}
        self._json: dict[str, dict[str, Any]] = {}

    @classmethod
    def for_mods(
        cls, mod_dirs: Iterable[Path], *, audio: Audio | None = None, base: Path | None = None
    ) -> AssetLibrary:
        """Mod folders (each may hold an `assets/` folder), later mods overriding earlier ones."""
        mod_roots = [Path(m) / "assets" for m in mod_dirs]
        return cls([*reversed(mod_roots), base or game_assets()], audio=audio)

    # --- finding -------------------------------------------------------------------
    def candidates(self, kind: str, asset_id: str) -> list[Path]:
        """Every path where `kind`/`asset_id` may be, in search order."""
        if kind not in KINDS:
            raise AssetError(f"unknown asset kind {kind!r} (known: {', '.join(KINDS)})")
        if not _ID.match(asset_id) or ".." in asset_id:
            raise AssetError(f"invalid {kind} asset id {asset_id!r}: use letters, digits, '_', '-' and '.'")
        folder, exts = KINDS[kind]
        return [root / folder / f"{asset_id}{ext}" for root in self.roots for ext in exts]

    def find(self, kind: str, asset_id: str) -> Path:
        paths = self.candidates(kind, asset_id)
        for path in paths:
            if path.is_file():
                return path
        raise AssetError(f"missing {kind} asset {asset_id!r}; looked for: {', '.join(str(p) for p in paths)}")

    def exists(self, kind: str, asset_id: str) -> bool:
        try:
            self.find(kind, asset_id)
        except AssetError:
            return False
        return True

    def ids(self, kind: str) -> list[str]:
        """Every id of a kind found in any root (mods may add new ones)."""
        folder, exts = KINDS[kind]
        found = {
            p.stem
            for root in self.roots
            if (root / folder).is_dir()
            for p in (root / folder).iterdir()
            if p.suffix in exts and p.is_file()
        }
        return sorted(found)

    # --- images --------------------------------------------------------------------
    def _load_image(self, path: Path) -> pygame.Surface:
        cached = self._images.get(path)
        if cached is None:
            size = image_size(path)  # from the header: a decompression bomb is never decoded
            try:
                surface = pygame.image.load(str(path))
            except (pygame.error, FileNotFoundError, ValueError) as exc:
                raise AssetError(f"cannot read image {path}: {exc}") from exc
            if surface.get_size() != size:
                raise AssetError(f"image {path} decodes to {surface.get_size()}, not the {size} its header says")
            cached = _Image(surface)
            self._images[path] = cached
        return cached.get()

    def image(self, kind: str, asset_id: str) -> pygame.Surface:
        return self._load_image(self.find(kind, asset_id))

    def ui(self, asset_id: str) -> pygame.Surface:
        return self.image("ui", asset_id)

    def _strip(self, kind: str, asset_id: str, frame_size: tuple[int, int] | None = None) -> Strip:
        key = (kind, asset_id)
        strip = self._strips.get(key)
        if strip is not None:
            return strip
        path = self.find(kind, asset_id)
        sheet = self._load_image(path)
        sw, sh = sheet.get_size()
        fw, fh = frame_size or (sh, sh)  # square frames unless told otherwise
        if fw <= 0 or fh <= 0 or sw % fw or sh < fh:
            raise AssetError(f"{path}: a {sw}x{sh} sheet cannot be cut into {fw}x{fh} frames")
        frames = tuple(sheet.subsurface(pygame.Rect(x, 0, fw, fh)) for x in range(0, sw, fw))
        strip = Strip(frames, path)
        self._strips[key] = strip
        return strip

    def unit_sprite(self, unit_id: str) -> Strip:
        """Map sprite: square frames (32x32 shipped), idle animation, facing right."""
        return self._strip("unit", unit_id)

    def battle_sprite(self, unit_id: str) -> Strip:
        """Battle sprite frames: idle, idle_alt, attack_ready, attack (facing right)."""
        return self._strip("battle", unit_id)

    def battle_anchor(self, unit_id: str, name: str = "muzzle") -> tuple[int, int]:
        """A named point of the battle sprite's attack frame (`muzzle`: where shots start).

        From `sprites/battle/anchors.json`; a unit without an entry (e.g. a mod's new sprite)
        gets a point at the front of the frame, at mid height.
        """
        entry = self._merged_json("sprites/battle", "anchors.json").get(unit_id, {})
        point = entry.get(name) if isinstance(entry, dict) else None
        if isinstance(point, list) and len(point) == 2 and all(isinstance(v, int) for v in point):
            return (point[0], point[1])
        w, h = self.battle_sprite(unit_id).size
        return (w * 7 // 8, h // 2)

    def portrait(self, portrait_id: str) -> Strip:
        """Portrait frames: neutral, speaking, angry, hurt (a mod may ship only the first two)."""
        return self._strip("portrait", portrait_id)

    def effect(self, effect_id: str) -> Strip:
        table = self._merged_json("effects", "frames.json")
        entry = table.get(effect_id)
        size = entry.get("frame") if isinstance(entry, dict) else None
        return self._strip("effect", effect_id, _frame_size(size, f"effects/frames.json: {effect_id}.frame"))

    def ui_strip(self, asset_id: str) -> Strip:
        frames = self._merged_json("ui", "ui.json").get("frames", {})
        entry = frames.get(asset_id) if isinstance(frames, dict) else None
        return self._strip("ui", asset_id, _frame_size(entry, f"ui/ui.json: frames.{asset_id}"))

    def nine_slice(self, asset_id: str) -> NineSlice:
        borders = self._merged_json("ui", "ui.json").get("nine_slice", {})
        image = self.ui(asset_id)
        border = borders.get(asset_id) if isinstance(borders, dict) else None
        if border is None:
            border = min(image.get_size()) // 3
        if type(border) is not int or not 0 <= border <= min(image.get_size()) // 2:
            raise AssetError(f"ui/ui.json: nine_slice.{asset_id} must be a whole number of pixels, got {border!r:.40}")
        return NineSlice(image, border)

    def side_color(self, side: str) -> pygame.Color:
        colors = self._merged_json("ui", "ui.json").get("side_colors", {})
        value = colors.get(side, "#c0c0c0") if isinstance(colors, dict) else "#c0c0c0"
        try:
            return pygame.Color(value)
        except (ValueError, TypeError):
            raise AssetError(f"ui/ui.json: side_colors.{side} is not a colour, got {value!r:.40}") from None

    # --- side tinting ----------------------------------------------------------------
    def unit_silhouette(self, unit_id: str, color: pygame.typing.ColorLike = (255, 255, 255)) -> Strip:
        """The map sprite's frames as flat silhouettes in one colour (white by default)."""
        rgba = tuple(pygame.Color(color))
        key = ("silhouette", unit_id, rgba)
        if key not in self._derived:
            base = self.unit_sprite(unit_id)
            self._derived[key] = Strip(tuple(silhouette(f, rgba) for f in base.frames), base.path)
        return self._derived[key]

    def unit_outline(self, unit_id: str, color: pygame.typing.ColorLike, thickness: int = 1) -> Strip:
        """Side-coloured rings around each map frame; draw at the sprite's position - thickness."""
        rgba = tuple(pygame.Color(color))
        key = ("outline", unit_id, rgba, thickness)
        if key not in self._derived:
            base = self.unit_sprite(unit_id)
            self._derived[key] = Strip(tuple(outline(f, rgba, thickness) for f in base.frames), base.path)
        return self._derived[key]

    # --- fonts ---------------------------------------------------------------------
    def font(self, font_id: str = "small") -> BitmapFont:
        cached = self._fonts.get(font_id)
        if cached is None:
            meta_path = self.find("font", font_id)
            png = meta_path.with_suffix(".png")
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:  # ValueError: bad JSON, or a number past Python's limit
                raise AssetError(f"font {font_id}: cannot read {meta_path}: {exc}") from exc
            if not isinstance(meta, dict):
                raise AssetError(f"font {font_id}: {meta_path} must hold a JSON object")
            cached = BitmapFont.load(png, meta, font_id)
            self._fonts[font_id] = cached
        return cached

    # --- audio ---------------------------------------------------------------------
    def sound(self, sound_id: str) -> pygame.mixer.Sound | SilentSound:
        """A sound to `.play()`; silent (never an exception) without a working mixer."""
        cached = self._sounds.get(sound_id)
        if cached is None:
            cached = self.audio.load_sound(self.find("sound", sound_id))
            self._sounds[sound_id] = cached
        return cached

    def play_sound(self, sound_id: str, volume: float = 1.0) -> None:
        self.audio.play(self.sound(sound_id), volume)

    def play_music(self, track_id: str, loop: bool = True, fade_ms: int = 0) -> None:
        self.audio.play_music(self.find("music", track_id), loop=loop, fade_ms=fade_ms)

    def stop_music(self, fade_ms: int = 0) -> None:
        self.audio.stop_music(fade_ms)

    # --- metadata ------------------------------------------------------------------
    def _merged_json(self, folder: str, name: str) -> dict[str, Any]:
        """A metadata file merged across roots, earlier roots (mods) winning key by key."""
        key = f"{folder}/{name}"
        if key not in self._json:
            merged: dict[str, Any] = {}
            for root in reversed(self.roots):
                path = root / folder / name
                if not path.is_file():
                    continue
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, ValueError) as exc:  # ValueError: bad JSON, or a number past Python's limit
                    raise AssetError(f"cannot read {path}: {exc}") from exc
                if not isinstance(data, dict):
                    raise AssetError(f"{path} must hold a JSON object")
                for k, v in data.items():
                    if isinstance(v, dict) and isinstance(merged.get(k), dict):
                        merged[k] = {**merged[k], **v}
                    else:
                        merged[k] = v
            self._json[key] = merged
        return self._json[key]

    def clear(self) -> None:
        """Forget everything loaded (e.g. after mods change)."""
        self._images.clear()
        self._strips.clear()
        self._derived.clear()
        self._fonts.clear()
        self._sounds.clear()
        self._json.clear()


def _frame_size(value: object, where: str) -> tuple[int, int] | None:
    """A metadata file's [width, height] of animation frames, checked (a mod's file may hold anything)."""
    if value is None:
        return None
    if (
        isinstance(value, list)
        and len(value) >= 2  # ui.json adds the frame count
        and all(type(v) is int and 1 <= v <= IMAGE_LIMITS.max_side for v in value[:2])
    ):
        return (value[0], value[1])
    raise AssetError(f"{where} must start with [width, height] in pixels, got {value!r:.40}")
