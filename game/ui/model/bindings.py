"""Changing key bindings without leaving an action unreachable."""

from __future__ import annotations

from game.ui.input.actions import Action


def rebind(bindings: dict[str, list[str]], action: Action, key: str) -> tuple[dict[str, list[str]], str]:
    """Bind `key` as the main key of `action`; it is taken from any other action that had it.

    Returns the new bindings and a message for the player. Refuses (returning the bindings
    unchanged) when that would leave another action with no key at all.
    """
    out = {a: list(keys) for a, keys in bindings.items()}
    for other, keys in out.items():
        if other != action.value and key in keys and len(keys) == 1:
            name = other.replace("_", " ")
            return bindings, f"'{key}' is the only key for {name}; bind that action to another key first."
    moved_from = [o for o, keys in out.items() if o != action.value and key in keys]
    for other in moved_from:
        out[other] = [k for k in out[other] if k != key]
    current = out.get(action.value, [])
    rest = [k for k in current[1:] if k != key]
    out[action.value] = [key, *rest]
    message = f"{action.value.replace('_', ' ').capitalize()}: '{key}'"
    if moved_from:
        message += " (removed from " + ", ".join(m.replace("_", " ") for m in moved_from) + ")"
    return out, message
