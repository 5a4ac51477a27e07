"""Random input for a while never crashes the game (a seeded monkey test)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.scene import Reset
from game.ui.scenes.title import TitleScene
from tests.ui.driver import Driver

ACTIONS = [a for a in Action if a is not Action.FULLSCREEN]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_input_never_crashes(config_dir: Path, seed: int) -> None:
    rng = random.Random(seed)
    d = Driver(config_dir)
    d.services.settings.animation = rng.choice(["full", "map", "off"])
    d.app.apply(d.services.nav.briefing("training_first_contact"))
    for _ in range(2500):
        if not d.app.running:  # the monkey chose Quit: start again from the title
            d.app.stack.quit = False
            d.app.apply(Reset(TitleScene(d.services)))
        roll = rng.random()
        pos = (rng.randrange(640), rng.randrange(360))
        if roll < 0.6:
            d.app.feed([InputEvent(Kind.PRESS, rng.choice(ACTIONS))])
        elif roll < 0.75:
            d.app.feed(
                [
                    InputEvent(Kind.POINT, pos=pos, device="mouse"),
                    InputEvent(Kind.PRESS, Action.CONFIRM, pos=pos, device="mouse"),
                ]
            )
        elif roll < 0.8:
            d.app.feed([InputEvent(Kind.PRESS, Action.CANCEL, pos=pos, device="mouse")])
        elif roll < 0.85:
            d.app.feed([InputEvent(Kind.WHEEL, pos=pos, delta=(0, rng.choice((-1, 1))), device="mouse")])
        elif roll < 0.9:
            d.app.feed(
                [InputEvent(Kind.DRAG, pos=pos, delta=(rng.randint(-40, 40), rng.randint(-40, 40)), device="mouse")]
            )
        for _ in range(rng.randint(1, 20)):
            d.app.step(1 / 60)
        if rng.random() < 0.05:
            d.draw()
    d.draw()
