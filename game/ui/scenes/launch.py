"""Starting, continuing and chaining battles (the scene-side glue around the catalog)."""

from __future__ import annotations

from game.ui.model.catalog import LoadedScenario
from game.ui.model.session import BattleSession, CampaignProgress
from game.ui.scene import Replace, Reset, Transition
from game.ui.services import Services


def load_scenario(services: Services, scenario_id: str) -> LoadedScenario | None:
    """Load a scenario; on any data problem show the message and return None (never crash)."""
    try:
        return services.catalog.load(scenario_id)
    except Exception as exc:  # a broken scenario must not take the game down
        services.notify(f"Scenario {scenario_id!r} could not be loaded: {exc}", 8.0)
        return None


def briefing(
    services: Services, scenario_id: str, campaign: CampaignProgress | None = None, *, reset: bool = True
) -> Transition | None:
    from game.ui.scenes.briefing import BriefingScene

    loaded = load_scenario(services, scenario_id)
    if loaded is None:
        return None
    scene = BriefingScene(services, loaded, campaign)
    return Reset(scene) if reset else Replace(scene)


def new_campaign(services: Services) -> Transition | None:
    order = list(services.catalog.campaign())
    if not order:
        services.notify("No campaign scenarios are installed.")
        return None
    return briefing(services, order[0], CampaignProgress(order, 0))


def start_battle(services: Services, loaded: LoadedScenario, campaign: CampaignProgress | None) -> Transition:
    from game.ui.scenes.battle.scene import BattleScene

    session = BattleSession.start(loaded, campaign=campaign)
    return Reset(BattleScene(services, session))


def continue_suspended(services: Services) -> Transition | None:
    from game.ui.scenes.battle.scene import BattleScene

    data, message = services.saves.resume()
    if message:
        services.notify(message, 8.0)
    if data is None:
        services.notify("There is no suspended battle.")
        return None
    loaded = load_scenario(services, str(data.get("scenario")))
    if loaded is None:
        return None
    try:
        session = BattleSession.restore(loaded, data)
    except ValueError as exc:
        services.notify(str(exc), 8.0)
        return None
    from game.ui.model.session_store import definitions_hash

    if data.get("data_hash") and data["data_hash"] != (loaded.data_hash or definitions_hash(loaded.ctx.defs)):
        services.notify("The game data changed since this battle was saved; it may play differently.", 6.0)
    services.saves.discard_suspend()
    return Reset(BattleScene(services, session, resumed=True))
