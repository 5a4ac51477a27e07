"""What every scene may use, built once by the composition root (`game.ui.app`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.audio import Audio
    from game.ui.display import Display
    from game.ui.flow import Navigator
    from game.ui.input.mapper import InputMapper
    from game.ui.model.catalog import ScenarioCatalog
    from game.ui.model.controllers import ControllerFactory
    from game.ui.model.session_store import SessionStore
    from game.ui.render.art import Art
    from game.ui.render.text import Fonts
    from game.ui.settings import Settings, SettingsStore


SHORT_KEY_NAMES = {"return": "Enter", "escape": "Esc", "left shift": "Shift", "right shift": "Shift", "space": "Space"}


def key_label(keys: list[str]) -> str:
    """How a hint names a key: "z" -> "Z", "left shift" -> "Shift"."""
    if not keys:
        return "?"
    name = keys[0]
    return SHORT_KEY_NAMES.get(name, name.upper() if len(name) <= 3 else name.title())


@dataclass
class Notice:
    text: str
    seconds: float = 4.0


@dataclass
class Services:
    settings: Settings
    settings_store: SettingsStore
    fonts: Fonts
    art: Art
    audio: Audio
    input: InputMapper
    catalog: ScenarioCatalog
    saves: SessionStore
    controllers: ControllerFactory
    display: Display | None = None
    navigator: Navigator | None = None  # plugged in by the composition root
    notices: list[Notice] = field(default_factory=list)
    clock: float = 0.0  # seconds since start, for idle animations

    @property
    def nav(self) -> Navigator:
        """Which screen comes next, and building it (see `game.ui.flow`)."""
        if self.navigator is None:
            raise RuntimeError("no navigator: build the services with game.ui.app.build_services")
        return self.navigator

    def notify(self, text: str, seconds: float = 4.0) -> None:
        self.notices.append(Notice(text, seconds))

    def keys(self, text: str) -> str:
        """Fill `{confirm}`, `{cancel}`... in a hint with the player's current keys."""
        from game.ui.input.actions import Action

        labels = {a.value: key_label(self.settings.keys_for(a)) for a in Action}
        return text.format(**labels)

    def save_settings(self) -> None:
        error = self.settings_store.save(self.settings)
        if error:
            self.notify(error, 6.0)
        self.input.rebind(self.settings.key_bindings)
        self.audio.set_volumes(self.settings.music_volume, self.settings.sfx_volume)
