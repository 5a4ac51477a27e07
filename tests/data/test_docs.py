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


def test_modding_and_saves_guides_list_the_limits(repo: Path) -> None:
    """The limits the docs give are the ones the code enforces."""
    from game.assets.image_check import IMAGE_LIMITS
    from game.data.scenario_schema import MAX_EFFECT_VALUE
    from game.data.yaml_reader import DEFAULT_LIMITS, MAX_NUMBER_CHARS
    from game.maps import precheck
    from game.saves import commands, files, records, state_check

    modding = (repo / "docs/MODDING.md").read_text(encoding="utf-8")
    for number in (
        DEFAULT_LIMITS.max_bytes,
        DEFAULT_LIMITS.max_values,
        IMAGE_LIMITS.max_pixels,
        MAX_EFFECT_VALUE,
        precheck.MAX_OBJECTS,
        precheck.MAX_POINTS,
        precheck.MAX_COORD,
        precheck.MAX_SHAPE_WORK,
    ):
        assert f"{number:,}" in modding, number
    for text in (
        f"nested at most {DEFAULT_LIMITS.max_depth} levels",
        f"at most {MAX_NUMBER_CHARS} characters",
        f"{IMAGE_LIMITS.max_side} pixels either way",
        f"{IMAGE_LIMITS.max_bytes // 2**20} MiB",
        f"{precheck.MAX_FILE_BYTES // 2**20} MiB",
        f"1 to {precheck.MAX_SIDE} tiles",
    ):
        assert text in modding, text
    saves = (repo / "docs/SAVES.md").read_text(encoding="utf-8")
    for text in (
        f"at most {files.MAX_SAVE_BYTES // 2**20} MiB",
        f"at most {files.MAX_NUMBER_CHARS} characters",
        f"1 to {commands.MAX_TEXT} characters",
        f"within {commands.MAX_COORD:,}",
        f"within {commands.MAX_INT:,}",
        f"1 to {state_check.MAX_TURN:,}",
        f"level (1 to {state_check.MAX_LEVEL})",
        f"{records.MAX_COMMANDS:,} commands and {records.MAX_UNITS:,} units",
    ):
        assert text in saves, text
