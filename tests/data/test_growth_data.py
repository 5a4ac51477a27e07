"""Bad growth data gets a precise message: a consumable with an ongoing effect, a part
with an instant one, an ace bonus without a pilot, a reward naming an unknown part, a
misspelt unit in the slot table. The rest still loads."""

from __future__ import annotations

import pytest

from tests.data.conftest import Game


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("    - heal_hp_pct: 100", "    - move: 1", "repair_kit.use", "'use' takes instant keys"),
        ("    - move: 1\napogee_motor", "    - heal_hp: 100\napogee_motor", "booster.effects", "not an ongoing effect"),
        ("  pilot: eiji\n", "", "ace_eiji", "an ace_bonus names its 'pilot'"),
        (
            "  kind: full_upgrade_bonus\n  description: Move +1.",
            "  kind: full_upgrade_bonus\n  price: 5\n  description: Move +1.",
            "full_move",
            "never sold",
        ),
    ],
)
def test_bad_parts(game: Game, old: str, new: str, where: str, message: str) -> None:
    game.edit("units/system/parts.yaml", old, new)
    result = game.load()
    found = [str(p) for p in result.errors]
    assert len(found) == 1 and message in found[0] and f" {where}" in found[0], found
    assert found[0].startswith("units/system/parts.yaml:")
    broken = where.split(".", maxsplit=1)[0]
    assert broken not in result.definitions.parts and "multi_sensor" in result.definitions.parts


def test_unknown_ids_in_the_campaign_block(game: Game) -> None:
    game.edit("units/system/rules.yaml", "part: a_adapter", "part: a_adaptor")
    game.edit("units/system/rules.yaml", "layzner_mk2: 4", "layzner_mk3: 4")
    result = game.load()
    errors = [str(p) for p in result.errors]
    assert len(errors) == 1 and "campaign.rewards.beautiful_le_cain.le_cain_repelled.part" in errors[0]
    assert "unknown part 'a_adaptor'" in errors[0] and "did you mean 'a_adapter'" in errors[0]
    assert errors[0].startswith("units/system/rules.yaml:")
    warnings = [str(p) for p in result.warnings]
    assert any("unknown unit 'layzner_mk3'" in w for w in warnings)
