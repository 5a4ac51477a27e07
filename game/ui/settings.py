"""Player settings, persisted as JSON in the user config directory.

A damaged or unreadable file never stops the game: the defaults are used and a message
says why. Writes are atomic (temporary file + rename) so a crash cannot leave half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from game.ui.input.actions import DEFAULT_KEY_BINDINGS, Action

APP_NAME = "blue-comet-tactics"
SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1

ANIMATION_MODES = ("full", "map", "off")
SPEEDS = ("slow", "normal", "fast")
DIFFICULTIES = ("easy", "normal", "hard")
REWIND_LIMITS = ("unlimited", "10", "3", "off")  # rewinds allowed per battle


def rewind_limit(setting: str) -> int | None:
    """How many rewinds a battle allows (None: no limit)."""
    if setting == "unlimited":
        return None
    return 0 if setting == "off" else int(setting)


@dataclass
class Settings:
    animation: str = "full"  # full battle scenes / map-only flashes / off
    unit_speed: str = "normal"
    text_speed: str = "normal"
    skip_enemy_animations: bool = False
    difficulty: str = "normal"  # how well the computer plays (never changes unit stats)
    rewind: str = "unlimited"  # one of REWIND_LIMITS
    music_volume: int = 70  # percent
    sfx_volume: int = 80
    window_scale: int = 2
    fullscreen: bool = False
    show_grid: bool = True
    key_bindings: dict[str, list[str]] = field(
        default_factory=lambda: {k: list(v) for k, v in DEFAULT_KEY_BINDINGS.items()}
    )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["version"] = SETTINGS_VERSION
        return data

    @classmethod
    def from_json(cls, data: Any) -> tuple[Settings, list[str]]:
        """Settings from parsed JSON plus a list of problems; bad fields fall back to defaults."""
        problems: list[str] = []
        out = cls()
        if not isinstance(data, dict):
            return out, [f"expected an object, got {type(data).__name__}"]
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            default = getattr(out, f.name)
            checked = _check_field(f.name, value, default)
            if checked is None:
                problems.append(f"{f.name}: {value!r} is not valid; using {default!r}")
            else:
                setattr(out, f.name, checked)
        return out, problems

    def keys_for(self, action: Action) -> list[str]:
        return list(self.key_bindings.get(action.value, DEFAULT_KEY_BINDINGS.get(action.value, [])))


def _check_field(name: str, value: Any, default: Any) -> Any:
    if name == "animation":
        return value if value in ANIMATION_MODES else None
    if name in ("unit_speed", "text_speed"):
        return value if value in SPEEDS else None
    if name == "difficulty":
        return value if value in DIFFICULTIES else None
    if name == "rewind":
        return value if value in REWIND_LIMITS else None
    if name in ("music_volume", "sfx_volume"):
        return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100 else None
    if name == "window_scale":
        return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 6 else None
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if name == "key_bindings":
        if not isinstance(value, dict):
            return None
        merged = {k: list(v) for k, v in DEFAULT_KEY_BINDINGS.items()}
        for action, keys in value.items():
            if action not in merged or not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
                return None
            merged[action] = list(keys)
        return merged
    return None


def default_config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME))


class SettingsStore:
    """Loads and saves `Settings` in one directory (the user config dir in the game)."""

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / SETTINGS_FILE

    def load(self) -> tuple[Settings, list[str]]:
        """The saved settings and messages about anything that was wrong with the file."""
        if not self.path.exists():
            return Settings(), []
        try:
            text = self.path.read_text(encoding="utf-8")
            data = json.loads(text)
        except (OSError, ValueError) as exc:  # bad UTF-8 or JSON, or a number past Python's digit limit
            return Settings(), [f"{self.path}: could not be read ({exc}); using the default settings"]
        settings, problems = Settings.from_json(data)
        return settings, [f"{self.path}: {p}" for p in problems]

    def save(self, settings: Settings) -> str | None:
        """Write atomically; returns an error message instead of raising (a full disk must not crash the game)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(settings.to_json(), fh, indent=2, sort_keys=True)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            return f"could not save settings to {self.path}: {exc}"
        return None
