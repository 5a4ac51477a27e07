"""`run_game.py validate`, `list` and `schema`."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.tools.listing import CATEGORIES
from tests.data.conftest import Game


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_validate_clean_data_exits_0(capsys: pytest.CaptureFixture[str], game: Game) -> None:
    code, out = run(capsys, "validate", "--game-dir", str(game.root), "--no-user-mods", "--no-assets")
    assert code == 0
    assert "Loaded 31 units, 27 pilots" in out and "No problems found." in out


def test_validate_prints_every_problem_and_exits_1(capsys: pytest.CaptureFixture[str], game: Game) -> None:
    game.edit("units/braver.yaml", "hp: 2000", "hp: x")
    game.edit("units/dtol.yaml", "move: 6", "mvoe: 6")
    code, out = run(capsys, "validate", "--game-dir", str(game.root), "--no-user-mods", "--no-assets")
    assert code == 1
    assert "units/braver.yaml:5:5: error: hp: expected a whole number, got 'x' [schema]" in out
    assert "units/dtol.yaml:10:1: error: mvoe: unknown key 'mvoe' (did you mean 'move'?) [schema]" in out
    assert "3 errors" in out


def test_validate_reports_missing_art_as_its_own_check(capsys: pytest.CaptureFixture[str], game: Game) -> None:
    code, out = run(capsys, "validate", "--game-dir", str(game.root), "--no-user-mods")
    assert code == 1
    assert "-- asset files (sprites, portraits) --" in out
    assert "units/layzner.yaml:2:1: error: sprite: map sprite sprites/units/layzner.png is missing" in out
    assert "errors by check: 58 asset" in out


def test_validate_with_a_fixture_asset_folder_is_clean(capsys: pytest.CaptureFixture[str], game: Game) -> None:
    result = game.load()
    for unit in result.entries["units"].values():
        _touch(game.root / "assets/sprites/units" / f"{unit.sprite_id}.png")
    for pilot in result.entries["pilots"].values():
        _touch(game.root / "assets/portraits" / f"{pilot.portrait_id}.png")
    code, out = run(capsys, "validate", "--game-dir", str(game.root), "--no-user-mods")
    assert code == 0, out
    (game.root / "assets/portraits/eiji.png").unlink()
    code, out = run(capsys, "validate", "--game-dir", str(game.root), "--no-user-mods")
    assert code == 1 and "portraits/eiji.png is missing" in out and "1 error" in out


def _touch(path: Path) -> None:
    """A 1x1 PNG (validate reads every image's header)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 5)) + chunk(b"IEND", b"")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)


def test_validate_with_mods_and_overrides(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    code, out = run(
        capsys, "validate", "--no-user-mods", "--no-assets", "--mods", str(repo / "docs/examples/mods"),
        "--set", "units.braver.hp=lots",
    )  # fmt: skip
    assert code == 1
    assert "mods: veteran_grados 1.0.0" in out
    assert "override 'units.braver.hp=lots': error: hp: expected a whole number" in out


@pytest.mark.parametrize("category", sorted(CATEGORIES))
def test_list_every_category(capsys: pytest.CaptureFixture[str], category: str) -> None:
    code, out = run(capsys, "list", category, "--no-user-mods")
    assert code == 0 and out.strip()


def test_list_shows_the_data(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    _, units = run(capsys, "list", "units", "--no-user-mods")
    assert any(line.startswith("layzner ") and "3700" in line and "A/A/C/A" in line for line in units.splitlines())
    _, weapons = run(capsys, "list", "weapons", "--no-user-mods")
    assert any(line.startswith("layzner.v_max ") and "3800" in line and "vmax" in line for line in weapons.splitlines())
    _, spirits = run(capsys, "list", "spirits", "--no-user-mods")
    assert any(line.startswith("valor ") and "valor x2 (attack/counter/map)" in line for line in spirits.splitlines())
    _, terrain = run(capsys, "list", "terrain", "--no-user-mods")
    assert any(line.startswith("base ") and "HP 10% EN 10%" in line for line in terrain.splitlines())
    _, mods = run(capsys, "list", "mods", "--no-user-mods", "--mods", str(repo / "docs/examples/mods"))
    assert "veteran_grados" in mods and "loaded" in mods


def test_list_categories_are_extensible(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from game.tools import listing

    monkeypatch.setitem(listing.CATEGORIES, "scenarios", ("scenarios", lambda ctx: ["s1", "s2"]))
    code, out = run(capsys, "list", "scenarios", "--no-user-mods")
    assert code == 0 and out.split() == ["s1", "s2"]


def test_schema_command_writes_every_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out = run(capsys, "schema", str(tmp_path))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(Path(line).name for line in out.split())
    assert (tmp_path / "unit.schema.json").read_text().startswith("{")
