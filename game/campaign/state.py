"""The campaign between battles, as plain data: where the story is (with the route chosen
and the story flags the battles set), the funds, each pilot's level, EXP and kills, each
unit's upgrades, the deploy choices and the battles won.

States are values: the operations in `game.campaign` return new ones. `to_json` and
`from_json` round-trip exactly; `from_json` names the first bad entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.core.defs import frozen_map
from game.scenario.setup import FlagValue, SetupError, check_flags, check_upgrades

MAX_FUNDS = 10**12


class CampaignError(ValueError):
    """An operation the campaign does not allow, or a campaign file that is not usable."""


@dataclass(frozen=True)
class PilotRecord:
    level: int
    exp: int = 0  # toward the next level
    kills: int = 0

    def to_json(self) -> dict[str, int]:
        return {"level": self.level, "exp": self.exp, "kills": self.kills}


@dataclass(frozen=True)
class StageResult:
    """A battle won: what the intermission and the campaign's record show."""

    scenario: str
    turns: int
    funds: int
    kills: int
    bonus: tuple[str, ...] = ()
    seed: int = 0
    attempts: int = 1

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "turns": self.turns,
            "funds": self.funds,
            "kills": self.kills,
            "bonus": list(self.bonus),
            "seed": self.seed,
            "attempts": self.attempts,
        }


@dataclass(frozen=True)
class CampaignState:
    order: tuple[str, ...]  # scenario ids, in campaign order
    stage: int = 0  # index in `order` of the next battle; len(order) when the story is complete
    funds: int = 0
    pilots: Mapping[str, PilotRecord] = field(default_factory=frozen_map)
    upgrades: Mapping[str, Mapping[str, int]] = field(default_factory=frozen_map)  # unit id -> stat -> steps
    deploy: Mapping[str, tuple[str | None, ...]] = field(default_factory=frozen_map)  # scenario -> picks
    history: tuple[StageResult, ...] = ()
    seed: int = 0  # the campaign's root seed: each battle's seed derives from it
    attempts: int = 0  # battles lost at the current stage (a retry gets a new seed)
    route: str | None = None  # the route chosen at the story's branch (game.campaign.story)
    flags: Mapping[str, FlagValue] = field(default_factory=frozen_map)  # story_* flags of won battles

    @property
    def complete(self) -> bool:
        return self.stage >= len(self.order)

    @property
    def next_scenario(self) -> str | None:
        return None if self.complete else self.order[self.stage]

    def to_json(self) -> dict[str, Any]:
        return {
            "order": list(self.order),
            "stage": self.stage,
            "funds": self.funds,
            "pilots": {p: r.to_json() for p, r in sorted(self.pilots.items())},
            "upgrades": {u: dict(sorted(s.items())) for u, s in sorted(self.upgrades.items())},
            "deploy": {s: list(p) for s, p in sorted(self.deploy.items())},
            "history": [h.to_json() for h in self.history],
            "seed": self.seed,
            "attempts": self.attempts,
        } | self._story_json()

    def _story_json(self) -> dict[str, Any]:
        # Absent until the story sets them, so campaigns without a route read back unchanged.
        out: dict[str, Any] = {}
        if self.route is not None:
            out["route"] = self.route
        if self.flags:
            out["flags"] = dict(sorted(self.flags.items()))
        return out

    @classmethod
    def from_json(cls, data: Any) -> CampaignState:
        try:
            return _parse(data)
        except CampaignError:
            raise
        except SetupError as exc:
            raise CampaignError(str(exc)) from None
        except KeyError as exc:
            raise CampaignError(f"the campaign is missing {exc.args[0]!r}") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise CampaignError(f"the campaign has a bad entry ({exc})") from None


def _int(value: Any, what: str, lo: int = 0, hi: int = MAX_FUNDS) -> int:
    if type(value) is not int or not lo <= value <= hi:
        raise CampaignError(f"campaign {what} must be a whole number {lo}..{hi}, got {value!r}")
    return value


def _parse(data: Any) -> CampaignState:
    if not isinstance(data, dict):
        raise CampaignError("the campaign must be an object")
    order = data["order"]
    if not isinstance(order, list) or not order or not all(isinstance(s, str) and s for s in order):
        raise CampaignError("campaign 'order' must be a non-empty list of scenario ids")
    pilots: dict[str, PilotRecord] = {}
    raw_pilots = data.get("pilots", {})
    if not isinstance(raw_pilots, dict):
        raise CampaignError("campaign 'pilots' must map pilot ids to records")
    for pid, rec in raw_pilots.items():
        if not isinstance(rec, dict):
            raise CampaignError(f"campaign pilot {pid!r} must be an object")
        pilots[str(pid)] = PilotRecord(
            _int(rec["level"], f"level of {pid!r}", 1, 99),
            _int(rec.get("exp", 0), f"exp of {pid!r}", 0, 10**9),
            _int(rec.get("kills", 0), f"kills of {pid!r}", 0, 10**9),
        )
    raw_upgrades = data.get("upgrades", {})
    if not isinstance(raw_upgrades, dict):
        raise CampaignError("campaign 'upgrades' must map unit ids to upgrades")
    for unit, steps in raw_upgrades.items():
        check_upgrades(steps, f"campaign upgrades of {unit!r}")
    raw_deploy = data.get("deploy", {})
    if not isinstance(raw_deploy, dict):
        raise CampaignError("campaign 'deploy' must map scenario ids to choices")
    deploy: dict[str, tuple[str | None, ...]] = {}
    for sid, picks in raw_deploy.items():
        if not isinstance(picks, list) or not all(p is None or isinstance(p, str) for p in picks):
            raise CampaignError(f"campaign deploy choice for {sid!r} must be a list of unit ids or nulls")
        deploy[str(sid)] = tuple(picks)
    history = []
    raw_history = data.get("history", [])
    if not isinstance(raw_history, list):
        raise CampaignError("campaign 'history' must be a list")
    for h in raw_history:
        if not isinstance(h, dict):
            raise CampaignError("each campaign history entry must be an object")
        bonus = h.get("bonus") or []
        if not isinstance(bonus, list):
            raise CampaignError("campaign history 'bonus' must be a list")
        history.append(
            StageResult(
                str(h["scenario"]),
                _int(h["turns"], "history turns", 0, 10**6),
                _int(h["funds"], "history funds"),
                _int(h["kills"], "history kills", 0, 10**6),
                tuple(str(b) for b in bonus),
                _int(h.get("seed", 0), "history seed", 0, 2**63),
                _int(h.get("attempts", 1), "history attempts", 1, 10**6),
            )
        )
    route = data.get("route")
    if route is not None and (not isinstance(route, str) or not route):
        raise CampaignError(f"campaign 'route' must be a route id, got {route!r}")
    flags = data.get("flags", {})
    check_flags(flags, "campaign 'flags'")
    return CampaignState(
        order=tuple(order),
        stage=_int(data.get("stage", 0), "stage", 0, len(order)),
        funds=_int(data.get("funds", 0), "funds"),
        pilots=frozen_map(pilots),
        upgrades=frozen_map({str(u): frozen_map(dict(s)) for u, s in raw_upgrades.items()}),
        deploy=frozen_map(deploy),
        history=tuple(history),
        seed=_int(data.get("seed", 0), "seed", 0, 2**63),
        attempts=_int(data.get("attempts", 0), "attempts", 0, 10**6),
        route=route,
        flags=frozen_map(dict(flags)),
    )
