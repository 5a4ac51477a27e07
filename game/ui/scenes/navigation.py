"""The navigator: the one place that builds the screens and knows the flow between them
(title -> briefing -> deploy -> battle -> result -> intermission -> ...). Scenes reach it
as `services.nav` (typed by `game.ui.flow.Navigator`) and never import each other."""

from __future__ import annotations

import random

from game.campaign import BattleGains, CampaignState, battle_seed, start_campaign
from game.campaign.story import Branch, Story
from game.core import BattleState
from game.core.defs import Definitions
from game.saves import BattleRecord, SaveError
from game.ui.model.catalog import LoadedScenario
from game.ui.model.session import BattleSession
from game.ui.scene import Push, Replace, Reset, Then, Transition
from game.ui.scenes.battle.scene import BattleScene
from game.ui.scenes.briefing import BriefingScene, ScenarioSelectScene
from game.ui.scenes.campaign_slots import CampaignSlotsScene
from game.ui.scenes.deploy import DeployScene
from game.ui.scenes.equip import EquipScene
from game.ui.scenes.intermission import IntermissionScene
from game.ui.scenes.launch import campaign_battle, load_scenario, restored_session
from game.ui.scenes.library import LibraryScene, saved_histories
from game.ui.scenes.menu import ConfirmScene
from game.ui.scenes.objectives import ObjectivesScene
from game.ui.scenes.parts_shop import PartsShopScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.pilots import PilotsScene
from game.ui.scenes.result import ResultScene
from game.ui.scenes.route import RouteScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.status import StatusScene
from game.ui.scenes.title import TitleScene
from game.ui.scenes.training import TrainingScene
from game.ui.scenes.unit_list import UnitListScene
from game.ui.scenes.upgrades import UpgradeScene
from game.ui.services import Services


