"""The library: an encyclopedia of the story's units and pilots and the story so far, filled
from the data (names, descriptions, stats, portraits) and the scenarios (briefings). An
entry is unlocked once a won battle has fielded it, on any side."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from game.core.defs import Definitions, PilotDef, UnitDef
from game.core.script import Deployment, Spawn
from game.ui.model.catalog import LoadedScenario

KINDS = ("story", "unit", "pilot")
KIND_TITLES = {"story": "The Story So Far", "unit": "Machines", "pilot": "People"}
HIDDEN_TITLE = "? ? ?"


@dataclass(frozen=True)
class LibraryEntry:
    kind: str  # one of KINDS
    id: str
    title: str
    subtitle: str = ""
    text: str = ""
    facts: tuple[str, ...] = ()
    portrait: str | None = None  # a pilot id for the portrait art
    unlocked: bool = False


@dataclass(frozen=True)
class Library:
    entries: tuple[LibraryEntry, ...]

    def of(self, kind: str) -> list[LibraryEntry]:
        return [e for e in self.entries if e.kind == kind]

    def count(self, kind: str) -> tuple[int, int]:
        """(unlocked, total) entries of `kind`."""
        shown = self.of(kind)
        return sum(e.unlocked for e in shown), len(shown)


def fielded(scenario: LoadedScenario) -> list[Deployment]:
    """Every unit a battle can put on the map: its starting units and its scripted arrivals."""
    out = list(scenario.listed or scenario.deployments)
    for t in scenario.ctx.script.triggers:
        out += [d for a in t.actions if isinstance(a, Spawn) for d in a.units]
    return out


def _unit_entry(u: UnitDef, unlocked: bool) -> LibraryEntry:
    facts = [
        f"HP {u.hp:,}   EN {u.en}   Mobility {u.mobility}   Armor {u.armor}   Move {u.move}   Size {u.size}",
    ]
    facts += [
        f"{w.name}: power {w.power:,}, range {w.range_min}-{w.range_max}"
        + (f", {w.en_cost} EN" if w.en_cost else "")
        + (f", {w.ammo} shots" if w.ammo else "")
        + (f", Will {w.will}" if w.will else "")
        for w in u.weapons
    ]
    text = " ".join(u.description.split())
    return LibraryEntry("unit", u.id, u.name, u.kind.capitalize(), text, tuple(facts), None, unlocked)


def _pilot_entry(p: PilotDef, unlocked: bool) -> LibraryEntry:
    s = p.stats
    facts = [
        f"Level {p.level}   Melee {s.melee}   Ranged {s.ranged}   Skill {s.skill}   Defense {s.defense}",
        f"Hit {s.hit}   Evade {s.evade}   SP {s.sp}   Personality {p.personality}",
    ]
    if p.spirits:
        facts.append("Spirits: " + ", ".join(r.id.replace("_", " ").title() for r in p.spirits))
    return LibraryEntry("pilot", p.id, p.name, "", " ".join(p.description.split()), tuple(facts), p.id, unlocked)


def build_library(
    defs: Definitions,
    scenarios: Sequence[str],
    won: Collection[str],
    load: Callable[[str], LoadedScenario | None],
) -> Library:
    """The library for a player who has won the battles `won`: story chapters for the
    campaign's `scenarios` in order, then every unit and pilot of the data."""
    met_units: set[str] = set()
    met_pilots: set[str] = set()
    chapters: list[LibraryEntry] = []
    for sid in scenarios:
        loaded = load(sid)
        if loaded is None:
            continue
        done = sid in won
        if done:
            for d in fielded(loaded):
                met_units.add(d.unit)
                if d.pilot is not None:
                    met_pilots.add(d.pilot)
        text = " ".join(loaded.info.briefing.split())  # YAML block text: one paragraph
        chapters.append(LibraryEntry("story", sid, loaded.info.title, loaded.info.location, text, (), None, done))
    units = sorted(defs.units.values(), key=lambda u: u.name)
    pilots = sorted(defs.pilots.values(), key=lambda p: p.name)
    return Library(
        (
            *chapters,
            *(_unit_entry(u, u.id in met_units) for u in units),
            *(_pilot_entry(p, p.id in met_pilots) for p in pilots),
        )
    )


def won_battles(histories: Iterable[Iterable[str]]) -> set[str]:
    """The scenario ids won in any of the given campaign histories."""
    return {sid for h in histories for sid in h}
