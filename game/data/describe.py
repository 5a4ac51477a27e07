"""Short human descriptions of data entries (for `run_game.py list` and tooltips)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from game.core import effects as fx


def number(value: Any) -> str:
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"{float(value):g}"
    return str(value)


def effect(e: Any) -> str:
    """`hit +30`, `valor x2 (attack/counter)`, `barrier 1000 beam (Will>=130)`."""
    key, value = e.key, e.value
    if key in fx.FLAG_KEYS or value is True:
        text = key
    elif key in fx.MULTIPLIER_KEYS:
        text = f"{key} x{number(value)}"
    elif key in fx.SET_KEYS:
        text = f"{key} ={value}"
    elif key == fx.BARRIER_KEY:
        types = "/".join(e.types) or "all"
        text = f"barrier {value} {types}" + (f" ({e.en_cost} EN)" if e.en_cost else "")
    else:
        text = f"{key} {value:+d}" if isinstance(value, int) else f"{key} {value}"
    if e.per_level:
        text += "/level"
    conditions = when(e.when)
    return f"{text} ({conditions})" if conditions else text


def when(w: Any) -> str:
    if w is None:
        return ""
    parts = []
    if w.will_at_least is not None:
        parts.append(f"Will>={w.will_at_least}")
    if w.hp_pct_at_most is not None:
        parts.append(f"HP<={w.hp_pct_at_most}%")
    if w.hp_pct_at_least is not None:
        parts.append(f"HP>={w.hp_pct_at_least}%")
    if w.roles:
        parts.append("/".join(w.roles))
    if w.weapon_tags:
        parts.append("weapons tagged " + "/".join(w.weapon_tags))
    if w.melee is not None:
        parts.append("melee" if w.melee else "ranged")
    if w.environments:
        parts.append("in " + "/".join(w.environments))
    return ", ".join(parts)


def effects(items: Any) -> str:
    return "; ".join(effect(e) for e in items)


def weapon_flags(w: Any) -> str:
    flags = []
    if w.post_move:
        flags.append("P")
    if w.melee:
        flags.append("melee")
    flags.append(w.type)
    flags.extend(w.tags)
    if w.map_area is not None:
        flags.append("MAP")
    return ",".join(flags)


def weapon_range(w: Any) -> str:
    lo, hi = w.range
    return str(lo) if lo == hi else f"{lo}-{hi}"
