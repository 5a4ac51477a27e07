"""A test "player" that looks at the screen state and answers with inputs only."""

from __future__ import annotations

from game.core import distance
from game.core.movement import reachable
from game.ui.input.actions import Action
from game.ui.render.menu import ListMenu
from game.ui.scenes.battle.choose import ChooseMode
from game.ui.scenes.battle.cursor import CursorMode
from game.ui.scenes.battle.move import MoveMode
from game.ui.scenes.battle.scene import BattleScene
from game.ui.scenes.combat import CombatScene
from game.ui.scenes.dialogue import DialogueScene
from game.ui.scenes.forecast import ForecastScene, ReactionScene
from game.ui.scenes.menu import ConfirmScene, MenuScene
from game.ui.scenes.result import ResultScene
from tests.ui.driver import Driver


def battle(d: Driver) -> BattleScene:
    scene = d.find(BattleScene)
    assert isinstance(scene, BattleScene)
    return scene


def click_tile(d: Driver, tile: tuple[int, int]) -> None:
    b = battle(d)
    b.camera.keep_visible(tile)
    b.camera.x, b.camera.y = b.camera.tx, b.camera.ty
    x, y = b.camera.screen_of(tile)
    d.click((x + 16, y + 16))


def pick(d: Driver, key: object) -> None:
    """Move the cursor of the open menu to the entry `key` and confirm it."""
    top = d.top
    assert isinstance(top, MenuScene), d.scenes
    menu: ListMenu = top.menu
    for _ in range(len(menu.entries)):
        if menu.current is not None and menu.current.key == key:
            break
        d.press(Action.DOWN)
    assert menu.current is not None and menu.current.key == key, [e.key for e in menu.entries]
    d.press(Action.CONFIRM)


def wait_for_input(d: Driver, seconds: float = 120.0, reaction: str = "counter", seen: set[str] | None = None) -> None:
    """Let time pass until the player has something to do (their phase, a reaction, the result)."""
    seen = seen if seen is not None else set()

    def answer() -> None:
        top = d.top
        seen.add(type(top).__name__)
        if isinstance(top, ReactionScene):
            while top.options[top.index] != reaction:
                d.press(Action.DOWN)
            d.press(Action.CONFIRM)
        elif isinstance(getattr(top, "inner", top), (DialogueScene, CombatScene)):
            d.press(Action.CONFIRM)

    def ready() -> bool:
        top = d.top
        if isinstance(top, ResultScene):
            return True
        return isinstance(top, BattleScene) and isinstance(top.mode, CursorMode) and top.session.player_phase

    d.until(ready, seconds, every=answer)


def attack_nearest(d: Driver, uid: str, weapon: str, seen: set[str]) -> None:
    """Select `uid`, move into `weapon` range of the nearest enemy, and attack it via the forecast."""
    b = battle(d)
    state = b.state
    u = state.unit(uid)
    w = state.ctx.defs.units[u.unit_id].weapon(weapon)
    foes = [t for t in state.active_units() if t.side != u.side]
    click_tile(d, u.pos)
    assert isinstance(b.mode, MoveMode)
    stops = set(reachable(state, uid).stops) | {u.pos}

    def score(p: tuple[int, int]) -> tuple[int, int]:
        d_min = min(distance(p, f.pos) for f in foes)
        in_range = any(w.range_min <= distance(p, f.pos) <= w.range_max for f in foes)
        return (0 if in_range else 1, d_min)

    dest = min(sorted(stops), key=score)
    click_tile(d, dest)
    d.until(lambda: isinstance(d.top, MenuScene), 30)
    menu = d.top
    assert isinstance(menu, MenuScene)
    entry = next(e for e in menu.menu.entries if e.key == "attack")
    if not entry.enabled:
        pick(d, "wait")
        return
    pick(d, "attack")
    pick(d, weapon)
    assert isinstance(b.mode, ChooseMode)
    d.press(Action.CONFIRM)
    assert isinstance(d.top, ForecastScene)
    seen.add("ForecastScene")
    d.press(Action.CONFIRM)


def end_turn(d: Driver) -> None:
    b = battle(d)
    grid = b.state.ctx.grid
    empty = next(p for p in grid.positions() if b.state.unit_at(p) is None)
    click_tile(d, empty)
    pick(d, "end_turn")
    if isinstance(d.top, ConfirmScene):
        d.press(Action.UP)
        d.press(Action.CONFIRM)
