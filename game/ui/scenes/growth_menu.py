"""The intermission's growth entries: Parts Shop, Equip Parts and Training, opened through
the navigator (`services.nav`), each popping the changed campaign state to `then`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.campaign import CampaignState
from game.core.defs import Definitions
from game.ui.model.catalog import LoadedScenario
from game.ui.render.menu import Entry
from game.ui.scene import Transition
from game.ui.services import Services


def growth_entries(
    services: Services,
    campaign: CampaignState,
    nxt: LoadedScenario | None,
    defs: Definitions | None,
    *,
    then: Callable[[Any], Transition | None],
) -> list[Entry]:
    nav = services.nav
    pp = sum(r.pp for r in campaign.pilots.values())
    stock = sum(campaign.parts.values())
    missing = "The campaign's scenarios cannot be loaded."
    return [
        Entry(
            "Parts Shop",
            "parts_shop",
            help=f"Buy and sell skill parts and consumables. Funds: {campaign.funds:,}.",
            action=lambda: nav.parts_shop(campaign, then=then),
        ),
        Entry(
            "Equip Parts",
            "equip",
            defs is not None,
            missing,
            help=f"Put parts in your units' slots. Parts in stock: {stock}.",
            action=lambda: nav.equip(campaign, nxt, defs, then=then) if defs is not None else None,
        ),
        Entry(
            "Training",
            "training",
            defs is not None,
            missing,
            help=f"Spend pilot points (PP) on stats and skills. Unspent PP: {pp}.",
            action=lambda: nav.training(campaign, defs, then=then) if defs is not None else None,
        ),
    ]
