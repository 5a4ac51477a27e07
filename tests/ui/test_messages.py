"""What the screens say: the hints line, where menus open, the title's first choice."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from game.ui.model.session import BattleSession
from game.ui.render.menu import Entry
from game.ui.scene import Reset
from game.ui.scenes.battle.field import Field
from game.ui.scenes.battle.phases import phase_hint
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.title import TitleScene
from tests.ui.driver import Driver
from tests.ui.training import duel


def test_the_hints_line_names_the_side_whose_phase_it_is(config_dir: Path) -> None:
    d = Driver(config_dir)
    session = BattleSession.start(duel())
    for i, side in enumerate(session.state.ctx.sides):
        session.state = replace(session.state, phase=i)
        field = Field(d.services, session, None, None, None)  # type: ignore[arg-type]
        assert phase_hint(field).startswith(f"{side.name} phase")
        assert "{fast}" in phase_hint(field)


def test_a_menu_opens_on_an_entry_that_can_be_chosen(config_dir: Path) -> None:
    d = Driver(config_dir)
    entries = [Entry("Attack", "attack", False, "No enemy in range."), Entry("Wait", "wait")]
    assert MenuScene(d.services, entries).menu.current == entries[1]
    assert MenuScene(d.services, [Entry("Attack", "attack", False)]).menu.index == 0  # nothing to choose: as given


def test_the_title_starts_on_continue_when_a_battle_is_suspended(config_dir: Path) -> None:
    d = Driver(config_dir)
    assert d.top.menu.current.key == "new"  # type: ignore[attr-defined]
    d.services.saves.suspend(BattleSession.start(duel()).record("suspend"))
    title = TitleScene(d.services)
    assert title.menu.current is not None and title.menu.current.key == "continue"


def test_the_phase_banner_never_shows_an_empty_box(config_dir: Path) -> None:
    import pygame

    from game.ui.scenes.battle import hud

    fonts = Driver(config_dir).services.fonts
    shown = 0
    for i in range(1, 100):
        banner, bare = pygame.Surface((640, 360)), pygame.Surface((640, 360))
        hud.draw_banner(banner, fonts, "GRADOS PHASE", "Turn 1", (255, 80, 80), i / 100)
        hud.draw_banner(bare, fonts, "", "", (255, 80, 80), i / 100)
        if pygame.image.tobytes(bare, "RGB") != pygame.image.tobytes(pygame.Surface((640, 360)), "RGB"):
            shown += 1
            assert pygame.image.tobytes(banner, "RGB") != pygame.image.tobytes(bare, "RGB"), f"empty at {i}%"
    assert shown > 90


NOTICES = ["Battle resumed.", "Replay saved: /a/rather/long/path/to/the/replays/folder/battle-20261206-220000.json"]


def _notices_clear_of(d: Driver, texts: list[str]) -> None:
    import pygame

    surface = pygame.Surface((640, 360))
    for text in texts:
        d.services.notify(text)
        d.app.draw(surface)
        clear = [r for s in d.app.stack.visible() for r in s.keep_clear()]
        assert clear
        for rect, _ in d.app.notice_layout(surface.get_size()):
            assert rect.collidelist(clear) == -1, (rect, clear, [n.text for n in d.services.notices])
            assert surface.get_rect().contains(rect)


def test_notices_leave_victory_and_the_summary_readable(config_dir: Path) -> None:
    from tests.ui.test_scenes_draw import _won

    d = Driver(config_dir)
    d.app.apply(Reset(_won(d.services)))
    _notices_clear_of(d, NOTICES)


def test_notices_leave_the_turn_label_and_the_phase_banner_readable(config_dir: Path) -> None:
    from game.ui.scenes.battle.playback import BannerBeat
    from game.ui.scenes.battle.scene import BattleScene

    d = Driver(config_dir)
    scene = BattleScene(d.services, BattleSession.start(duel()))
    d.app.apply(Reset(scene))
    _notices_clear_of(d, NOTICES[:1])
    scene.playback.beat = BannerBeat("LAYZNER PHASE", "Turn 2", (80, 160, 255))
    scene.playback.beat.elapsed = 0.6
    _notices_clear_of(d, NOTICES)


def test_the_status_details_page_lists_every_weapon_and_what_skills_do(config_dir: Path) -> None:
    from game.ui.input.actions import Action, InputEvent, Kind
    from game.ui.model.unit_info import unit_info
    from game.ui.scenes.status import StatusScene
    from game.ui.wiring import scenario_catalog

    d = Driver(config_dir)
    catalog, _ = scenario_catalog([])
    state = BattleSession.start(catalog.load(next(iter(catalog.scenarios())).id)).state
    scene = StatusScene(d.services, state, "layzner")
    scene.handle(InputEvent(Kind.PRESS, Action.DOWN))
    assert scene.details
    info = unit_info(state, "layzner")
    assert info.notes and all(what for _, what in info.notes)  # each shipped skill says what it does
    import pygame

    from tests.ui.text_fit import watching

    with watching(d.services.fonts) as take:
        scene.draw(pygame.Surface((640, 360)))
        page = take()
    written = {t.text for t in page.texts}
    assert {w.name for w in info.weapons} <= written and {"Air", "Land", "Sea", "Space"} <= written
    assert page.problems() == []
