"""Cross-checks of the growth data: the ids the rules.yaml `campaign:` block and the parts
name (parts, units, pilots, skills) exist, and a named pilot has one ace bonus at most."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from game.data.located import locate
from game.data.problems import WARNING, Mark, Problem, did_you_mean, format_path
from game.data.references import Failures, Store
from game.data.schema import Rules

RULES_FILE = "units/system/rules.yaml"


def check_growth(store: Store, rules: Rules, rules_data: Any, failed: Failures | None = None) -> list[Problem]:
    """Problems of the growth data; ids that failed to load or were deleted are not
    reported again (their own errors say why)."""
    failed = failed or Failures()
    problems: list[Problem] = []
    growth = rules.campaign

    def at(loc: tuple[Any, ...], message: str, severity: str = "error") -> None:
        mark = locate(rules_data, loc) if rules_data is not None else Mark(RULES_FILE)
        problems.append(Problem.at(mark, format_path(loc), message, severity=severity, check="reference"))

    def known(kind: str, ident: str, loc: tuple[Any, ...], what: str) -> None:
        ids = store.get(kind, {})
        gone = ident in failed.ids.get(kind, set()) or ident in failed.deleted.get(kind, {}) or kind in failed.files
        if ident not in ids and not gone:
            # A unit may be deleted by a mod that does not know this table: a warning only.
            severity = WARNING if kind == "units" else "error"
            at(loc, f"unknown {what} {ident!r}{did_you_mean(ident, list(ids))}", severity)

    parts = store.get("parts", {})
    for unit in growth.unit_part_slots:
        known("units", unit, ("campaign", "unit_part_slots", unit), "unit")
    for part in growth.start_parts:
        known("parts", part, ("campaign", "start_parts", part), "part")
    for skill in growth.skill_costs:
        known("skills", skill, ("campaign", "skill_costs", skill), "skill")
    for scenario, rewards in growth.rewards.items():
        for bonus, reward in rewards.items():
            if reward.part is not None:
                known("parts", reward.part, ("campaign", "rewards", scenario, bonus, "part"), "part")
    if growth.bonus_reward.part is not None:
        known("parts", growth.bonus_reward.part, ("campaign", "bonus_reward", "part"), "part")
    for part, kind in _earned_only(parts):
        if kind == "part" and not any(part == p for p in _given_parts(rules)):
            item = parts[part]
            problems.append(
                item.problem(
                    ("price",),
                    f"part {part!r} has no price and no reward gives it: it can never be had",
                    severity=WARNING,
                )
            )
    aces: dict[str, str] = {}
    pilots = store.get("pilots", {})
    for ident, item in sorted(parts.items()):
        pilot = item.model.pilot
        if pilot is None:
            continue
        gone = pilot in failed.ids.get("pilots", set()) or pilot in failed.deleted.get("pilots", {})
        if pilot not in pilots and not gone:
            problems.append(item.problem(("pilot",), f"unknown pilot {pilot!r}{did_you_mean(pilot, list(pilots))}"))
        elif gone:
            continue
        elif pilot in aces:
            problems.append(item.problem(("pilot",), f"{pilot!r} already has the ace bonus {aces[pilot]!r}"))
        else:
            aces[pilot] = ident
    return problems


def _earned_only(parts: Any) -> Iterator[tuple[str, str]]:
    for ident, item in sorted(parts.items()):
        if item.model.price is None and item.model.kind in ("part", "consumable"):
            yield ident, "part"


def _given_parts(rules: Rules) -> Iterator[str]:
    growth = rules.campaign
    yield from growth.start_parts
    if growth.bonus_reward.part is not None:
        yield growth.bonus_reward.part
    for rewards in growth.rewards.values():
        for reward in rewards.values():
            if reward.part is not None:
                yield reward.part
