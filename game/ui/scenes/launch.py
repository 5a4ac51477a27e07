"""Starting, continuing and chaining battles (the scene-side glue around the catalog, the
save store and the campaign)."""

from __future__ import annotations

import random
from collections.abc import Callable

from game.campaign import CampaignError, CampaignState, battle_seed, setup_for, start_campaign
from game.saves import BattleRecord, ReplayError, restore
from game.scenario import SetupError
from game.ui.model.catalog import LoadedScenario
from game.ui.model.session import BattleSession
from game.ui.scene import Push, Replace, Reset, Transition
from game.ui.services import Services


def load_scenario(services: Services, scenario_id: str) -> LoadedScenario | None:
    """Load a scenario; on any data problem show the message and return None (never crash)."""
    try:
        return services.catalog.load(scenario_id)
    except Exception as exc:  # a broken scenario must not take the game down
        services.notify(f"Scenario {scenario_id!r} could not be loaded: {exc}", 8.0)
        return None


def scenario_loader(services: Services) -> Callable[[str], LoadedScenario]:
    """The catalog as `game.saves` wants it: ReplayError with the reason when a scenario fails."""

    def load(scenario_id: str) -> LoadedScenario:
        try:
            return services.catalog.load(scenario_id)
        except Exception as exc:
            raise ReplayError(str(exc)) from None

    return load


# ---- the campaign -----------------------------------------------------------------------------
def new_campaign(services: Services) -> Transition | None:
    order = list(services.catalog.campaign())
    if not order:
        services.notify("No campaign scenarios are installed.")
        return None
    campaign = start_campaign(order, services.catalog.campaign_rules(), seed=random.Random().randrange(2**31))
    return briefing(services, order[0], campaign)


def campaign_battle(services: Services, campaign: CampaignState) -> LoadedScenario | None:
    """The campaign's next battle with its setup (deploy picks, levels, upgrades) applied."""
    if campaign.next_scenario is None:
        return None
    loaded = load_scenario(services, campaign.next_scenario)
    if loaded is None:
        return None
    try:
        return loaded.with_setup(setup_for(campaign, loaded, services.catalog.campaign_rules()))
    except SetupError as exc:
        services.notify(f"The campaign's units do not fit {loaded.title}: {exc}", 8.0)
        return None


def intermission(services: Services, campaign: CampaignState, gains: object = None) -> Transition:
    from game.ui.scenes.intermission import IntermissionScene

    return Reset(IntermissionScene(services, campaign, gains))  # type: ignore[arg-type]


def briefing(
    services: Services, scenario_id: str, campaign: CampaignState | None = None, *, reset: bool = True
) -> Transition | None:
    from game.ui.scenes.briefing import BriefingScene

    loaded = load_scenario(services, scenario_id)
    if loaded is None:
        return None
    scene = BriefingScene(services, loaded, campaign)
    return Reset(scene) if reset else Replace(scene)


def start_battle(services: Services, loaded: LoadedScenario, campaign: CampaignState | None) -> Transition | None:
    """The battle of `loaded` (in a campaign: with the campaign's setup and the stage's seed)."""
    from game.ui.scenes.battle.scene import BattleScene

    if campaign is None:
        return Reset(BattleScene(services, BattleSession.start(loaded)))
    played = campaign_battle(services, campaign)
    if played is None:
        return None
    session = BattleSession.start(played, seed=battle_seed(campaign), campaign=campaign)
    return Reset(BattleScene(services, session))


# ---- continuing ---------------------------------------------------------------------------------
def continue_suspended(services: Services) -> Transition | None:
    """Continue the suspended battle (or the autosave). A damaged file asks whether to load
    its backup (the title screen gets the answer)."""
    from game.ui.scenes.menu import ConfirmScene

    found = services.saves.latest()
    if found is None:
        services.notify("There is no suspended battle.")
        return None
    problem = f"{found.path} {found.error.problem}" if found.error is not None else ""
    if found.record is not None:
        transition, why = resume(services, found.record)
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
                on_yes=lambda: continue_from_backup(services, name),
            )
        )
    services.notify(f"The save cannot be loaded: {problem}", 10.0)
    return None


def continue_from_backup(services: Services, name: str) -> Transition | None:
    from game.saves import SaveError

    try:
        record = services.saves.backup(name)
    except SaveError as exc:
        services.notify(f"The backup cannot be loaded either: {exc}", 10.0)
        return None
    transition, problem = resume(services, record)
    if transition is None:
        services.notify(f"The backup cannot be loaded either: {problem}", 10.0)
        return None
    services.notify("Continuing from the backup.", 5.0)
    return transition


def resume(services: Services, record: BattleRecord) -> tuple[Transition | None, str | None]:
    """The battle in `record` back in play; (None, why) when it cannot be."""
    from game.ui.scenes.battle.scene import BattleScene

    loader = scenario_loader(services)
    try:
        current = loader(record.scenario)
        restored = restore(record, current.data_hash, loader)
    except ReplayError as exc:
        return None, f"the battle cannot be continued: {exc}"
    campaign = None
    raw = record.extra.get("campaign")
    if raw is not None:
        try:
            campaign = CampaignState.from_json(raw)
        except CampaignError as exc:
            services.notify(f"The campaign in this save is damaged ({exc}); the battle goes on outside it.", 8.0)
    if restored.note:
        services.notify(restored.note, 8.0)
    session = BattleSession(restored.scenario, restored.state, [], list(restored.commands), campaign)  # type: ignore[arg-type]
    services.saves.discard_suspend()
    return Reset(BattleScene(services, session, resumed=True)), None
