"""What each weapon looks like and what each pilot says, from the loaded data.

Battles built in code (tests, training) have no data files behind them: their weapons get
their type's default animation and their pilots the shipped quotes of the same id, if any."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.core.defs import WeaponDef
from game.data.fx_schema import PilotQuotes, WeaponAnimation, default_animation


@dataclass(frozen=True)
class FxBook:
    animations: Mapping[tuple[str, str], WeaponAnimation] = field(default_factory=dict)
    quotes: Mapping[str, PilotQuotes] = field(default_factory=dict)
    aliases: Mapping[str, str] = field(default_factory=dict)  # lower-case pilot name or alias -> id

    def animation(self, unit_id: str, weapon: WeaponDef) -> WeaponAnimation:
        found = self.animations.get((unit_id, weapon.id))
        if found is not None:
            return found
        return default_animation(weapon.type, weapon.melee, weapon.tags, weapon.map_area is not None)

    def pilot_quotes(self, pilot_id: str | None) -> PilotQuotes | None:
        return self.quotes.get(pilot_id) if pilot_id else None

    def against(self, quotes: PilotQuotes, opponent: str | None) -> list[str]:
        """The lines of `quotes` aimed at the pilot `opponent` (by id or alias)."""
        if not opponent:
            return []
        for name, lines in quotes.against.items():
            if self.aliases.get(name.lower(), name.lower()) == opponent:
                return list(lines)
        return []


def book_from_entries(entries: Mapping[str, Mapping[str, Any]]) -> FxBook:
    animations = {
        (u.id, w.id): w.animation for u in entries.get("units", {}).values() for w in u.weapons if w.animation
    }
    pilots = entries.get("pilots", {})
    quotes = {p.id: p.quotes for p in pilots.values() if p.quotes is not None}
    aliases = {a.lower(): p.id for p in pilots.values() for a in (p.id, p.name, *p.aliases)}
    return FxBook(animations, quotes, aliases)


def book_for(catalog: object) -> FxBook:
    """The book of a scenario catalog that carries loaded game data, else the defaults."""
    data = getattr(catalog, "data", None)
    entries = getattr(data, "entries", None)
    return book_from_entries(entries) if isinstance(entries, Mapping) else FxBook()
