"""The campaign between battles: pure logic and plain JSON data, no pygame.

rules = CampaignRules.from_data(load_result)
state = start_campaign(["blue_comet_falls", ...], rules, seed=7)
scenario = load_scenario(state.next_scenario, load_result)
played = scenario.with_setup(setup_for(state, scenario, rules))
... the battle, from played.start(battle_seed(state)) ...
state, gains = record_victory(state, played, final_state, rules)
state = buy_upgrade(state, "layzner", "hp", rules)
CampaignSlots(folder).write(1, state, load_result.data_hash)
"""

from game.campaign.battles import (
    BattleGains,
    PilotGain,
    battle_seed,
    choose_deployment,
    record_defeat,
    record_victory,
    roster,
    setup_for,
    start_campaign,
)
from game.campaign.rules import STAT_NAMES, UPGRADE_STATS, CampaignRules
from game.campaign.state import CampaignError, CampaignState, PilotRecord, StageResult
from game.campaign.store import CampaignSave, CampaignSlot, CampaignSlots
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
    "PilotGain",
    "PilotRecord",
    "StageResult",
    "UpgradeOption",
    "battle_seed",
    "buy_upgrade",
    "choose_deployment",
    "inherited_from",
    "record_defeat",
    "record_victory",
    "roster",
    "setup_for",
    "start_campaign",
    "upgrade_options",
    "upgrades_of",
]
