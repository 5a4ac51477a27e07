"""The parts shop and the equip screen: buying and selling parts, putting them in a unit's
slots and taking them out. Owned parts are either in stock (`state.parts`) or in a slot
(`state.equipped`). A successor unit (the Layzner Mk-II) carries its predecessor's parts
until the player changes its own, as with upgrades."""

from __future__ import annotations

from dataclasses import replace

from game.campaign.rules import CampaignRules
from game.campaign.state import CampaignError, CampaignState
from game.core.defs import frozen_map


def owned(state: CampaignState, part: str) -> int:
    """How many of `part` the player has: in stock and in slots."""
    return state.parts.get(part, 0) + sum(p.count(part) for p in state.equipped.values())


def _source(state: CampaignState, unit: str, rules: CampaignRules) -> str | None:
    """The unit whose equipped list `unit` uses: its own, else its nearest predecessor's."""
    return next((u for u in rules.line(unit) if u in state.equipped), None)


def equipped_of(state: CampaignState, unit: str, rules: CampaignRules) -> tuple[str, ...]:
    source = _source(state, unit, rules)
    parts = state.equipped[source] if source is not None else ()
    return parts[: rules.growth.slots(unit)]


def _own(state: CampaignState, unit: str, rules: CampaignRules) -> CampaignState:
    """Move inherited parts onto `unit` itself (what does not fit its slots goes to stock)."""
    source = _source(state, unit, rules)
    if source is None or source == unit:
        return state
    parts = state.equipped[source]
    keep, spill = parts[: rules.growth.slots(unit)], parts[rules.growth.slots(unit) :]
    equipped = {u: p for u, p in state.equipped.items() if u != source}
    equipped[unit] = keep
    stock = dict(state.parts)
    for p in spill:
        stock[p] = stock.get(p, 0) + 1
    return replace(state, equipped=frozen_map(equipped), parts=frozen_map(stock))


def _stock(state: CampaignState, part: str, delta: int) -> CampaignState:
    stock = dict(state.parts)
    stock[part] = stock.get(part, 0) + delta
    if stock[part] <= 0:
        del stock[part]
    return replace(state, parts=frozen_map(stock))


def buy_problem(state: CampaignState, part: str, rules: CampaignRules) -> str | None:
    info = rules.growth.parts.get(part)
    if info is None or not info.equippable:
        return f"{part!r} is not a part"
    if info.price is None:
        return f"{info.name} is not sold; bonus objectives give it."
    if info.price > state.funds:
        return f"Needs {info.price:,} funds; you have {state.funds:,}."
    return None


def buy_part(state: CampaignState, part: str, rules: CampaignRules) -> CampaignState:
    problem = buy_problem(state, part, rules)
    if problem is not None:
        raise CampaignError(problem)
    price = rules.growth.parts[part].price or 0
    return _stock(replace(state, funds=state.funds - price), part, 1)


def sell_part(state: CampaignState, part: str, rules: CampaignRules) -> CampaignState:
    """Sell one unequipped `part` for its sell price."""
    info = rules.growth.parts.get(part)
    if info is None or state.parts.get(part, 0) <= 0:
        raise CampaignError(f"no {info.name if info else part} in stock to sell (take it out of its slot first)")
    return _stock(replace(state, funds=state.funds + info.sell), part, -1)


def equip_problem(state: CampaignState, unit: str, part: str, rules: CampaignRules) -> str | None:
    info = rules.growth.parts.get(part)
    if info is None or not info.equippable:
        return f"{part!r} is not a part that goes in a slot"
    if state.parts.get(part, 0) <= 0:
        return f"No {info.name} in stock."
    slots = rules.growth.slots(unit)
    if len(equipped_of(state, unit, rules)) >= slots:
        return f"All {slots} slots are full; take a part out first."
    return None


def equip_part(state: CampaignState, unit: str, part: str, rules: CampaignRules) -> CampaignState:
    problem = equip_problem(state, unit, part, rules)
    if problem is not None:
        raise CampaignError(problem)
    state = _own(state, unit, rules)
    equipped = {**state.equipped, unit: (*state.equipped.get(unit, ()), part)}
    return _stock(replace(state, equipped=frozen_map(equipped)), part, -1)


def unequip_part(state: CampaignState, unit: str, slot: int, rules: CampaignRules) -> CampaignState:
    """Take the part in `slot` (0-based) of `unit` back to stock."""
    state = _own(state, unit, rules)
    parts = list(state.equipped.get(unit, ()))
    if not 0 <= slot < len(parts):
        raise CampaignError(f"slot {slot + 1} of {unit} is empty")
    part = parts.pop(slot)
    equipped = {**state.equipped, unit: tuple(parts)}
    return _stock(replace(state, equipped=frozen_map(equipped)), part, 1)


def battle_parts(state: CampaignState, unit: str, rules: CampaignRules) -> tuple[str, ...]:
    """The part ids of `unit`'s slots as the battle takes them: a consumable once per use."""
    growth = rules.growth
    out: list[str] = []
    for p in equipped_of(state, unit, rules):
        info = growth.parts.get(p)
        if info is not None:
            out.extend([p] * (info.uses if info.kind == "consumable" else 1))
    return tuple(out)
