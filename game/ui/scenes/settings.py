"""Settings: animations, speeds, volumes, window, grid and key bindings (saved at once)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui.input.actions import DEFAULT_KEY_BINDINGS, REBINDABLE, Action, InputEvent, Kind
from game.ui.model.bindings import rebind
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Push, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.scenes.menu import run_menu
from game.ui.services import Services
from game.ui.settings import ANIMATION_MODES, DIFFICULTIES, REWIND_LIMITS, SPEEDS, Settings

ANIMATION_LABELS = {"full": "Full battle scenes", "map": "On the map only", "off": "Off"}


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    show: Callable[[Settings], str]
    step: Callable[[Settings, int], None] | None  # change by -1/+1
    help: str


def _cycle(values: tuple[str, ...], attr: str) -> Callable[[Settings, int], None]:
    def step(s: Settings, d: int) -> None:
        current = getattr(s, attr)
        i = values.index(current) if current in values else 0
        setattr(s, attr, values[(i + d) % len(values)])

    return step


def _number(attr: str, lo: int, hi: int, by: int) -> Callable[[Settings, int], None]:
    def step(s: Settings, d: int) -> None:
        setattr(s, attr, max(lo, min(hi, getattr(s, attr) + d * by)))

    return step


def _toggle(attr: str) -> Callable[[Settings, int], None]:
    def step(s: Settings, d: int) -> None:
        setattr(s, attr, not getattr(s, attr))

    return step


OPTIONS: tuple[Option, ...] = (
    Option(
        "animation",
        "Battle animations",
        lambda s: ANIMATION_LABELS[s.animation],
        _cycle(ANIMATION_MODES, "animation"),
        "Full: a battle scene for each exchange. Map: hits shown on the map. Off: results only.",
    ),
    Option(
        "skip_enemy",
        "Enemy phase animations",
        lambda s: "Skip" if s.skip_enemy_animations else "Show",
        _toggle("skip_enemy_animations"),
        "Skip the animations of the computer's turns (you still choose your reactions).",
    ),
    Option(
        "difficulty",
        "Enemy skill",
        lambda s: s.difficulty.capitalize(),
        _cycle(DIFFICULTIES, "difficulty"),
        "How cleverly the computer plays: targets, spirits and reactions. Unit stats never change.",
    ),
    Option(
        "rewind",
        "Rewinds per battle",
        lambda s: s.rewind.capitalize(),
        _cycle(REWIND_LIMITS, "rewind"),
        "Take back your own actions of the current phase, one at a time (R or the map menu).",
    ),
    Option(
        "unit_speed",
        "Unit speed",
        lambda s: s.unit_speed.capitalize(),
        _cycle(SPEEDS, "unit_speed"),
        "How fast units walk on the map. Hold Shift to fast-forward anything.",
    ),
    Option(
        "text_speed",
        "Text speed",
        lambda s: s.text_speed.capitalize(),
        _cycle(SPEEDS, "text_speed"),
        "How fast dialogue text appears.",
    ),
    Option(
        "music",
        "Music volume",
        lambda s: f"{s.music_volume}%",
        _number("music_volume", 0, 100, 10),
        "Left/right to change.",
    ),
    Option(
        "sfx",
        "Effects volume",
        lambda s: f"{s.sfx_volume}%",
        _number("sfx_volume", 0, 100, 10),
        "Left/right to change.",
    ),
    Option(
        "scale",
        "Window scale",
        lambda s: f"{s.window_scale}x",
        _number("window_scale", 1, 4, 1),
        "Window size as a multiple of 640x360.",
    ),
    Option(
        "fullscreen",
        "Fullscreen",
        lambda s: "On" if s.fullscreen else "Off",
        _toggle("fullscreen"),
        "Also F11 or Alt+Enter at any time.",
    ),
    Option(
        "grid",
        "Map grid",
        lambda s: "On" if s.show_grid else "Off",
        _toggle("show_grid"),
        "Draw grid lines on the battle map.",
    ),
    Option("controls", "Controls...", lambda s: "", None, "Change the keyboard keys for each action."),
    Option("back", "Back", lambda s: "", None, "Return (settings are saved as you change them)."),
)


class SettingsScene(Scene):
    def __init__(self, services: Services) -> None:
        self.services = services
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        self.menu = ListMenu(self._entries(), title="Settings", width=330, max_rows=12)

    def _entries(self) -> list[Entry]:
        s = self.services.settings
        return [Entry(o.label, o.key, detail=o.show(s), help=o.help) for o in OPTIONS]

    def _refresh(self) -> None:
        index = self.menu.index
        self.menu.entries = self._entries()
        self.menu.index = index

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def _change(self, option: Option, d: int) -> None:
        if option.step is None:
            return
        s = self.services.settings
        before_scale, before_full = s.window_scale, s.fullscreen
        option.step(s, d)
        display = self.services.display
        if display is not None:
            if s.fullscreen != before_full:
                display.toggle_fullscreen()
            elif s.window_scale != before_scale:
                display.set_scale(s.window_scale)
        self.services.save_settings()
        self.services.audio.sfx("cursor")
        self._refresh()

    def handle(self, ev: InputEvent) -> Transition | None:
        option = OPTIONS[self.menu.index]
        if ev.kind is Kind.PRESS and ev.action in (Action.LEFT, Action.RIGHT):
            self._change(option, -1 if ev.action is Action.LEFT else 1)
            return None
        return run_menu(
            self.menu, ev, self.services.audio, pick=self._picked, cancel=lambda: Pop(None), cancel_outside=False
        )

    def _picked(self, entry: Entry) -> Transition | None:
        option = OPTIONS[self.menu.index]
        if option.key == "back":
            return Pop(None)
        if option.key == "controls":
            return Push(KeyBindingsScene(self.services))
        self._change(option, 1)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        self.menu.draw(surface, self.services.fonts, (155, 40), show_help=True)
        self.services.fonts.draw(
            surface,
            self.services.keys("Up/down choose · Left/right or {confirm} change · {cancel} back"),
            (320, 340),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="center",
        )


class KeyBindingsScene(Scene):
    """Pick an action, then press the key to use for it (Escape while waiting cancels)."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        self.waiting: Action | None = None
        self.menu = ListMenu(self._entries(), title="Controls", width=330, max_rows=15)

    def _entries(self) -> list[Entry]:
        b = self.services.settings.key_bindings
        rows = [
            Entry(
                label,
                action,
                detail=" / ".join(b.get(action.value, [])),
                help=self.services.keys("{confirm}: press a new key for this action."),
            )
            for action, label in REBINDABLE
        ]
        rows.append(Entry("Reset to defaults", "reset", help="Restore the original keys."))
        rows.append(Entry("Back", "back"))
        return rows

    def _refresh(self) -> None:
        index = self.menu.index
        self.menu = ListMenu(self._entries(), title="Controls", width=330, max_rows=15, index=index)

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        services = self.services
        if self.waiting is not None:
            if ev.kind is Kind.PRESS and ev.key_name:
                if ev.key_name == "escape":
                    self.waiting = None
                    return None
                bindings, message = rebind(services.settings.key_bindings, self.waiting, ev.key_name)
                services.settings.key_bindings = bindings
                services.save_settings()
                services.notify(message)
                self.waiting = None
                self._refresh()
            return None
        return run_menu(
            self.menu, ev, services.audio, pick=self._picked, cancel=lambda: Pop(None), cancel_outside=False
        )

    def _picked(self, entry: Entry) -> Transition | None:
        services = self.services
        if entry.key == "back":
            return Pop(None)
        if entry.key == "reset":
            services.settings.key_bindings = {k: list(v) for k, v in DEFAULT_KEY_BINDINGS.items()}
            services.save_settings()
            services.notify("Keys reset to the defaults.")
            self._refresh()
            return None
        self.waiting = entry.key
        return None

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        self.menu.draw(surface, fonts, (155, 20), show_help=self.waiting is None)
        if self.waiting is not None:
            label = dict(REBINDABLE)[self.waiting]
            rect = pygame.Rect(170, 150, 300, 60)
            fonts.panel(surface, rect, edge=theme.ACCENT)
            fonts.draw(
                surface, f"Press a key for: {label}", (rect.centerx, rect.y + 12), align="center", colour=theme.ACCENT
            )
            fonts.draw(
                surface,
                "(Escape cancels)",
                (rect.centerx, rect.y + 34),
                size=Fonts.SMALL,
                align="center",
                colour=theme.TEXT_DIM,
            )
