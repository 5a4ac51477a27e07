"""Checks across entries: references resolve (ids or aliases), and combinations that the
engine would silently ignore are reported.

A reference that does not resolve is reported as an error and left out of its entry
(the pilot still loads, without that spirit), so one broken file does not take everything
that mentions it down with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from game.core import effects as fx
from game.data.aliases import SINGULAR, AliasIndex
from game.data.catalog import Entry
from game.data.located import locate
from game.data.problems import WARNING, Problem, did_you_mean, format_path
from game.data.schema import Pilot, Rules, Spirit, Unit


@dataclass
class Loaded:
    """A validated entry with the raw data it came from (for error locations)."""

    model: Any
    entry: Entry

    def problem(
        self, loc: tuple[Any, ...], message: str, *, severity: str = "error", check: str = "reference"
    ) -> Problem:
        return Problem.at(
            locate(self.entry.data, loc), self.entry.prefix + format_path(loc), message, severity=severity, check=check
        )


Store = Mapping[str, Mapping[str, Loaded]]


def build_index(store: Store) -> tuple[AliasIndex, list[Problem]]:
    index = AliasIndex()
    problems: list[Problem] = []
    for kind, entries in store.items():
        for ident in entries:
            index.add_id(kind, ident)
        for ident, item in sorted(entries.items()):
            for i, alias in enumerate(item.model.aliases):
                clash = index.add_alias(kind, alias, ident)
                if clash is not None:
                    problems.append(
                        item.problem(
                            ("aliases", i),
                            f"alias {alias!r} already names {SINGULAR[kind]} {clash!r}; this alias is ignored",
                        )
                    )
        index.add_names(kind, ((item.model.name, ident) for ident, item in entries.items()))
    return index, problems


@dataclass
class Failures:
    """What could not be loaded, so a reference to it can say so instead of "unknown"."""

    ids: dict[str, set[str]] = field(default_factory=dict)  # kind -> ids left out
    files: dict[str, list[str]] = field(default_factory=dict)  # kind -> system files left out
    deleted: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> id -> who deleted it

    def add(self, kind: str, ident: str | None, file: str) -> None:
        if ident is None:
            self.files.setdefault(kind, []).append(file)
        else:
            self.ids.setdefault(kind, set()).add(ident)


def _resolve(
    index: AliasIndex, failed: Failures, kind: str, name: str, item: Loaded, loc: tuple[Any, ...]
) -> tuple[str | None, Problem | None]:
    found = index.resolve(kind, name)
    if found is not None:
        return found, None
    what = SINGULAR[kind]
    if name in failed.ids.get(kind, set()):
        reason = f"{what} {name!r} failed to load (see its errors)"
    elif name in failed.deleted.get(kind, {}):
        reason = f"{what} {name!r} was deleted by {failed.deleted[kind][name]}"
    elif kind in failed.files:
        reason = f"unknown {what} {name!r}: {', '.join(failed.files[kind])} failed to load (see its errors)"
    else:
        return None, item.problem(loc, f"unknown {what} {name!r}{index.suggest(kind, name)}")
    # A consequence of an error reported elsewhere: a warning, so each mistake counts once.
    return None, item.problem(loc, f"{reason}; the reference is left out", severity=WARNING)


def check_references(store: dict[str, dict[str, Loaded]], index: AliasIndex, failed: Failures) -> list[Problem]:
    problems: list[Problem] = []
    for item in store.get("pilots", {}).values():
        problems.extend(_check_pilot(item, store, index, failed))
    terrain_kinds = {k for t in store.get("terrain", {}).values() for k in t.model.move_cost}
    for item in store.get("units", {}).values():
        problems.extend(_check_unit(item, index, failed, terrain_kinds))
    weapon_types = {w.type for u in store.get("units", {}).values() for w in u.model.weapons}
    weapon_tags = {t for u in store.get("units", {}).values() for w in u.model.weapons for t in w.tags}
    for kind in ("spirits", "skills", "abilities", "statuses"):
        for item in store.get(kind, {}).values():
            problems.extend(_check_effects(kind, item, weapon_types, weapon_tags))
    return problems


def _check_pilot(item: Loaded, store: Store, index: AliasIndex, failed: Failures) -> Iterable[Problem]:
    p: Pilot = item.model
    spirits = []
    seen: set[str] = set()
    for i, ref in enumerate(p.spirits):
        rid, problem = _resolve(index, failed, "spirits", ref.id, item, ("spirits", i, "id"))
        if problem:
            yield problem
        if rid is None:
            continue
        if rid in seen:
            yield item.problem(("spirits", i, "id"), f"spirit {rid!r} is listed twice")
            continue
        seen.add(rid)
        spirits.append(ref.model_copy(update={"id": rid}))
    skills = []
    seen = set()
    for i, skill in enumerate(p.skills):
        rid, problem = _resolve(index, failed, "skills", skill.id, item, ("skills", i, "id"))
        if problem:
            yield problem
        if rid is None:
            continue
        if rid in seen:
            yield item.problem(("skills", i, "id"), f"skill {rid!r} is listed twice")
            continue
        seen.add(rid)
        top = store["skills"][rid].model.max_level
        level = skill.level
        if level > top:
            yield item.problem(("skills", i, "level"), f"skill {rid!r} goes up to level {top}, not {level}")
            level = top
        skills.append(skill.model_copy(update={"id": rid, "level": level}))
    if p.personality == "none" and p.spirits:
        yield item.problem(
            ("spirits",),
            "a pilot with personality 'none' (unmanned) normally has no spirits",
            severity=WARNING,
        )
    if p.start_will is not None and p.max_will is not None and p.start_will > p.max_will:
        yield item.problem(("start_will",), f"start_will {p.start_will} is above max_will {p.max_will}")
    item.model = p.model_copy(update={"spirits": spirits, "skills": skills})


def _check_unit(item: Loaded, index: AliasIndex, failed: Failures, terrain_kinds: set[str]) -> Iterable[Problem]:
    u: Unit = item.model
    abilities = []
    seen: set[str] = set()
    for i, ref in enumerate(u.abilities):
        rid, problem = _resolve(index, failed, "abilities", ref.id, item, ("abilities", i, "id"))
        if problem:
            yield problem
        if rid is None:
            continue
        if rid in seen:
            yield item.problem(("abilities", i, "id"), f"ability {rid!r} is listed twice; raise its level instead")
            continue
        seen.add(rid)
        abilities.append(ref.model_copy(update={"id": rid}))
    successor_of = u.upgrades_from
    if successor_of is not None:
        successor_of, problem = _resolve(index, failed, "units", successor_of, item, ("upgrades_from",))
        if problem:
            yield problem
        elif successor_of == u.id:
            yield item.problem(("upgrades_from",), "a unit cannot inherit upgrades from itself")
            successor_of = None
    weapons = []
    for i, w in enumerate(u.weapons):
        if w.user_status is None:
            weapons.append(w)
            continue
        rid, problem = _resolve(index, failed, "statuses", w.user_status, item, ("weapons", i, "user_status"))
        if problem:
            yield problem
        weapons.append(w.model_copy(update={"user_status": rid}))
    if terrain_kinds and u.movement not in terrain_kinds and "default" not in terrain_kinds:
        yield item.problem(
            ("movement",),
            f"no terrain lists a move cost for movement kind {u.movement!r}{did_you_mean(u.movement, terrain_kinds)}",
            severity=WARNING,
        )
    elif terrain_kinds and u.movement not in terrain_kinds:
        yield item.problem(
            ("movement",),
            f"no terrain lists movement kind {u.movement!r}, so it always pays the 'default' cost"
            + did_you_mean(u.movement, terrain_kinds - {"default"}),
            severity=WARNING,
        )
    item.model = u.model_copy(update={"abilities": abilities, "weapons": weapons, "upgrades_from": successor_of})


def check_upgrades(store: Store, rules: Rules) -> list[Problem]:
    """Every unit's upgrade cap has a price for each step, and `upgrades_from` has no cycle."""
    problems: list[Problem] = []
    units = store.get("units", {})
    steps = min((len(c) for c in rules.upgrade_costs.values()), default=0)
    for ident, item in sorted(units.items()):
        cap = item.model.upgrade_cap if item.model.upgrade_cap is not None else rules.upgrade_cap
        if cap > steps:
            where = ("upgrade_cap",) if item.model.upgrade_cap is not None else ()
            problems.append(
                item.problem(
                    where,
                    f"upgrade cap {cap} is above the {steps} steps priced in rules.yaml upgrade_costs; "
                    f"only {steps} can be bought",
                    severity=WARNING,
                )
            )
        seen = [ident]
        parent = item.model.upgrades_from
        while parent is not None and parent in units:
            if parent in seen:
                problems.append(
                    item.problem(
                        ("upgrades_from",), f"upgrades_from goes round in a circle: {' -> '.join([*seen, parent])}"
                    )
                )
                item.model = item.model.model_copy(update={"upgrades_from": None})
                break
            seen.append(parent)
            parent = units[parent].model.upgrades_from
    return problems


