"""The composition root and the main loop.

`run_app` builds everything once (settings, display, fonts, art, audio, input, scenario
catalog, save store, AI controllers) and hands it to the scenes as `Services`. `App.step`
runs one frame from given events and a time step, so tests drive the game with a fake
clock and injected input.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pygame

from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.render import theme
from game.ui.scene import Reset, Scene, SceneStack, Transition
from game.ui.services import Services

if TYPE_CHECKING:
    from game.saves import BattleRecord

FPS = 60
NOTICE_WIDTH = 440  # at most, in logical pixels
MAX_STEP = 0.1  # seconds: a long stall must not make animations jump ahead


class Clock(Protocol):
    def tick(self, framerate: int = 0) -> int: ...


class App:
    def __init__(self, services: Services, first: Scene) -> None:
        self.services = services
        self.stack = SceneStack()
        self.stack.apply(Reset(first))

    @property
    def running(self) -> bool:
        return not self.stack.quit and self.stack.top is not None

    def feed(self, events: list[InputEvent]) -> None:
        """Deliver abstract input to the top scene (tests inject input here)."""
        for ev in events:
            if not self.running:
                return
            if ev.kind is Kind.PRESS and ev.action is Action.FULLSCREEN:
                self.toggle_fullscreen()
                continue
            top = self.stack.top
            assert top is not None
            self.apply(top.handle(ev))

    def apply(self, transition: Transition | None) -> None:
        self.stack.apply(transition)

    def toggle_fullscreen(self) -> None:
        display = self.services.display
        if display is not None:
            display.toggle_fullscreen()
            self.services.settings.fullscreen = display.fullscreen
            self.services.save_settings()

    def step(self, dt: float, raw: list[pygame.event.Event] | None = None) -> None:
        """One frame: input, update, draw."""
        dt = min(dt, MAX_STEP)
        services = self.services
        services.clock += dt
        for ev in raw or []:
            if ev.type == pygame.QUIT:
                self.stack.quit = True
                return
            if ev.type == pygame.VIDEORESIZE and services.display is not None:
                services.display.resized((ev.w, ev.h))
        self.feed(services.input.translate(raw or []))
        self.feed(services.input.update(dt))
        if not self.running:
            return
        top = self.stack.top
        assert top is not None
        self.apply(top.update(dt))
        for notice in services.notices:
            notice.seconds -= dt
        services.notices[:] = [n for n in services.notices if n.seconds > 0]

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        for scene in self.stack.visible():
            scene.draw(surface)
        self._draw_notices(surface)

    def notice_layout(self, size: tuple[int, int]) -> list[tuple[pygame.Rect, list[str]]]:
        """Where the newest notices go: stacked at the top centre, or the first place below it
        that leaves every scene's `keep_clear` area free (else the one that covers least)."""
        fonts = self.services.fonts
        lh = fonts.line_height(fonts.SMALL)
        blocks = []
        for notice in self.services.notices[-3:]:
            lines = fonts.wrap(notice.text, NOTICE_WIDTH - 16, fonts.SMALL)
            w = max(fonts.width(line, fonts.SMALL) for line in lines) + 16 if lines else 16
            blocks.append((w, len(lines) * lh + 8, lines))
        if not blocks:
            return []
        total = sum(h + 2 for _, h, _ in blocks)
        clear = [r for scene in self.stack.visible() for r in scene.keep_clear()]
        tops = [4, *sorted(r.bottom + 2 for r in clear), size[1] - total - 20]
        width = max(w for w, _, _ in blocks)
        column = pygame.Rect((size[0] - width) // 2, 0, width, total)

        def covered(top: int) -> int:
            placed = column.move(0, top)
            return sum(placed.clip(r).width * placed.clip(r).height for r in clear)

        y = min((t for t in tops if t >= 0 and t + total <= size[1]), key=covered, default=4)
        out = []
        for w, h, lines in blocks:
            out.append((pygame.Rect((size[0] - w) // 2, y, w, h), lines))
            y += h + 2
        return out

    def _draw_notices(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        lh = fonts.line_height(fonts.SMALL)
        for rect, lines in self.notice_layout(surface.get_size()):
            fonts.panel(surface, rect, edge=theme.ACCENT)
            for i, line in enumerate(lines):
                fonts.draw(surface, line, (rect.x + 8, rect.y + 4 + i * lh), size=fonts.SMALL)

    def run(self, clock: Clock) -> int:
        display = self.services.display
        assert display is not None
        while self.running:
            dt = clock.tick(FPS) / 1000.0
            self.step(dt, pygame.event.get())
            if not self.running:
                break
            self.draw(display.logical)
            display.present()
        return 0


def build_services(
    args: argparse.Namespace | None, *, config_dir: Path | None = None, headless: bool = False
) -> Services:
    """Everything the scenes share. `headless` skips the window (tests draw to a surface)."""
    from game.saves.slots import default_save_dir
    from game.ui.audio import Audio
    from game.ui.display import Display
    from game.ui.input.mapper import InputMapper
    from game.ui.model.session_store import SlotSessionStore
    from game.ui.scenes.navigation import SceneNavigator
    from game.ui.settings import SettingsStore, default_config_dir
    from game.ui.wiring import art_and_fonts, asset_library, controller_factory, game_content

    directory = config_dir or default_config_dir()
    store = SettingsStore(directory)
    settings, problems = store.load()
    display = None
    if not headless:
        windowed = bool(getattr(args, "windowed", False))
        display = Display(settings.window_scale, settings.fullscreen and not windowed)
    mods = [Path(m) for m in getattr(args, "mods", []) or []]
    game_dir: Path | None = getattr(args, "game_dir", None)
    content = game_content(mods, game_dir, user_mods=not bool(getattr(args, "no_user_mods", False)))
    catalog, catalog_problems = content.catalog, content.messages
    library = asset_library(content.mod_dirs, game_dir)  # the loaded mods' art, user folder included
    art, fonts = art_and_fonts(library)
    audio = Audio(library, settings.music_volume, settings.sfx_volume)
    mapper = InputMapper(settings.key_bindings, display.to_logical if display is not None else (lambda p: p))
    services = Services(
        settings=settings,
        settings_store=store,
        fonts=fonts,
        art=art,
        audio=audio,
        input=mapper,
        catalog=catalog,
        saves=SlotSessionStore(directory / "saves" if config_dir else default_save_dir()),
        controllers=controller_factory(lambda: settings.difficulty),
        display=display,
    )
    services.navigator = SceneNavigator(services)
    for p in [*problems, *catalog_problems]:
        services.notify(p, 8.0)
    return services


def run_app(args: argparse.Namespace) -> int:
    from game.ui.scenes.title import TitleScene

    os.environ.setdefault("SDL_HINT_VIDEO_HIGHDPI_DISABLED", "1")
    pygame.init()
    try:
        services = build_services(args)
        try:
            services.input.open_controllers()
        except pygame.error:
            services.notify("Gamepads are not available on this system.")
        app = App(services, TitleScene(services))
        return app.run(pygame.time.Clock())
    finally:
        pygame.quit()


def run_replay(args: argparse.Namespace, record: BattleRecord) -> int:
    """`run_game.py replay FILE`: watch `record` in the window (1 with a message if it cannot be played)."""
    import sys

    from game.saves import ReplayError
    from game.ui.scene import Quit
    from game.ui.scenes.replay import open_replay

    os.environ.setdefault("SDL_HINT_VIDEO_HIGHDPI_DISABLED", "1")
    pygame.init()
    try:
        services = build_services(args)
        try:
            scene = open_replay(services, record, force=bool(getattr(args, "force", False)), leave=Quit)
        except ReplayError as exc:
            print(f"replay: {getattr(args, 'file', 'the file')}: cannot play: {exc}", file=sys.stderr)
            return 1
        return App(services, scene).run(pygame.time.Clock())
    finally:
        pygame.quit()
