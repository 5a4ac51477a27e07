"""Ids and aliases: `Grimekaisar`, `GREIMKAISER` and `greimkaiser` all name the same unit.

Lookup ignores case and treats runs of spaces, hyphens and other punctuation as one
underscore, so "Layzner Mk-II" and "layzner_mk_ii" are the same name. Explicit aliases
are listed in each entry's `aliases`; an entry's display name also works when no other
entry of its kind uses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from game.data.problems import did_you_mean

KINDS: tuple[str, ...] = ("units", "pilots", "spirits", "skills", "abilities", "statuses", "terrain", "parts")
SINGULAR: dict[str, str] = {
    "units": "unit",
    "pilots": "pilot",
    "spirits": "spirit",
    "skills": "skill",
    "abilities": "ability",
    "statuses": "status",
    "terrain": "terrain type",
    "parts": "part",
}


def normalize(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.strip().lower()).strip("_")


class AliasIndex:
    """Name -> canonical id, per kind."""

    def __init__(self) -> None:
        self._names: dict[str, dict[str, str]] = {k: {} for k in KINDS}

    def add_id(self, kind: str, ident: str) -> None:
        self._names.setdefault(kind, {})[normalize(ident)] = ident

    def add_alias(self, kind: str, alias: str, ident: str) -> str | None:
        """Register `alias` for `ident`; returns the id it clashes with, if any."""
        names = self._names.setdefault(kind, {})
        key = normalize(alias)
        if not key:
            return None
        owner = names.get(key)
        if owner is not None and owner != ident:
            return owner
        names[key] = ident
        return None

    def add_names(self, kind: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Display names become aliases when exactly one entry uses them and they are free."""
        names = self._names.setdefault(kind, {})
        owners: dict[str, set[str]] = {}
        for name, ident in pairs:
            key = normalize(name)
            if key:
                owners.setdefault(key, set()).add(ident)
        for key, idents in owners.items():
            if len(idents) == 1 and key not in names:
                names[key] = next(iter(idents))

    def resolve(self, kind: str, text: str) -> str | None:
        if not isinstance(text, str):
            return None
        return self._names.get(kind, {}).get(normalize(text))

    def suggest(self, kind: str, text: str) -> str:
        return did_you_mean(normalize(text) if isinstance(text, str) else text, self.ids(kind))

    def ids(self, kind: str) -> list[str]:
        return sorted(set(self._names.get(kind, {}).values()))

    def names(self, kind: str) -> Iterable[tuple[str, str]]:
        return sorted(self._names.get(kind, {}).items())
