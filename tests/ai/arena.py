"""Battles for testing and measuring the AI (tests and `benchmarks/`): a mirrored arena
and a large crowded map, built in code."""

from __future__ import annotations

from game.core.engine import new_battle
from game.core.headless import make_context
from game.core.script import Deployment
from game.core.state import BattleState
from tests.ai.roster import definitions

# Left half of a 20x12 arena; the right half mirrors it. Forest and mountain give cover,
# water and cliffs channel movement, a base on each side heals.
HALF = [
    "..........",
    "...f......",
    ".B..f..^..",
    "....ff.^..",
    "......~~..",
    "..#...~...",
    "..#...~...",
    "......~~..",
    "....ff.^..",
    ".B..f..^..",
    "...f......",
    "..........",
]
ARENA = [row + row[::-1] for row in HALF]
WIDTH = len(ARENA[0])

# (unit, pilot, x, y) for the left side; the right side mirrors x. The hero Layzner is kept
# out (see HERO_FORCE): with Eiji at high Will grunts barely hit it, so a lone surviving
# Layzner turns a run into a turn-limit draw whichever AI plays it.
FORCE = [
    ("dtol", "grunt", 3, 5),
    ("braver", "grunt", 3, 3),
    ("braver", "grunt", 3, 8),
    ("dtol", "grunt", 1, 4),
    ("gunstaid", "grunt", 1, 7),
    ("doll", "rookie", 0, 6),
]


HERO_FORCE = [("layzner", "eiji", 3, 5), *FORCE[1:]]


def arena_battle(
    seed: int,
    *,
    left: str = "player",
    phase_order: tuple[str, str] = ("player", "enemy"),
    force: list[tuple[str, str, int, int]] | None = None,
) -> BattleState:
    """The mirrored arena: `left` is the side deployed on the left; `phase_order` who moves first."""
    ctx = make_context(definitions(), ARENA, sides=phase_order)
    right = "enemy" if left == "player" else "player"
    deps = []
    for i, (unit, pilot, x, y) in enumerate(force or FORCE):
        deps.append(Deployment(unit, left, pilot=pilot, pos=(x, y), uid=f"{left}_{i}"))
        deps.append(Deployment(unit, right, pilot=pilot, pos=(WIDTH - 1 - x, y), uid=f"{right}_{i}"))
    state, _ = new_battle(ctx, deps, seed)
    return state


# A 26x20 map for speed measurements when no shipped map is larger: 30 enemy units on the
# right two thirds, 12 player units on the left.
BIG = [
    "..........................",
    "...ff.......^^.......ff...",
    "...ff..~~...^^...~~..ff...",
    ".......~~..........~~.....",
    "..^^.........ff.........^.",
    "..^^....ff...ff....ff...^.",
    "........ff.........ff.....",
    "...~~~..........#.........",
    "...~~~....B.....#...~~~...",
    "..........................",
    "......ff..........ff......",
    "..^...ff...~~~~...ff...^..",
    "..^........~~~~........^..",
    "..........................",
    "....ff....#....#....ff....",
    "....ff....#....#....ff....",
    "..........................",
    "..~~....^^......^^....~~..",
    "..~~....^^......^^....~~..",
    "..........................",
]
ENEMY_TYPES = ["braver", "braver", "dtol", "gunstaid", "braver", "dtol"]
PLAYER_TYPES = ["layzner", "doll", "dtol", "braver"]


def big_battle(seed: int = 1, enemies: int = 30, players: int = 12) -> BattleState:
    """`players` units in the left columns, `enemies` in the right ones; player phase first."""
    ctx = make_context(definitions(), BIG, sides=("player", "enemy"))
    free = [(x, y) for x in range(len(BIG[0])) for y in range(len(BIG)) if BIG[y][x] == "." and (x + y) % 2 == 0]
    left = sorted((p for p in free if p[0] <= 6), key=lambda p: (p[0], p[1]))
    right = sorted((p for p in free if p[0] >= 13), key=lambda p: (-p[0], p[1]))
    deps = []
    for i in range(players):
        unit = PLAYER_TYPES[i % len(PLAYER_TYPES)] if i else "layzner"
        pilot = "eiji" if unit == "layzner" else "rookie" if unit == "doll" else "grunt"
        deps.append(Deployment(unit if i else "layzner", "player", pilot=pilot, pos=left[i], uid=f"p{i}"))
    for i in range(enemies):
        unit = ENEMY_TYPES[i % len(ENEMY_TYPES)]
        deps.append(Deployment(unit, "enemy", pilot="grunt", pos=right[i], uid=f"e{i}"))
    state, _ = new_battle(ctx, deps, seed)
    return state
