"""Helpers for driving campaign battles through `game.core.apply` in tests.

Setting up a late-game situation by hand (`arrange`) goes through the state's JSON form, the
same path a saved game takes; everything after that happens by real commands.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from game.core import Attack, CastSpirit, EndPhase, apply
from game.core.events import Event
from game.core.state import BattleState
from game.scenario import Scenario, load_scenario
from tests.scenario.roster import campaign_definitions


@cache
def scenario(sid: str) -> Scenario:
    return load_scenario(sid, campaign_definitions())


class Run:
    """A battle in progress with every event seen so far."""

    def __init__(self, sid: str, seed: int = 1) -> None:
        self.scenario = scenario(sid)
        self.state, events = self.scenario.start(seed)
        self.events: list[Event] = list(events)

    def do(self, command: Any) -> list[Event]:
        self.state, events = apply(self.state, command)
        self.events.extend(events)
        return events

    def until(self, turn: int, side: str) -> None:
        """End phases until `side`'s phase of `turn` (nobody acts in between)."""
        while (self.state.turn, self.state.side) != (turn, side):
            assert self.state.outcome is None, self.state.outcome
            self.do(EndPhase())

    def arrange(self, **units: dict[str, Any]) -> None:
        """Change units as a save file could: uid -> {field: value} (pos as [x, y])."""
        data = self.state.to_json()
        by_uid = {u["uid"]: u for u in data["units"]}
        for uid, changes in units.items():
            by_uid[uid].update(changes)
        self.state = BattleState.from_json(data, self.state.ctx)

    def strike(self, attacker: str, weapon: str, target: str) -> list[Event]:
        """A certain hit: cast Strike, then attack (the target chooses to defend, no counter)."""
        self.do(CastSpirit(attacker, "strike"))
        return self.do(Attack(attacker, weapon, target, reaction="defend"))

    def kinds(self) -> list[str]:
        return [e.kind for e in self.events]

    def fired(self) -> list[str]:
        return [e.trigger for e in self.events if e.kind == "trigger_fired"]  # type: ignore[attr-defined]

    def spoken(self) -> list[str]:
        return [ln["speaker"] for e in self.events if e.kind == "dialogue_shown" for ln in e.lines]  # type: ignore[attr-defined]

    def unit(self, uid: str) -> Any:
        return self.state.units[uid]

    @property
    def outcome(self) -> Any:
        return self.state.outcome
