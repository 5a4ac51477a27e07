"""The campaign between battles, as plain data: where the story is (with the route chosen
and the story flags the battles set), the funds, each pilot's level, EXP, kills, pilot
points and training, each unit's upgrades, parts and full-upgrade bonus, the parts in
stock, the deploy choices and the battles won.

The JSON carries a `format` number. Format 1 (before parts and training) reads as format 2
with no parts, no PP and no training: old saves keep loading.

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
FORMAT = 2  # of CampaignState.to_json; 1 had no parts, pilot points or training


class CampaignError(ValueError):
    """An operation the campaign does not allow, or a campaign file that is not usable."""


@dataclass(frozen=True)
class PilotRecord:
    level: int
    exp: int = 0  # toward the next level
    kills: int = 0
    pp: int = 0  # pilot points not yet spent
    trained: Mapping[str, int] = field(default_factory=frozen_map)  # stat -> training steps
    skills: Mapping[str, int] = field(default_factory=frozen_map)  # skill -> level reached by training

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "exp": self.exp,
            "kills": self.kills,
            "pp": self.pp,
            "trained": dict(sorted(self.trained.items())),
            "skills": dict(sorted(self.skills.items())),
        }


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
    reward_funds: int = 0  # paid by bonus objectives and bosses driven off (not in `funds`)
    pp: int = 0  # pilot points earned, all pilots together
    parts: tuple[str, ...] = ()  # parts earned

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "turns": self.turns,
            "funds": self.funds,
            "kills": self.kills,
            "bonus": list(self.bonus),
            "seed": self.seed,
            "attempts": self.attempts,
            "reward_funds": self.reward_funds,
            "pp": self.pp,
            "parts": list(self.parts),
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
    parts: Mapping[str, int] = field(default_factory=frozen_map)  # part id -> owned, not equipped
    equipped: Mapping[str, tuple[str, ...]] = field(default_factory=frozen_map)  # unit id -> parts in slots
    full_bonus: Mapping[str, str] = field(default_factory=frozen_map)  # unit id -> chosen full-upgrade bonus
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
            "format": FORMAT,
            "parts": dict(sorted(self.parts.items())),
            "equipped": {u: list(p) for u, p in sorted(self.equipped.items())},
            "full_bonus": dict(sorted(self.full_bonus.items())),
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


def _counts(raw: Any, what: str) -> dict[str, int]:
    if not isinstance(raw, dict):
        raise CampaignError(f"campaign {what!r} must map ids to whole numbers")
    return {str(k): _int(v, f"{what} {k!r}", 0, 10**6) for k, v in raw.items()}


def _ids(raw: Any, what: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(p, str) and p for p in raw):
        raise CampaignError(f"campaign {what} must be a list of ids")
    return tuple(raw)


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """A campaign's JSON in the current format (format 1 had no parts, PP or training)."""
    version = data.get("format", 1)
    if type(version) is not int or version < 1:
        raise CampaignError(f"campaign 'format' must be a whole number 1..{FORMAT}, got {version!r}")
    if version > FORMAT:
        raise CampaignError(f"the campaign was saved by a newer version of the game (format {version})")
    if version == 1:
        data = {**data, "format": 2, "parts": {}, "equipped": {}, "full_bonus": {}}
    return data


def _parse(data: Any) -> CampaignState:
    if not isinstance(data, dict):
        raise CampaignError("the campaign must be an object")
    data = migrate(data)
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
            _int(rec.get("pp", 0), f"pp of {pid!r}", 0, 10**9),
            frozen_map(_counts(rec.get("trained", {}), f"training of {pid}")),
            frozen_map(_counts(rec.get("skills", {}), f"skills of {pid}")),
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
                _int(h.get("reward_funds", 0), "history reward funds"),
                _int(h.get("pp", 0), "history pp", 0, 10**9),
                _ids(h.get("parts", []), "history parts"),
            )
        )
    equipped = data.get("equipped", {})
    if not isinstance(equipped, dict):
        raise CampaignError("campaign 'equipped' must map unit ids to lists of part ids")
    full_bonus = data.get("full_bonus", {})
    if not isinstance(full_bonus, dict) or not all(isinstance(v, str) for v in full_bonus.values()):
        raise CampaignError("campaign 'full_bonus' must map unit ids to part ids")
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
        parts=frozen_map({p: n for p, n in _counts(data.get("parts", {}), "parts").items() if n > 0}),
        equipped=frozen_map({str(u): _ids(p, f"parts of {u!r}") for u, p in equipped.items()}),
        full_bonus=frozen_map({str(u): str(p) for u, p in full_bonus.items()}),
        route=route,
        flags=frozen_map(dict(flags)),
    )
