"""Loading what a battle needs (the scene-side glue around the catalog, the save store and
the campaign). Which screen comes next is the navigator's business (`navigation`)."""

from __future__ import annotations

from collections.abc import Callable

from game.campaign import CampaignError, CampaignState, setup_for
from game.saves import BattleRecord, ReplayError, restore
from game.scenario import SetupError
from game.ui.model.catalog import LoadedScenario
from game.ui.model.session import BattleSession
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


def restored_session(services: Services, record: BattleRecord) -> tuple[BattleSession | None, str | None]:
    """The battle in `record` as a session to play on; (None, why) when it cannot be."""
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
    used = record.extra.get("rewinds_used", 0)
    session.rewinds_used = used if isinstance(used, int) and used >= 0 else 0
    services.saves.discard_suspend()
    return session, None
