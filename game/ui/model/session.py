"""A battle being played in the window: the state, the command log and its scenario.

Every change goes through `game.core.apply`; the session only records what was done so
that a suspended battle can be written out and continued exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game.core import Attack, BattleState, Command, IllegalCommand, apply
from game.core.events import Event
from game.saves import BattleRecord, record_replay
from game.ui.model.catalog import LoadedScenario
from game.ui.model.wording import in_words

if TYPE_CHECKING:
    from game.campaign import CampaignState
    from game.core import BattleContext

PLAYER_SIDE = "player"


@dataclass
class BattleSession:
    scenario: LoadedScenario
    state: BattleState
    opening: list[Event] = field(default_factory=list)  # events of new_battle, played on entry
    log: list[Command] = field(default_factory=list)
    campaign: CampaignState | None = None  # the campaign as it stood when this battle began
    rewinds_used: int = 0  # this battle's rewinds (a setting may limit them)
    # the states before each command of the player's current phase, for rewinding (kept
    # in memory only: a continued battle cannot rewind past the point it was saved at)
    _before: list[BattleState] = field(default_factory=list, repr=False)

    @classmethod
    def start(
        cls, scenario: LoadedScenario, seed: int | None = None, campaign: CampaignState | None = None
    ) -> BattleSession:
        """`scenario` with the campaign's setup applied already (`LoadedScenario.with_setup`)."""
        state, events = scenario.start(scenario.seed if seed is None else seed)
        return cls(scenario, state, list(events), [], campaign)

    @property
    def ctx(self) -> BattleContext:
        return self.state.ctx

    @property
    def player_phase(self) -> bool:
        return self.state.side == PLAYER_SIDE and self.state.outcome is None

    def is_player_unit(self, uid: str) -> bool:
        u = self.state.units.get(uid)
        return u is not None and u.side == PLAYER_SIDE

    def do(self, command: Command) -> list[Event]:
        """Apply a command; raises IllegalCommand (nothing changes) when the rules refuse it."""
        before = self.state
        self.state, events = apply(self.state, command)
        self.log.append(command)
        if before.side == PLAYER_SIDE and self.player_phase:
            self._before.append(before)
        else:
            self._before.clear()  # a new phase (or the end): nothing of it can be taken back
        return events

    # ---- rewinding -------------------------------------------------------------------------
    def rewind_problem(self, limit: int | None) -> str | None:
        """Why the player's last action cannot be taken back now (None if it can)."""
        if limit == 0:
            return "Rewinding is off (Settings)."
        if not self.player_phase:
            return "Only your own phase can be rewound."
        if not self._before:
            return "Nothing to rewind: this phase has just begun."
        if limit is not None and self.rewinds_used >= limit:
            return f"No rewinds left in this battle (the limit is {limit})."
        return None

    def rewind(self) -> Command:
        """Take back the last command of the player's phase: the state before it, rolls and
        all, and the log without it (so saves and replays hold the line played)."""
        self.state = self._before.pop()
        self.rewinds_used += 1
        return self.log.pop()

    def check(self, command: Command) -> str | None:
        """Why the rules would refuse `command` now (None if allowed). Nothing changes."""
        try:
            apply(self.state, command)
        except IllegalCommand as exc:
            return in_words(self.state, str(exc))
        return None

    def needs_reaction(self, command: Command) -> bool:
        """An AI attack on one of the player's units: the player picks counter/defend/evade."""
        if not isinstance(command, Attack):
            return False
        target = self.state.units.get(command.target)
        return target is not None and target.side == PLAYER_SIDE and self.state.side != PLAYER_SIDE

    # ---- saving ----------------------------------------------------------------------------
    def record(self, kind: str) -> BattleRecord:
        """This battle as a save file's record (suspend, autosave): state, setup and command log."""
        return BattleRecord.of(
            self.state,
            self.log,
            data_hash=self.scenario.data_hash,
            kind=kind,
            setup=self.scenario.setup,
            extra={
                "campaign": None if self.campaign is None else self.campaign.to_json(),
                "title": self.scenario.title,
                "rewinds_used": self.rewinds_used,
            },
        )

    def replay(self) -> BattleRecord:
        """The battle so far as a replay (replays the log once to add its checkpoints)."""
        return record_replay(
            self.scenario,
            self.state.seed,
            self.log,
            data_hash=self.scenario.data_hash,
            extra={"title": self.scenario.title},
        )
