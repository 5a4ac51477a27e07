"""docs/MODDING.md keeps up with the engine's effect vocabulary."""

from __future__ import annotations

from pathlib import Path

from game.core import effects as fx
from game.core.defs import PERSONALITIES, SPIRIT_TARGETS
from game.data.effect_schema import KEY_HELP


def test_modding_guide_lists_every_effect_key_duration_and_target(repo: Path) -> None:
    text = (repo / "docs/MODDING.md").read_text(encoding="utf-8")
    for key in sorted(fx.ALL_KEYS):
        assert f"| `{key}` |" in text, key
    for duration in fx.DURATIONS:
        assert f"| `{duration}` |" in text, duration
    for word in (*SPIRIT_TARGETS, *PERSONALITIES, *fx.ROLES):
        assert word in text, word


def test_every_effect_key_has_editor_help() -> None:
    assert set(KEY_HELP) == set(fx.ALL_KEYS)


def test_modding_guide_lists_every_growth_field(repo: Path) -> None:
    from game.data.growth_schema import CampaignGrowth, Part

    text = (repo / "docs/MODDING.md").read_text(encoding="utf-8")
    for name in CampaignGrowth.model_fields:
        assert f"`{name}`" in text, name
    for name in set(Part.model_fields) - {"id", "name", "aliases", "description"}:
        assert f"| `{name}` |" in text, name
    for kind in ("part", "consumable", "ace_bonus", "full_upgrade_bonus"):
        assert f"`{kind}`" in text, kind
