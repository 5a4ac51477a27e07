"""The campaign between battles: pure logic and plain JSON data, no pygame.

rules = CampaignRules.from_data(load_result)
state = start_campaign(["blue_comet_falls", ...], rules, seed=7)
scenario = load_scenario(state.next_scenario, load_result)
played = scenario.with_setup(setup_for(state, scenario, rules))
... the battle, from played.start(battle_seed(state)) ...
state, gains = record_victory(state, played, final_state, rules)
state = buy_upgrade(state, "layzner", "hp", rules)
state = equip_part(buy_part(state, "booster", rules), "layzner", "booster", rules)
state = train(state, "eiji", "stat", "hit", rules)
CampaignSlots(folder).write(1, state, load_result.data_hash)
"""

from game.campaign.battles import (
    BattleGains,
    Payment,
    PilotGain,
    battle_seed,
    choose_deployment,
    record_defeat,
    record_victory,
    roster,
    setup_for,
    start_campaign,
)
from game.campaign.bonuses import ace_parts, choose_full_bonus, full_bonus_of, is_ace, steps_to_full
from game.campaign.growth import GrowthRules, PartInfo, Reward
from game.campaign.parts import (
    buy_part,
    buy_problem,
    equip_part,
    equip_problem,
    equipped_of,
    owned,
    sell_part,
    unequip_part,
)
from game.campaign.rules import STAT_NAMES, UPGRADE_STATS, CampaignRules
from game.campaign.state import CampaignError, CampaignState, PilotRecord, StageResult
from game.campaign.store import CampaignSave, CampaignSlot, CampaignSlots
from game.campaign.training import TrainingOption, train, training_options
from game.campaign.upgrades import UpgradeOption, buy_upgrade, inherited_from, upgrade_options, upgrades_of

__all__ = [
    "STAT_NAMES",
    "UPGRADE_STATS",
    "BattleGains",
    "CampaignError",
    "CampaignRules",
    "CampaignSave",
    "CampaignSlot",
    "CampaignSlots",
    "CampaignState",
    "GrowthRules",
    "PartInfo",
    "Payment",
    "PilotGain",
    "PilotRecord",
    "Reward",
    "StageResult",
    "TrainingOption",
    "UpgradeOption",
    "ace_parts",
    "battle_seed",
    "buy_part",
    "buy_problem",
    "buy_upgrade",
    "choose_deployment",
    "choose_full_bonus",
    "equip_part",
    "equip_problem",
    "equipped_of",
    "full_bonus_of",
    "inherited_from",
    "is_ace",
    "owned",
    "record_defeat",
    "record_victory",
    "roster",
    "sell_part",
    "setup_for",
    "start_campaign",
    "steps_to_full",
    "train",
    "training_options",
    "unequip_part",
    "upgrade_options",
    "upgrades_of",
]
