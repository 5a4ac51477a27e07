from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.ui.app import App, build_services
from game.ui.display import Display, fit
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.scene import Chain, Pop, Push, Quit, Replace, Reset, Scene, SceneStack, Transition


@pytest.mark.parametrize(
    ("window", "rect", "scale"),
    [
        ((640, 360), (0, 0, 640, 360), 1),
        ((1280, 720), (0, 0, 1280, 720), 2),
        ((1366, 768), (43, 24, 1280, 720), 2),
        ((2000, 1200), (40, 60, 1920, 1080), 3),
        ((320, 180), (0, 0, 320, 180), 0),
    ],
)
def test_fit_uses_whole_number_scales_and_letterboxes(window, rect, scale) -> None:
    r, s = fit(window)
    assert (r.x, r.y, r.w, r.h) == rect and s == scale


def test_display_maps_window_pixels_to_the_logical_screen() -> None:
    d = Display(scale=2)
    assert d.size == (1280, 720)
    assert d.to_logical((0, 0)) == (0, 0)
    assert d.to_logical((1279, 719)) == (639, 359)
    d.window = pygame.display.set_mode((1366, 768), pygame.RESIZABLE)
    assert d.to_logical((10, 10)) is None  # in the letterbox
    assert d.to_logical((43 + 200, 24 + 100)) == (100, 50)
    d.present()


class Probe(Scene):
    def __init__(self, name: str, log: list[str], answer: Transition | None = None) -> None:
        self.name, self.log, self.answer = name, log, answer

    def on_enter(self) -> None:
        self.log.append(f"enter {self.name}")

    def hear(self, result: object) -> Transition | None:
        self.log.append(f"{self.name} got {result}")
        return self.answer


def test_scene_stack_transitions() -> None:
    log: list[str] = []
    stack = SceneStack()
    a, b, c = Probe("a", log), Probe("b", log), Probe("c", log)
    stack.apply(Reset(a))
    stack.apply(Push(b, then=a.hear))
    stack.apply(Pop(42))
    assert stack.top is a and log[-2:] == ["enter a", "a got 42"]
    stack.apply(Chain((Push(b, then=a.hear), Replace(c))))
    assert stack.scenes == [a, c]
    b.opaque = False
    stack.apply(Push(b))
    assert stack.visible() == [c, b]
    stack.apply(Pop(None))
    assert log[-1] == "enter c"  # nobody asked for b's answer
    stack.apply(Pop("from c"))  # the replacement answers to whoever pushed the scene it replaced
    assert log[-1] == "a got from c"
    stack.apply(Quit())
    assert stack.quit


def test_popped_result_can_chain_a_new_transition() -> None:
    log: list[str] = []
    stack = SceneStack()
    d = Probe("d", log)
    a = Probe("a", log, answer=Push(d))
    stack.apply(Reset(a))
    stack.apply(Push(Probe("b", log), then=a.hear))
    stack.apply(Pop("x"))
    assert stack.top is d


class FakeClock:
    def __init__(self, posts_quit_after: int) -> None:
        self.ticks = 0
        self.limit = posts_quit_after

    def tick(self, framerate: int = 0) -> int:
        self.ticks += 1
        if self.ticks == self.limit:
            pygame.event.post(pygame.event.Event(pygame.QUIT))
        return 16


def test_main_loop_runs_with_a_fake_clock_until_quit(config_dir: Path) -> None:
    from game.ui.scenes.title import TitleScene

    services = build_services(None, config_dir=config_dir)
    assert services.display is not None
    app = App(services, TitleScene(services))
    clock = FakeClock(5)
    assert app.run(clock) == 0
    assert clock.ticks == 5
    assert abs(services.clock - 5 * 0.016) < 1e-9


def test_fullscreen_toggle_is_remembered(config_dir: Path) -> None:
    from game.ui.scenes.title import TitleScene
    from game.ui.settings import SettingsStore

    services = build_services(None, config_dir=config_dir)
    app = App(services, TitleScene(services))
    app.feed([InputEvent(Kind.PRESS, Action.FULLSCREEN)])
    assert services.display is not None and services.display.fullscreen
    assert SettingsStore(config_dir).load()[0].fullscreen
    app.feed([InputEvent(Kind.PRESS, Action.FULLSCREEN)])
    assert not services.display.fullscreen
