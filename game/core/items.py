"""Consumable parts used from the map menu (repair kit, propellant tank): each use is one
`item` effect on the unit, and the `UseItem` command spends one and applies the part's
instant `use` effects. Using an item does not end the unit's action."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core.commands import UseItem
from game.core.errors import IllegalCommand
from game.core.events import ItemUsed, UnitHealed, UnitResupplied
from game.core.lifecycle import change_will
from game.core.spirits import _ammo_missing, refill
from game.core.state import ACTIVE
from game.core.stats import has_will, max_en, max_hp, will_limits
from game.core.tx import Tx

if TYPE_CHECKING:
    from game.core.defs import PartDef
    from game.core.state import BattleState, UnitState


def carried_items(u: UnitState) -> dict[str, int]:
    """Consumable id -> uses left, in the order the unit carries them."""
    out: dict[str, int] = {}
    for e in u.effects:
        if e.kind == "item":
            out[e.id] = out.get(e.id, 0) + 1
    return out


def _useless(state: BattleState, u: UnitState, part: PartDef) -> str | None:
    """Why using `part` now would do nothing (None when some effect helps)."""
    ctx = state.ctx
    for m in part.use:
        if m.key in ("heal_hp", "heal_hp_pct") and u.hp < max_hp(ctx, u):
            return None
        if m.key == "heal_en_pct" and u.en < max_en(ctx, u):
            return None
        if m.key == "resupply" and (u.en < max_en(ctx, u) or _ammo_missing(state, u)):
            return None
        if m.key == "will" and has_will(ctx, u):
            lo, hi = will_limits(ctx, u)
            if (u.will < hi) if m.value > 0 else (u.will > lo):
                return None
    return f"{part.name} would have no effect on {u.uid} now."


def item_problem(state: BattleState, uid: str, item: str) -> str | None:
    """Why `uid` cannot use `item` now (None if it can)."""
    u = state.units.get(uid)
    if u is None or u.status != ACTIVE:
        return f"{uid} is not on the map."
    if u.side != state.side:
        return f"{uid} can only use items in its own phase."
    if u.acted:
        return f"{uid} has already acted this phase."
    part = state.ctx.defs.parts.get(item)
    if part is None or carried_items(u).get(item, 0) <= 0:
        return f"{uid} carries no {part.name if part else item}."
    return _useless(state, u, part)


def use_item(tx: Tx, cmd: UseItem) -> None:
    problem = item_problem(tx.state, cmd.unit, cmd.item)
    if problem:
        raise IllegalCommand(problem)
    ctx = tx.ctx
    part = ctx.defs.parts[cmd.item]
    m = tx.unit(cmd.unit)
    effects = list(m.effects)
    effects.remove(next(e for e in effects if e.kind == "item" and e.id == cmd.item))
    m.effects = tuple(effects)
    tx.emit(ItemUsed(cmd.unit, cmd.item, carried_items(m).get(cmd.item, 0)))
    source = "item:" + cmd.item
    for mod in part.use:
        cur = tx.state.units[cmd.unit]
        if mod.key in ("heal_hp", "heal_hp_pct"):
            top = max_hp(ctx, cur)
            amount = int(mod.value) if mod.key == "heal_hp" else int(top * mod.value / 100)
            after = min(top, cur.hp + amount)
            if after > cur.hp:
                tx.unit(cmd.unit).hp = after
                tx.emit(UnitHealed(cmd.unit, after - cur.hp, after, source))
        elif mod.key == "heal_en_pct":
            top = max_en(ctx, cur)
            tx.unit(cmd.unit).en = min(top, cur.en + int(top * mod.value / 100))
            tx.emit(UnitResupplied(cmd.unit, tx.state.units[cmd.unit].en, source))
        elif mod.key == "will":
            change_will(tx, cmd.unit, int(mod.value), source)
        elif mod.key == "resupply":
            refill(tx, cmd.unit)
            tx.emit(UnitResupplied(cmd.unit, tx.state.units[cmd.unit].en, source))


def item_uses(state: BattleState, u: UnitState) -> list[UseItem]:
    """The UseItem commands `u` may give now."""
    return [UseItem(u.uid, item) for item in carried_items(u) if item_problem(state, u.uid, item) is None]
