"""The data hash: equal data, equal hash; any change to the data changes it."""

from __future__ import annotations

from game.data import LoadResult
from tests.data.conftest import Game


def test_hash_is_stable(game: Game, shipped: LoadResult) -> None:
    first, second = game.load(), game.load()
    assert first.data_hash == second.data_hash == shipped.data_hash
    assert len(first.data_hash) == 64


def test_comments_and_layout_do_not_change_the_hash(game: Game) -> None:
    before = game.load().data_hash
    game.edit("units/braver.yaml", "hp: 2000", "hp:   2000   # same value")
    game.edit("units/braver.yaml", "ranks: A/A/C/A", "ranks: {air: A, land: A, sea: C, space: A}")
    assert game.load().data_hash == before


def test_any_change_changes_the_hash(game: Game) -> None:
    hashes = {game.load().data_hash}
    game.edit("units/braver.yaml", "hp: 2000", "hp: 2001")
    hashes.add(game.load().data_hash)
    game.edit("units/system/rules.yaml", "crit_mul: 1.25", "crit_mul: 1.3")
    hashes.add(game.load().data_hash)
    game.edit("units/pilots/eiji.yaml", "name: Eiji Asuka", "name: Eiji")
    hashes.add(game.load().data_hash)
    game.mod("m", "id: m\nname: M\nversion: '1'\n", {"units/dtol.yaml": "funds: 1\n"})
    hashes.add(game.load().data_hash)
    assert len(hashes) == 5
