"""Engine messages as the player reads them.

The rules engine names units by their ids ("braver_1 cannot reach (3, 4) this phase."), which
is right for logs and tests; on screen a unit goes by its name and a pilot by theirs.
"""

from __future__ import annotations

import re

from game.core import BattleState, CastSpirit, Command
from game.core.stats import unit_def


def _names(state: BattleState) -> dict[str, str]:
    ctx = state.ctx
    names: dict[str, str] = {}
    for u in state.units.values():
        names[u.uid] = unit_def(ctx, u).name
        pilot = ctx.defs.pilots.get(u.pilot_id or "")
        if pilot is not None and u.pilot_id is not None:
            names[u.pilot_id] = pilot.name
    return names


def in_words(state: BattleState, message: str) -> str:
    """`message` with every unit id and pilot id replaced by the unit's or pilot's name."""
    names = {key: name for key, name in _names(state).items() if key != name}
    if not names:
        return message
    pattern = re.compile(r"(?<![\w'])(" + "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True)) + r")\b")
    text = pattern.sub(lambda m: names[m.group(1)], message)
    return text[:1].upper() + text[1:] if text else text


ACTION_WORDS = {
    "Move": "move",
    "Attack": "attack",
    "MapAttack": "MAP attack",
    "Wait": "wait",
    "TakeOff": "take-off",
    "Land": "landing",
    "Repair": "repair",
    "Supply": "resupply",
    "CancelMove": "undone move",
    "EndPhase": "end of phase",
}


def action_words(state: BattleState, command: Command) -> str:
    """A player's command as a short phrase: "Layzner's attack", "Eiji Asuka's Focus"."""
    uid = getattr(command, "unit", None)
    what = ACTION_WORDS.get(type(command).__name__, type(command).__name__.lower())
    if isinstance(command, CastSpirit):
        spirit = state.ctx.defs.spirits.get(command.spirit)
        what = spirit.name if spirit is not None else command.spirit
        pilot = state.units[command.unit].pilot_id if command.unit in state.units else None
        uid = pilot or uid
    return f"{in_words(state, uid)}'s {what}" if isinstance(uid, str) else what
