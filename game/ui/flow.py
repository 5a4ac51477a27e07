"""The flow between screens, as the scenes see it: one `Navigator` that knows which screen
follows which and builds them. Scenes ask it for a transition ("the briefing of X", "the
intermission") instead of importing each other; the composition root plugs in the
implementation (`game.ui.scenes.navigation.SceneNavigator`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from game.campaign import BattleGains, CampaignState
    from game.campaign.story import Branch, Story
    from game.core import BattleState
    from game.core.defs import Definitions
    from game.ui.model.catalog import LoadedScenario
    from game.ui.model.session import BattleSession
    from game.ui.scene import Then, Transition


class Navigator(Protocol):
    # ---- the title and what it opens ---------------------------------------------------------
    def title(self) -> Transition:
        """Back to the title screen (the stack is cleared)."""
        ...

    def scenario_select(self) -> Transition: ...

    def settings(self, then: Then | None = None) -> Transition: ...

    def new_campaign(self) -> Transition | None:
        """The first briefing of a new campaign (None, with a message, when there is none)."""
        ...

    def continue_suspended(self) -> Transition | None:
        """The suspended battle (or the autosave) back in play; a damaged file asks first."""
        ...

    def load_campaign(self) -> Transition:
        """The campaign save slots, to load one."""
        ...

    # ---- before a battle ---------------------------------------------------------------------
    def briefing(
        self, scenario_id: str, campaign: CampaignState | None = None, *, reset: bool = True
    ) -> Transition | None: ...

    def deploy(
        self, campaign: CampaignState, loaded: LoadedScenario, *, sortie: bool = False, then: Then | None = None
    ) -> Transition:
        """Choose who fights; `sortie` starts the battle, otherwise it pops the new campaign state."""
        ...

    def start_battle(self, loaded: LoadedScenario, campaign: CampaignState | None) -> Transition | None: ...

    def retry(self, scenario_id: str, campaign: CampaignState | None) -> Transition:
        """The same battle again from the start (the title if it cannot be loaded)."""
        ...

    # ---- in a battle -------------------------------------------------------------------------
    def pause(self, session: BattleSession, then: Then | None = None) -> Transition: ...

    def objectives(self, state: BattleState, then: Then | None = None) -> Transition: ...

    def status(self, state: BattleState, uid: str, then: Then | None = None) -> Transition: ...

    def unit_list(self, state: BattleState, then: Then | None = None) -> Transition:
        """Every unit on the map; pops Picked(uid) for the one to look at."""
        ...

    def result(self, session: BattleSession) -> Transition:
        """The victory / defeat screen in place of the finished battle."""
        ...

    # ---- between battles ---------------------------------------------------------------------
    def intermission(self, campaign: CampaignState, gains: BattleGains | None = None) -> Transition: ...

    def pilots(
        self, campaign: CampaignState, nxt: LoadedScenario | None, defs: Definitions, then: Then | None = None
    ) -> Transition: ...

    def upgrades(
        self, campaign: CampaignState, nxt: LoadedScenario | None, defs: Definitions, then: Then | None = None
    ) -> Transition:
        """The upgrade shop; pops the campaign state with the purchases."""
        ...

    def parts_shop(self, campaign: CampaignState, then: Then | None = None) -> Transition:
        """The parts shop; pops the campaign state with the purchases and sales."""
        ...

    def equip(
        self, campaign: CampaignState, nxt: LoadedScenario | None, defs: Definitions, then: Then | None = None
    ) -> Transition:
        """Parts in units' slots and full-upgrade bonuses; pops the campaign state."""
        ...

    def training(self, campaign: CampaignState, defs: Definitions, then: Then | None = None) -> Transition:
        """Pilot training with PP; pops the campaign state."""
        ...

    def route(self, campaign: CampaignState, story: Story, branch: Branch, then: Then | None = None) -> Transition:
        """The route choice at a branch; pops the campaign state on the chosen route (or None)."""
        ...

    def library(self, current: list[str] | None = None) -> Transition:
        """The encyclopedia, unlocked by the saved campaigns' battles and `current`'s."""
        ...

    def save_campaign(self, campaign: CampaignState, then: Then | None = None) -> Transition:
        """The campaign save slots, to save `campaign` (pops "saved" when it was)."""
        ...
