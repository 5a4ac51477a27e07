"""The upgrade shop: prices by step from rules.yaml, caps by unit, funds, and the Layzner
Mk-II starting with the Layzner's upgrades."""

from __future__ import annotations

import pytest

from game.campaign import (
    CampaignError,
    CampaignRules,
    CampaignState,
    buy_upgrade,
    inherited_from,
    upgrade_options,
    upgrades_of,
)


def rich(funds: int = 10**7) -> CampaignState:
    return CampaignState(order=("a",), funds=funds)


def test_each_step_costs_its_price_and_the_cap_stops_buying(rules: CampaignRules) -> None:
    state = rich()
    paid = []
    for _ in range(9):  # the Layzner caps at 9
        before = state.funds
        state = buy_upgrade(state, "layzner", "hp", rules)
        paid.append(before - state.funds)
    assert paid == [2000 * n for n in range(1, 10)]
    assert upgrades_of(state, "layzner", rules) == {"hp": 9}
    with pytest.raises(CampaignError, match=r"HP is fully upgraded \(9\)"):
        buy_upgrade(state, "layzner", "hp", rules)
    hp = next(o for o in upgrade_options(state, "layzner", rules) if o.stat == "hp")
    assert hp.price is None and hp.problem is not None
    assert rules.cap("doll", "mobility") == 15 and rules.cap("braver", "hp") == 10 and rules.cap("civilian", "hp") == 0
    with pytest.raises(CampaignError, match="fully upgraded"):
        buy_upgrade(state, "civilian", "armor", rules)


def test_not_enough_funds_is_refused_with_the_price(rules: CampaignRules) -> None:
    state = rich(9000)
    with pytest.raises(CampaignError, match="Needs 10000 funds; you have 9000"):
        buy_upgrade(state, "baybull", "weapons", rules)
    state = buy_upgrade(state, "baybull", "mobility", rules)
    assert state.funds == 4000 and upgrades_of(state, "baybull", rules) == {"mobility": 1}
    with pytest.raises(CampaignError, match="unknown upgrade 'speed'"):
        buy_upgrade(state, "baybull", "speed", rules)


def test_the_mk2_inherits_until_it_is_upgraded_itself(rules: CampaignRules) -> None:
    state = rich()
    for stat in ("hp", "hp", "weapons"):
        state = buy_upgrade(state, "layzner", stat, rules)
    assert upgrades_of(state, "layzner_mk2", rules) == {"hp": 2, "weapons": 1}
    assert inherited_from(state, "layzner_mk2", rules) == "layzner"
    state = buy_upgrade(state, "layzner_mk2", "armor", rules)
    assert upgrades_of(state, "layzner_mk2", rules) == {"hp": 2, "weapons": 1, "armor": 1}
    assert inherited_from(state, "layzner_mk2", rules) is None
    # Its own record from now on: the Layzner's later upgrades stay with the Layzner.
    state = buy_upgrade(state, "layzner", "en", rules)
    assert "en" not in upgrades_of(state, "layzner_mk2", rules)


def test_inherited_upgrades_are_capped_by_the_successor() -> None:
    rules = CampaignRules(
        costs={s: tuple(range(1, 16)) for s in ("hp", "en", "armor", "mobility", "weapons")},
        caps={"old": 15, "new": 4},
        successors={"new": "old"},
    )
    state = rich()
    for _ in range(7):
        state = buy_upgrade(state, "old", "hp", rules)
    assert upgrades_of(state, "new", rules) == {"hp": 4}
    assert rules.line("new") == ["new", "old"]
