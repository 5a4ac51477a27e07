"""The replay viewer: a recorded battle played back on the battle map, with the battle
scenes and dialogue, one recorded command at a time.

Confirm pauses and resumes; Right steps one command while paused; the fast-forward key held,
or E to toggle, plays four times as fast; Cancel or the pause key stops watching. If a
command no longer fits the rules (a replay from other game data forced through), playback
stops there and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.core import Command
from game.saves import BattleRecord, ReplayError, describe
from game.saves.replays import data_mismatch, scenario_for
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.session import BattleSession
from game.ui.render import theme
from game.ui.render.text import Fonts
from game.ui.scene import Push, Scene, Transition
from game.ui.scenes.battle import hud
from game.ui.scenes.battle.cursor import objectives
from game.ui.scenes.battle.mode import STAY, After, Go, Mode, show
from game.ui.scenes.battle.scene import FAST_FORWARD, BattleScene
from game.ui.scenes.launch import scenario_loader
from game.ui.scenes.menu import ConfirmScene
from game.ui.services import Services

STEP_PAUSE = 0.25  # seconds between commands, so moves and waits can be followed
STOP_QUESTION = "Stop watching this replay?"


class StopKeyThrough(Scene):
    """A battle scene or dialogue shown during a replay: the replay's stop key still works."""

    def __init__(self, inner: Scene, stop: Callable[[], Transition | None]) -> None:
        self.inner = inner
        self.stop = stop
        self.opaque = inner.opaque

    def handle(self, ev: InputEvent) -> Transition | None:
        if ev.kind is Kind.PRESS and ev.action in (Action.CANCEL, Action.MENU):
            return self.stop()
        return self.inner.handle(ev)

    def update(self, dt: float) -> Transition | None:
        return self.inner.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.inner.draw(surface)

    def on_enter(self) -> None:
        self.inner.on_enter()


class WatchingMode(Mode):
    """The replay's only mode: the recorded commands play; the player never takes over."""

    player_input = False


class ReplayScene(BattleScene):
    def __init__(
        self,
        services: Services,
        session: BattleSession,
        commands: Sequence[Command],
        *,
        leave: Callable[[], Transition | None],
    ) -> None:
        super().__init__(services, session)
        self.commands = list(commands)
        self.leave = leave  # where "stop watching" goes (the title, or closing the window)
        self.paused = False
        self.fast = False
        self.step_once = False
        self.wait = 0.0
        self.problem: str | None = None
        self.finished = False
        self.mode = WatchingMode()

    @property
    def index(self) -> int:
        return len(self.session.log)

    # ---- input --------------------------------------------------------------------------------
    def handle(self, ev: InputEvent) -> Transition | None:
        if ev.kind is not Kind.PRESS:
            return None
        if ev.action is Action.CONFIRM:
            self.paused = not self.paused
            self.services.audio.sfx("select")
        elif ev.action is Action.RIGHT and self.paused:
            self.step_once = True
        elif ev.action is Action.NEXT_UNIT:
            self.fast = not self.fast
        elif ev.action is Action.OBJECTIVES:
            return self.apply(objectives(self.field))
        elif ev.action in (Action.CANCEL, Action.MENU):
            question = ConfirmScene(self.services, STOP_QUESTION)
            return self.apply(show(question, lambda yes: Go(self.leave()) if yes else STAY))
        return None

    def _ask_stop(self) -> Transition | None:
        """Stop asked for during a battle scene or dialogue (over it)."""
        return Push(ConfirmScene(self.services, STOP_QUESTION), then=lambda yes: self.leave() if yes else None)

    def _shown_over(self, scene: Scene) -> Scene:
        return StopKeyThrough(scene, self._ask_stop)

    # ---- playback -----------------------------------------------------------------------------
    def update(self, dt: float) -> Transition | None:
        self.wait = max(0.0, self.wait - dt * (FAST_FORWARD if self.fast else 1.0))
        return super().update(dt * (FAST_FORWARD if self.fast else 1.0))

    def _skipping(self) -> bool:
        return False  # a replay shows every phase, whatever the enemy-animation setting

    def _events_shown(self) -> Transition | None:
        self.view.sync(self.state)
        self.playback.final = self.state
        if self.finished or self.problem is not None:
            return None
        if self.state.outcome is not None or self.index >= len(self.commands):
            self.finished = True
            self.services.audio.sfx("phase")
            return None
        if (self.paused and not self.step_once) or self.wait > 0:
            return None
        self.step_once = False
        cmd = self.commands[self.index]
        self.field.acting = getattr(cmd, "unit", None)
        if not self._do(cmd):
            self.problem = f"Command {self.index + 1} ({describe(cmd)}) is refused by the rules here."
            self.services.notify(self.problem, 10.0)
            return None
        self.wait = STEP_PAUSE
        return None

    def _mode_after(self, uid: str | None, after: After, then: object = None) -> Mode:
        return self.mode  # a replay never hands control to the player

    # ---- drawing ------------------------------------------------------------------------------
    def _draw_hud(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        self._phase_rect = hud.draw_phase(surface, fonts, self.state)
        acting = self.state.units.get(self.field.acting or "")
        if acting is not None and acting.active and not self.covered:
            hud.draw_unit_panel(surface, fonts, self.services.art, self.state, acting.uid, top=True)
        if self.finished:
            outcome = self.state.outcome
            status = "Replay finished" + (f": {outcome.reason}" if outcome is not None else "")
        elif self.problem is not None:
            status = "Replay stopped"
        else:
            status = "Paused" if self.paused else ("Playing x4" if self.fast else "Playing")
        bar = pygame.Rect(0, surface.get_height() - 38, surface.get_width(), 18)
        shade = pygame.Surface(bar.size, pygame.SRCALPHA)
        shade.fill((0, 0, 0, 170))
        surface.blit(shade, bar)
        fonts.draw(surface, f"REPLAY · {status}", (8, bar.y + 2), size=Fonts.SMALL, colour=theme.ACCENT, bold=True)
        fonts.draw(
            surface,
            f"command {self.index}/{len(self.commands)} · turn {self.state.turn}",
            (bar.right - 8, bar.y + 2),
            size=Fonts.SMALL,
            align="right",
        )
        hud.draw_hints(
            surface,
            fonts,
            self.services.keys(
                "{confirm} pause  ·  Right step  ·  hold {fast} or {next_unit} fast-forward  ·  {objectives} objectives"
                "  ·  {cancel} stop"
            ),
        )


def open_replay(
    services: Services, record: BattleRecord, *, force: bool, leave: Callable[[], Transition | None]
) -> ReplayScene:
    """The viewer for `record`, its scenario loaded through the game's catalog. ReplayError
    when it was recorded with other game data (unless `force`) or its scenario will not load."""
    mismatch = data_mismatch(record, services.catalog.data_hash)
    if mismatch and not force:
        raise ReplayError(f"{mismatch}. Refusing to play it (use --force to watch it anyway).")
    scenario = scenario_for(record, scenario_loader(services))
    state, events = scenario.start(record.seed)
    session = BattleSession(scenario, state, list(events), [], None)  # type: ignore[arg-type]
    if mismatch:
        services.notify(f"Playing anyway: {mismatch}.", 8.0)
    return ReplayScene(services, session, record.commands, leave=leave)
