"""A battle being played in the window: the state, the command log and its scenario.

Every change goes through `game.core.apply`; the session only records what was done so
that a suspended battle can be written out and continued exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.core import Attack, BattleState, Command, IllegalCommand, apply, command_from_json, new_battle
from game.core.events import Event
from game.ui.model.catalog import LoadedScenario

PLAYER_SIDE = "player"


@dataclass
class CampaignProgress:
    """Where a campaign stands: the scenario order and how far the player got."""

    order: list[str]
    index: int = 0
    funds: int = 0
    turns: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"order": list(self.order), "index": self.index, "funds": self.funds, "turns": self.turns}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CampaignProgress:
        return cls(
            [str(x) for x in data["order"]], int(data["index"]), int(data.get("funds", 0)), int(data.get("turns", 0))
        )

    @property
    def next_id(self) -> str | None:
        return self.order[self.index + 1] if self.index + 1 < len(self.order) else None


@dataclass
class BattleSession:
    scenario: LoadedScenario
    state: BattleState
    opening: list[Event] = field(default_factory=list)  # events of new_battle, played on entry
    log: list[Command] = field(default_factory=list)
    campaign: CampaignProgress | None = None

    @classmethod
    def start(
        cls, scenario: LoadedScenario, seed: int | None = None, campaign: CampaignProgress | None = None
    ) -> BattleSession:
        state, events = new_battle(scenario.ctx, scenario.deployments, scenario.seed if seed is None else seed)
        return cls(scenario, state, list(events), [], campaign)

    @property
    def ctx(self):  # type: ignore[no-untyped-def]
        return self.state.ctx

    @property
    def player_phase(self) -> bool:
        return self.state.side == PLAYER_SIDE and self.state.outcome is None

    def is_player_unit(self, uid: str) -> bool:
        u = self.state.units.get(uid)
        return u is not None and u.side == PLAYER_SIDE

    def do(self, command: Command) -> list[Event]:
        """Apply a command; raises IllegalCommand (nothing changes) when the rules refuse it."""
        self.state, events = apply(self.state, command)
        self.log.append(command)
        return events

    def check(self, command: Command) -> str | None:
        """Why the rules would refuse `command` now (None if allowed). Nothing changes."""
        try:
            apply(self.state, command)
        except IllegalCommand as exc:
            return str(exc)
        return None

    def needs_reaction(self, command: Command) -> bool:
        """An AI attack on one of the player's units: the player picks counter/defend/evade."""
        if not isinstance(command, Attack):
            return False
        target = self.state.units.get(command.target)
        return target is not None and target.side == PLAYER_SIDE and self.state.side != PLAYER_SIDE

    # ---- suspend ---------------------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        from game.ui.model.session_store import definitions_hash

        return {
            "scenario": self.scenario.info.id,
            "seed": self.state.seed,
            "commands": [c.to_json() for c in self.log],
            "state": self.state.to_json(),
            "digest": self.state.digest(),
            "data_hash": self.scenario.data_hash or definitions_hash(self.ctx.defs),
            "campaign": None if self.campaign is None else self.campaign.to_json(),
        }

    @classmethod
    def restore(cls, scenario: LoadedScenario, data: dict[str, Any]) -> BattleSession:
        """Rebuild from a snapshot: its state, or (without one) a replay of its commands from the
        seed. Raises ValueError (with the reason) if it does not fit this scenario."""
        try:
            log = [command_from_json(c) for c in data.get("commands", [])]
            campaign = None if data.get("campaign") is None else CampaignProgress.from_json(data["campaign"])
            if data.get("state") is not None:
                state = BattleState.from_json(data["state"], scenario.ctx)
            else:
                state, _ = new_battle(scenario.ctx, scenario.deployments, int(data["seed"]))
                for command in log:
                    state, _ = apply(state, command)
        except (KeyError, TypeError, ValueError) as exc:  # IllegalCommand is a ValueError
            raise ValueError(f"the suspended battle does not fit this scenario ({exc})") from None
        if data.get("digest") and state.digest() != data["digest"]:
            raise ValueError("the suspended battle does not match its own checksum (the file was altered)")
        return cls(scenario, state, [], log, campaign)