class SceneNavigator:
    def __init__(self, services: Services) -> None:
        self.services = services

    # ---- the title and what it opens ---------------------------------------------------------
    def title(self) -> Transition:
        return Reset(TitleScene(self.services))

    def scenario_select(self) -> Transition:
        return Push(ScenarioSelectScene(self.services))

    def settings(self, then: Then | None = None) -> Transition:
        return Push(SettingsScene(self.services), then)

    def new_campaign(self) -> Transition | None:
        services = self.services
        order = list(services.catalog.campaign())
        if not order:
            services.notify("No campaign scenarios are installed.")
            return None
        campaign = start_campaign(order, services.catalog.campaign_rules(), seed=random.Random().randrange(2**31))
        return self.briefing(order[0], campaign)

    def continue_suspended(self) -> Transition | None:
        services = self.services
        found = services.saves.latest()
        if found is None:
            services.notify("There is no suspended battle.")
            return None
        problem = f"{found.path} {found.error.problem}" if found.error is not None else ""
        if found.record is not None:
            transition, why = self.resume(found.record)
            if transition is not None:
                if found.name == "autosave":
                    services.notify("Continuing from the autosave at the start of your last turn.", 5.0)
                return transition
            problem = f"{found.path}: {why}"
        if services.saves.has_backup(found.name):
            name = found.name
            return Push(
                ConfirmScene(
                    services,
                    f"The save is damaged: {problem}. Load the backup (the save before this one)?",
                    yes="Load the backup",
                    no="Cancel",
                    default_yes=True,
                ),
                then=lambda yes: self._continue_from_backup(name) if yes else None,
            )
        services.notify(f"The save cannot be loaded: {problem}", 10.0)
        return None

    def _continue_from_backup(self, name: str) -> Transition | None:
        services = self.services
        try:
            record = services.saves.backup(name)
        except SaveError as exc:
            services.notify(f"The backup cannot be loaded either: {exc}", 10.0)
            return None
        transition, problem = self.resume(record)
        if transition is None:
            services.notify(f"The backup cannot be loaded either: {problem}", 10.0)
            return None
        services.notify("Continuing from the backup.", 5.0)
        return transition

    def resume(self, record: BattleRecord) -> tuple[Transition | None, str | None]:
        """The battle in `record` back in play; (None, why) when it cannot be."""
        session, why = restored_session(self.services, record)
        if session is None:
            return None, why
        return Reset(BattleScene(self.services, session, resumed=True)), None

    def load_campaign(self) -> Transition:
        return Push(CampaignSlotsScene(self.services, None))

    # ---- before a battle ---------------------------------------------------------------------
    def briefing(
        self, scenario_id: str, campaign: CampaignState | None = None, *, reset: bool = True
    ) -> Transition | None:
        loaded = load_scenario(self.services, scenario_id)
        if loaded is None:
            return None
        scene = BriefingScene(self.services, loaded, campaign)
        return Reset(scene) if reset else Replace(scene)

    def deploy(
        self, campaign: CampaignState, loaded: LoadedScenario, *, sortie: bool = False, then: Then | None = None
    ) -> Transition:
        return Push(DeployScene(self.services, campaign, loaded, sortie=sortie), then)

    def start_battle(self, loaded: LoadedScenario, campaign: CampaignState | None) -> Transition | None:
        """The battle of `loaded` (in a campaign: with the campaign's setup and the stage's seed)."""
        services = self.services
        if campaign is None:
            return Reset(BattleScene(services, BattleSession.start(loaded)))
        played = campaign_battle(services, campaign)
        if played is None:
            return None
        session = BattleSession.start(played, seed=battle_seed(campaign), campaign=campaign)
        return Reset(BattleScene(services, session))

    def retry(self, scenario_id: str, campaign: CampaignState | None) -> Transition:
        scenario = load_scenario(self.services, scenario_id)
        started = None if scenario is None else self.start_battle(scenario, campaign)
        return started or self.title()

    # ---- in a battle -------------------------------------------------------------------------
    def pause(self, session: BattleSession, then: Then | None = None) -> Transition:
        return Push(PauseScene(self.services, session), then)

    def objectives(self, state: BattleState, then: Then | None = None) -> Transition:
        return Push(ObjectivesScene(self.services, state), then)

    def status(self, state: BattleState, uid: str, then: Then | None = None) -> Transition:
        return Push(StatusScene(self.services, state, uid), then)

    def unit_list(self, state: BattleState, then: Then | None = None) -> Transition:
        return Push(UnitListScene(self.services, state), then)

    def result(self, session: BattleSession) -> Transition:
        return Replace(ResultScene(self.services, session))

    # ---- between battles ---------------------------------------------------------------------
    def intermission(self, campaign: CampaignState, gains: BattleGains | None = None) -> Transition:
        return Reset(IntermissionScene(self.services, campaign, gains))

    def pilots(
        self, campaign: CampaignState, nxt: LoadedScenario | None, defs: Definitions, then: Then | None = None
    ) -> Transition:
        return Push(PilotsScene(self.services, campaign, nxt, defs), then)

    def upgrades(
        self, campaign: CampaignState, nxt: LoadedScenario | None, defs: Definitions, then: Then | None = None
    ) -> Transition:
        return Push(UpgradeScene(self.services, campaign, nxt, defs), then)

    def parts_shop(self, campaign: CampaignState, then: Then | None = None) -> Transition:
        return Push(PartsShopScene(self.services, campaign), then)

    def equip(
        self, campaign: CampaignState, nxt: LoadedScenario | None, defs: Definitions, then: Then | None = None
    ) -> Transition:
        return Push(EquipScene(self.services, campaign, nxt, defs), then)

    def training(self, campaign: CampaignState, defs: Definitions, then: Then | None = None) -> Transition:
        return Push(TrainingScene(self.services, campaign, defs), then)

    def route(self, campaign: CampaignState, story: Story, branch: Branch, then: Then | None = None) -> Transition:
        return Push(RouteScene(self.services, campaign, story, branch), then)

    def library(self, current: list[str] | None = None) -> Transition:
        histories = saved_histories(self.services)
        return Push(LibraryScene(self.services, histories if current is None else [current, *histories]))

    def save_campaign(self, campaign: CampaignState, then: Then | None = None) -> Transition:
        return Push(CampaignSlotsScene(self.services, campaign), then)
