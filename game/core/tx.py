"""The working copy one `apply` builds: copy-on-write units, RNG streams, emitted events."""

from __future__ import annotations

from game.core.caches import StateCache
from game.core.errors import IllegalCommand
from game.core.events import Event
from game.core.rng import Roll, StreamSet
from game.core.state import ACTIVE, BattleState, UnitState


class Tx:
    __slots__ = ("_owned", "ctx", "events", "rng", "state")

    def __init__(self, state: BattleState) -> None:
        self.ctx = state.ctx
        self.state = state.shallow_copy()
        # Until a unit changes, the copy stands exactly as `state` does: share what was
        # derived from it (dropped, not cleared, on the first change: `state` keeps its own).
        self.state._cache = state._cache
        self.rng = StreamSet(state.rng)
        self.events: list[Event] = []
        self._owned: set[str] = set()

    def unit(self, uid: str) -> UnitState:
        """A unit this transaction may change (copied on first write)."""
        self.state._cache = StateCache()  # the caller is about to change it
        if uid not in self._owned:
            self.state.units[uid] = self.state.units[uid].copy()
            self._owned.add(uid)
        return self.state.units[uid]

    def add_unit(self, u: UnitState) -> None:
        self.state._cache = StateCache()
        self.state.units[u.uid] = u
        self._owned.add(u.uid)

    def emit(self, event: Event) -> None:
        self.events.append(event)

    def roll(self, stream: str, bound: int, purpose: str) -> Roll:
        return self.rng.roll(stream, bound, purpose)

    @property
    def rolled(self) -> bool:
        return bool(self.rng.rolls)

    def own_unit(self, uid: str) -> UnitState:
        """The (read-only) unit `uid`, checked to be active and on the side whose phase it is."""
        u = self.state.units.get(uid)
        if u is None:
            raise IllegalCommand(f"There is no unit {uid!r} in this battle.")
        if u.status != ACTIVE:
            raise IllegalCommand(f"{uid} is no longer on the map.")
        if u.side != self.state.side:
            raise IllegalCommand(f"{uid} belongs to the {u.side} side; it is the {self.state.side} phase.")
        return u

    def finish(self) -> tuple[BattleState, list[Event]]:
        self.state.rng = self.rng.snapshot()
        return self.state, self.events
