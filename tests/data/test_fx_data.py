"""Weapon animations and pilot quotes in the data: every shipped weapon has one that fits it,
a modder's weapon without one gets its type's default and a warning, and neither changes
the data hash (they change no rule)."""

from __future__ import annotations

import pytest

from game.data import LoadResult, load_game_data
from game.data.fx_schema import ANIMATION_KINDS, default_kind
from tests.data.conftest import REPO, Game

MELEE_KINDS = {"melee_dash", "claw", "ram", "vmax"}


@pytest.fixture(scope="module")
def with_assets() -> LoadResult:
    return load_game_data(REPO, user_mods=False, check_assets_exist=True)


def _weapons(result: LoadResult):  # type: ignore[no-untyped-def]
    for unit in result.entries["units"].values():
        for w in unit.weapons:
            yield unit, w


def test_every_shipped_weapon_has_an_animation_that_fits_it(shipped: LoadResult) -> None:
    seen = set()
    for unit, w in _weapons(shipped):
        where = f"{unit.id}.{w.id}"
        anim = w.animation
        assert anim is not None, f"{where} has no animation"
        assert anim.kind in ANIMATION_KINDS
        seen.add(anim.kind)
        if "vmax" in w.tags:
            assert anim.kind == "vmax" and anim.trail in ("vmax_trail", "red_power_trail") and anim.cut_in, where
        elif w.melee:
            assert anim.kind in MELEE_KINDS, where
        else:
            assert anim.kind not in MELEE_KINDS, where
        if w.type == "fire":
            assert anim.kind == "flamethrower", where
        if w.type == "beam" and not w.melee:
            assert anim.kind in ("beam", "rifle"), where
        assert anim.seconds > 0.5
    # the show's signature moves have their own look
    units = shipped.entries["units"]
    v_max = next(w for w in units["layzner"].weapons if w.id == "v_max").animation
    v_maximum = next(w for w in units["layzner_mk2"].weapons if w.id == "v_maximum").animation
    red = next(w for w in units["zakarl"].weapons if w.id == "v_max_red_power").animation
    assert v_max and v_maximum and red
    assert v_maximum.scale > v_max.scale and v_maximum.seconds > v_max.seconds
    assert red.trail == "red_power_trail" and red.colour is not None and red.colour.lower().startswith("#ff")
    assert {"beam", "rifle", "missile_salvo", "melee_dash", "claw", "flamethrower", "vmax"} <= seen


def test_every_named_asset_of_an_animation_exists(with_assets: LoadResult) -> None:
    assert [str(p) for p in with_assets.problems if p.check == "animation"] == []
    for unit, w in _weapons(with_assets):
        anim = w.animation
        assert anim is not None
        assert (REPO / "assets/effects" / f"{anim.effect_id}.png").is_file(), f"{unit.id}.{w.id}"
        assert (REPO / "assets/sounds" / f"{anim.sound_id}.wav").is_file(), f"{unit.id}.{w.id}"
        if anim.trail:
            assert (REPO / "assets/effects" / f"{anim.trail}.png").is_file()


def test_a_weapon_without_an_animation_gets_its_types_default_with_a_warning(game: Game) -> None:
    game.mod(
        "m",
        "id: m\nname: M\nversion: '1.0'\n",
        {
            "units/braver.yaml": "weapons:\n  - id: flamer\n    name: Flamer\n    power: 1000\n    type: fire\n",
        },
    )
    result = game.load()
    assert result.errors == []
    warnings = [p for p in result.problems if p.check == "animation"]
    assert len(warnings) == 1
    w = warnings[0]
    assert w.severity == "warning" and "flamer" in w.message and "flamethrower" in w.message
    assert w.file is not None and w.file.endswith("mods/m/units/braver.yaml") and w.line == 2


def test_missing_effect_art_is_a_warning(game: Game) -> None:
    game.edit("units/braver.yaml", "effect: knuckle_shot", "effect: no_such_effect")
    (game.root / "assets").symlink_to(REPO / "assets")
    result = game.load(check_assets_exist=True)
    found = [p for p in result.problems if p.check == "animation"]
    assert len(found) == 1 and "effects/no_such_effect.png is missing" in found[0].message
    assert not found[0].is_error


def test_a_bad_animation_is_an_error_naming_the_field(game: Game) -> None:
    game.edit("units/braver.yaml", "kind: melee_dash", "kind: dance")
    result = game.load()
    text = result.format_problems()
    assert "units/braver.yaml" in text and "animation.kind" in text and "melee_dash" in text


def test_animations_and_quotes_are_not_in_the_data_hash(game: Game, shipped: LoadResult) -> None:
    base = game.load().data_hash
    game.edit("units/braver.yaml", "kind: melee_dash", "kind: claw")
    game.edit("units/pilots/eiji.yaml", "  attack:\n", "  attack:\n    - 'Here I come.'\n")
    changed = game.load()
    assert changed.errors == []
    assert changed.data_hash == base
    assert changed.entries["pilots"]["eiji"].quotes is not None


@pytest.mark.parametrize(
    ("weapon_type", "melee", "tags", "map_weapon", "kind"),
    [
        ("beam", False, (), False, "beam"),
        ("solid", False, (), False, "rifle"),
        ("solid", True, (), False, "melee_dash"),
        ("ram", True, (), False, "ram"),
        ("fire", False, (), False, "flamethrower"),
        ("ram", True, ("vmax",), False, "vmax"),
        ("beam", False, (), True, "map_blast"),
    ],
)
def test_default_kinds(weapon_type: str, melee: bool, tags: tuple[str, ...], map_weapon: bool, kind: str) -> None:
    assert default_kind(weapon_type, melee, tags, map_weapon) == kind


def test_list_weapons_shows_each_animation(capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    assert main(["list", "weapons", "--game-dir", str(REPO), "--no-user-mods"]) == 0
    out = capsys.readouterr().out
    header, *rows = out.splitlines()
    assert "animation" in header
    v_max = next(r for r in rows if r.startswith("layzner.v_max "))
    assert "vmax" in v_max and "vmax_trail" in v_max and "cut-in" in v_max


def test_list_pilots_counts_quotes(capsys: pytest.CaptureFixture[str], shipped: LoadResult) -> None:
    from game.cli import main

    assert main(["list", "pilots", "--game-dir", str(REPO), "--no-user-mods"]) == 0
    out = capsys.readouterr().out
    header, _, *rows = out.splitlines()
    assert header.split()[-1] == "quotes"
    eiji = next(r for r in rows if r.startswith("eiji "))
    quotes = shipped.entries["pilots"]["eiji"].quotes
    assert int(eiji.split()[-1]) == (quotes.count() if quotes else 0)
