"""Warnings about how battles will look: weapons without an animation, effects, trails and
sounds that no asset folder has, quotes aimed at pilots that do not exist.

Never errors: the battle scene can always play a weapon's default animation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from game.data.asset_check import find_asset
from game.data.fx_schema import default_kind
from game.data.problems import Problem
from game.data.references import Loaded

CHECK = "animation"


def check_presentation(store: Mapping[str, Mapping[str, Loaded]], asset_dirs: Sequence[Path]) -> list[Problem]:
    """`asset_dirs` empty: the asset files are not looked for."""
    problems: list[Problem] = []
    for item in store.get("units", {}).values():
        for i, w in enumerate(item.model.weapons):
            loc: tuple[object, ...] = ("weapons", i)
            anim = w.animation
            if anim is None:
                kind = default_kind(w.type, w.melee, w.tags, w.map_area is not None)
                problems.append(
                    item.problem(
                        loc,
                        f"weapon {w.id!r} has no animation; the battle scene plays the default for its type ({kind})",
                        severity="warning",
                        check=CHECK,
                    )
                )
                continue
            if not asset_dirs:
                continue
            wanted = [("effect", Path("effects") / f"{anim.effect_id}.png"), ("sound", _sound(anim.sound_id))]
            if anim.trail:
                wanted.append(("trail", Path("effects") / f"{anim.trail}.png"))
            for field, rel in wanted:
                if find_asset(asset_dirs, rel) is None:
                    problems.append(
                        item.problem(
                            (*loc, "animation", field),
                            f"{rel.as_posix()} is missing; the battle scene draws a plain shape instead",
                            severity="warning",
                            check=CHECK,
                        )
                    )
    pilots = store.get("pilots", {})
    known = {k.lower() for k in pilots} | {a.lower() for p in pilots.values() for a in p.model.aliases}
    for item in pilots.values():
        quotes = item.model.quotes
        if quotes is None:
            continue
        for name in quotes.against:
            if name.lower() not in known:
                problems.append(
                    item.problem(
                        ("quotes", "against", name),
                        f"no pilot is called {name!r}; these lines are never said",
                        severity="warning",
                        check=CHECK,
                    )
                )
    return problems


def _sound(sound_id: str) -> Path:
    return Path("sounds") / f"{sound_id}.wav"
