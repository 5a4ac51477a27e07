"""Battle quotes: every pilot has lines for every situation, lines are picked the same way
every time without touching the engine's random stream, opponents and weapons get their
own lines, and the battle scene keeps everything said in its log."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from game.core import Deployment, new_battle
from game.core import events as ev
from game.data import LoadResult, load_game_data
from game.data.fx_schema import REQUIRED_SITUATIONS
from game.ui.app import build_services
from game.ui.fx.book import FxBook, book_from_entries
from game.ui.fx.quotes import pick, reaction_quote, strike_quote
from game.ui.scenes.combat import CUTIN, GUARD, STRIKE, CombatScene
from game.ui.services import Services

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped() -> LoadResult:
    return load_game_data(REPO, user_mods=False, check_assets_exist=False)


@pytest.fixture(scope="module")
def book(shipped: LoadResult) -> FxBook:
    return book_from_entries(shipped.entries)


@pytest.fixture
def services(config_dir: Path) -> Services:
    return build_services(None, config_dir=config_dir)


def test_every_pilot_has_several_lines_for_every_situation(shipped: LoadResult) -> None:
    pilots = shipped.entries["pilots"]
    assert len(pilots) >= 20
    for pid, p in pilots.items():
        assert p.quotes is not None, f"{pid} has no battle quotes"
        for situation in REQUIRED_SITUATIONS:
            lines = getattr(p.quotes, situation)
            assert len(lines) >= 2, f"{pid} needs at least two {situation} lines"
            assert len(set(lines)) == len(lines), f"{pid} repeats a {situation} line"


def test_weapon_lines_name_weapons_the_pilot_can_use(shipped: LoadResult) -> None:
    weapon_ids = {w.id for u in shipped.entries["units"].values() for w in u.weapons}
    for pid, p in shipped.entries["pilots"].items():
        assert p.quotes is not None
        assert set(p.quotes.weapons) <= weapon_ids, pid


def test_rivals_have_lines_for_each_other(book: FxBook) -> None:
    for speaker, rival in [
        ("eiji", "gale"),
        ("eiji", "le_cain"),
        ("gale", "eiji"),
        ("le_cain", "eiji"),
        ("julia", "eiji"),
    ]:
        quotes = book.pilot_quotes(speaker)
        assert quotes is not None and book.against(quotes, rival), f"{speaker} has nothing to say to {rival}"


def test_no_line_is_shared_between_named_pilots(shipped: LoadResult) -> None:
    seen: dict[str, str] = {}
    for pid, p in shipped.entries["pilots"].items():
        assert p.quotes is not None
        for situation in REQUIRED_SITUATIONS:
            for line in getattr(p.quotes, situation):
                assert seen.setdefault(line, pid) == pid, f"{pid} and {seen[line]} both say {line!r}"


def test_pick_is_deterministic_and_uses_every_variant() -> None:
    lines = ["a", "b", "c"]
    assert pick(lines, "x", 1) == pick(lines, "x", 1)
    assert {pick(lines, "x", i) for i in range(60)} == set(lines)
    assert pick([], "x") is None


def _duel(services: Services, a: tuple[str, str], d: tuple[str, str]):  # type: ignore[no-untyped-def]
    scenario = services.catalog.load("blue_comet_falls")
    deployments = [
        Deployment(a[0], "player", pilot=a[1], pos=(5, 5), uid="a"),
        Deployment(d[0], "enemy", pilot=d[1], pos=(7, 5), uid="d"),
    ]
    state, _ = new_battle(scenario.ctx, deployments, 3)
    return state


def _strike(
    attacker: str, target: str, weapon: str, *, hit: bool = True, crit: bool = False, role: str = "attack"
) -> ev.StrikeResolved:
    return ev.StrikeResolved(
        attacker,
        target,
        weapon,
        role,
        80,
        hit,
        10,
        crit,
        900 if hit else 0,
        3000,
        2100 if hit else 3000,
        0,
        False,
        False,
        (),
    )


def test_eiji_speaks_to_gale_and_the_rng_is_untouched(services: Services, book: FxBook) -> None:
    state = _duel(services, ("layzner", "eiji"), ("greimkaiser", "gale"))
    rng = copy.deepcopy(state.rng)
    e = _strike("a", "d", "layzered_rifle")
    quote = strike_quote(book, state, e)
    quotes = book.pilot_quotes("eiji")
    assert quote is not None and quotes is not None
    assert quote.situation == "against" and quote.text in book.against(quotes, "gale")
    assert strike_quote(book, state, e) == quote
    reply = reaction_quote(book, state, e, 3000)
    gale = book.pilot_quotes("gale")
    assert reply is not None and gale is not None and reply.text in gale.damaged
    assert state.rng == rng


def test_a_weapon_line_comes_before_the_general_ones(services: Services, book: FxBook) -> None:
    state = _duel(services, ("layzner", "eiji"), ("braver", "grados_soldier"))
    quote = strike_quote(book, state, _strike("a", "d", "v_max"))
    eiji = book.pilot_quotes("eiji")
    assert quote is not None and eiji is not None and quote.text in eiji.weapons["v_max"]


def test_the_scene_logs_every_line_and_cuts_in_for_v_max(services: Services) -> None:
    state = _duel(services, ("layzner", "eiji"), ("braver", "grados_soldier"))
    events: list[ev.Event] = [
        ev.ExchangeStarted("a", "d", "v_max", "counter", None, None, "layzered_rifle"),
        _strike("a", "d", "v_max"),
        _strike("d", "a", "layzered_rifle", role="counter", hit=False),
        ev.ExchangeEnded("a", "d"),
    ]
    scene = CombatScene(services, state, events, {"a": (3700, 3700), "d": (3000, 3000)})
    assert [s.kind for s in scene.segments].count(CUTIN) == 1
    situations = [q.situation for q in scene.log]
    assert situations == ["weapon", "damaged", "against", "evaded"]  # grunts have words for the traitor
    assert all(q.text for q in scene.log)


def test_a_support_defender_speaks_up_before_the_blow(services: Services) -> None:
    scenario = services.catalog.load("blue_comet_falls")
    deployments = [
        Deployment("braver", "enemy", pilot="grados_soldier", pos=(5, 5), uid="e"),
        Deployment("layzner", "player", pilot="eiji", pos=(7, 5), uid="p"),
        Deployment("doll", "player", pilot="david", pos=(7, 6), uid="guard"),
    ]
    state, _ = new_battle(scenario.ctx, deployments, 3)
    events: list[ev.Event] = [
        ev.ExchangeStarted("e", "p", "layzered_rifle", "defend", None, "guard", None),
        _strike("e", "guard", "layzered_rifle"),
        ev.ExchangeEnded("e", "p"),
    ]
    scene = CombatScene(services, state, events, {"e": (2000, 2000), "p": (3700, 3700), "guard": (3000, 3000)})
    kinds = [s.kind for s in scene.segments]
    assert kinds[1] == GUARD and kinds[2] == STRIKE
    assert (scene.log[0].pilot_id, scene.log[0].situation) == ("david", "support")


def test_lines_depend_on_the_events_not_on_when_they_are_shown(services: Services, book: FxBook) -> None:
    from dataclasses import replace

    state = _duel(services, ("layzner", "eiji"), ("braver", "grados_soldier"))
    later = replace(state, turn=state.turn + 3, phase=1)
    for weapon in ("layzered_rifle", "calf_missile", "knuckle_shot"):
        e = _strike("a", "d", weapon)
        assert strike_quote(book, state, e) == strike_quote(book, later, e)
        assert reaction_quote(book, state, e, 3000) == reaction_quote(book, later, e, 3000)


def test_every_line_fits_the_cut_in_and_the_message_box(services: Services, shipped: LoadResult) -> None:
    from game.ui.fx.cutin import BAND_H
    from game.ui.render.text import Fonts

    width = 640 - BAND_H - 80  # the cut-in's text column, narrower than the message box
    for pid, p in shipped.entries["pilots"].items():
        assert p.quotes is not None
        q = p.quotes
        lines = [line for s in (*REQUIRED_SITUATIONS, "finish") for line in getattr(q, s)]
        lines += [line for group in (q.weapons, q.against) for ls in group.values() for line in ls]
        for line in lines:
            assert len(services.fonts.wrap(f'"{line}"', width, Fonts.NORMAL)) <= 2, f"{pid}: {line!r} is too long"
