"""The library: filled from the shipped data and scenarios, opened from the title and the
intermission, entries unlocked by the battles a campaign has won."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from game.campaign import StageResult, start_campaign
from game.ui.input.actions import Action
from game.ui.model.library import KINDS
from game.ui.scenes.intermission import IntermissionScene
from game.ui.scenes.library import LibraryScene, story_order
from game.ui.scenes.title import TitleScene
from tests.ui.test_campaign_screens import choose
from tests.ui.test_shipped_scenarios import _real


def test_from_the_title_nothing_is_unlocked_without_a_won_battle(config_dir: Path) -> None:
    d = _real(config_dir)
    d.app.apply(d.services.nav.title())
    choose(d, d.top, "library")
    lib = d.top
    assert isinstance(lib, LibraryScene)
    defs = d.services.catalog.load("blue_comet_falls").ctx.defs
    # Every shipped unit and pilot has an entry, and every stage a chapter.
    assert {e.id for e in lib.library.of("unit")} == set(defs.units)
    assert {e.id for e in lib.library.of("pilot")} == set(defs.pilots)
    assert [e.id for e in lib.library.of("story")] == story_order(d.services)
    assert not any(e.unlocked for e in lib.library.entries)
    for _ in KINDS:
        d.press(Action.RIGHT)
        d.press(Action.DOWN)
    d.press(Action.CANCEL)
    assert isinstance(d.top, TitleScene)


def test_the_intermission_library_opens_what_the_campaign_met(config_dir: Path) -> None:
    d = _real(config_dir)
    order = list(d.services.catalog.campaign())
    campaign = start_campaign(order, d.services.catalog.campaign_rules(), seed=2)
    won = StageResult("blue_comet_falls", turns=6, funds=3000, kills=4)
    campaign = dataclasses.replace(campaign, stage=1, history=(won,))
    d.app.apply(d.services.nav.intermission(campaign))
    assert isinstance(d.top, IntermissionScene)
    choose(d, d.top, "library")
    lib = d.top
    assert isinstance(lib, LibraryScene)
    opened = {(e.kind, e.id) for e in lib.library.entries if e.unlocked}
    assert ("story", "blue_comet_falls") in opened and ("story", "sandstorm_decoy") not in opened
    # Met on Mars: the Layzner and Eiji, the Bravers, Gale's Greimkaiser (a scripted arrival), the Soviet jets.
    assert {("unit", "layzner"), ("unit", "braver"), ("unit", "greimkaiser"), ("unit", "soviet_jet")} <= opened
    assert {("pilot", "eiji"), ("pilot", "gale")} <= opened
    assert ("unit", "zakarl") not in opened and ("pilot", "le_cain") not in opened
    chapter = lib.current
    assert chapter is not None and chapter.unlocked and chapter.text  # the briefing is the chapter
    d.press(Action.RIGHT)  # the machines
    d.frame()
    d.press(Action.RIGHT)  # the people
    d.frame()
    d.press(Action.CANCEL)
    assert isinstance(d.top, IntermissionScene)
