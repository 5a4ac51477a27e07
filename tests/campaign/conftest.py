"""The shipped data and scenarios, and the campaign rules read from them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from game.campaign import CampaignRules
from game.data import LoadResult
from game.scenario import Scenario
from tests.saves.conftest import game_data, loader  # noqa: F401  (session fixtures shared with the saves tests)


@pytest.fixture(scope="session")
def rules(game_data: LoadResult) -> CampaignRules:  # noqa: F811
    return CampaignRules.from_data(game_data)


@pytest.fixture
def load(loader: Callable[[str], Scenario]) -> Callable[[str], Scenario]:  # noqa: F811
    return loader
