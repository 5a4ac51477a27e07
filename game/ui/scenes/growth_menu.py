"""The intermission's growth entries (parts shop, equip, training) and the scenes they open,
kept here so the intermission menu only lists them."""

from __future__ import annotations

from game.campaign import CampaignState
from game.core.defs import Definitions
from game.ui.model.catalog import LoadedScenario
from game.ui.render.menu import Entry
from game.ui.scene import Scene
from game.ui.services import Services

GROWTH_KEYS = ("parts_shop", "equip", "training")


def growth_entries(campaign: CampaignState) -> list[Entry]:
    pp = sum(r.pp for r in campaign.pilots.values())
    stock = sum(campaign.parts.values())
    return [
        Entry("Parts Shop", "parts_shop", help=f"Buy and sell skill parts and consumables. Funds: {campaign.funds:,}."),
        Entry("Equip Parts", "equip", help=f"Put parts in your units' slots. Parts in stock: {stock}."),
        Entry("Training", "training", help=f"Spend pilot points (PP) on stats and skills. Unspent PP: {pp}."),
    ]


def growth_scene(
    services: Services, key: str, campaign: CampaignState, nxt: LoadedScenario | None, defs: Definitions
) -> Scene:
    if key == "parts_shop":
        from game.ui.scenes.parts_shop import PartsShopScene

        return PartsShopScene(services, campaign)
    if key == "equip":
        from game.ui.scenes.equip import EquipScene

        return EquipScene(services, campaign, nxt, defs)
    from game.ui.scenes.training import TrainingScene

    return TrainingScene(services, campaign, defs)