def _check_effects(kind: str, item: Loaded, weapon_types: set[str], weapon_tags: set[str]) -> Iterable[Problem]:
    model = item.model
    for i, effect in enumerate(model.effects):
        key = effect.key
        loc = ("effects", i)
        if kind != "spirits" and key in fx.INSTANT_KEYS:
            yield item.problem(
                (*loc, key),
                f"'{key}' is an instant effect and only works in spirit commands, not in {kind}",
                check="schema",
            )
        if kind == "spirits" and model.duration == "instant" and key not in fx.INSTANT_KEYS:
            spirit: Spirit = model
            yield item.problem(
                (*loc, key),
                f"{spirit.name} lasts 'instant' but '{key}' is a lasting effect: give the spirit a duration "
                "such as 'turn' or 'next_attack'",
                check="schema",
            )
        if key == fx.BARRIER_KEY and weapon_types:
            for j, t in enumerate(effect.types):
                if t not in weapon_types:
                    yield item.problem(
                        (*loc, "types", j),
                        f"no weapon has type {t!r}, so this barrier never stops it{did_you_mean(t, weapon_types)}",
                        severity=WARNING,
                    )
        if effect.when is not None and weapon_tags is not None:
            for j, t in enumerate(effect.when.weapon_tags):
                if t not in weapon_tags:
                    yield item.problem(
                        (*loc, "when", "weapon_tags", j),
                        f"no weapon has tag {t!r}, so this condition never holds{did_you_mean(t, weapon_tags)}",
                        severity=WARNING,
                    )
