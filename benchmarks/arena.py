"""Battles for measuring the AI: a mirrored arena and a large crowded map, built in code."""

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


# A 26x20 map with 30 units (15 a side) for speed measurements when no shipped map is larger.
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
    "......................... ",
    "....ff....#....#....ff....",
    "....ff....#....#....ff....",
    "..........................",
    "..~~....^^......^^....~~..",
    "..~~....^^......^^....~~..",
    "..........................",
]
BIG = [row.replace(" ", ".") for row in BIG]
BIG_FORCE = [
    "layzner",
    "braver",
    "braver",
    "dtol",
    "gunstaid",
    "doll",
    "braver",
    "dtol",
    "braver",
    "gunstaid",
    "braver",
    "dtol",
    "braver",
    "braver",
    "dtol",
]


def big_battle(seed: int = 1) -> BattleState:
    """15 player units on the left, 15 enemies on the right, enemy phase next."""
    ctx = make_context(definitions(), BIG, sides=("player", "enemy"))
    deps = []
    for i, unit in enumerate(BIG_FORCE):
        y = 1 + (i * 6) % 19
        x = i // 4
        pilot = "eiji" if unit == "layzner" else "rookie" if unit == "doll" else "grunt"
        deps.append(Deployment(unit, "player", pilot=pilot, pos=(x + 1, y), uid=f"p{i}"))
        deps.append(Deployment(unit, "enemy", pilot=pilot, pos=(24 - x - 4, y), uid=f"e{i}"))
    state, _ = new_battle(ctx, deps, seed)
    return state
