"""A battle a test drives: start it from a scenario, give commands, let the AI play, check.

Every step goes through `game.core.apply`, the same path the game, the AI and replays use,
so what a test sees here is what a player would see. Setting up a situation (`arrange`)
goes through the state's JSON form, the path a saved game takes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from game.ai.controller import Controller, side_controllers
from game.ai.planner import Planner
from game.core.combat import Forecast, forecast
from game.core.commands import Attack, CastSpirit, Command, EndPhase, Land, Move, Pick, TakeOff, Wait
from game.core.engine import apply, legal_commands
from game.core.events import Event
from game.core.formulas import Reaction
from game.core.state import BattleState, Outcome, UnitState
from game.scenario import Scenario
from game.sim.runner import DEFAULT_MAX_TURNS, RunResult, play_out


class ScriptedBattle:
    """A battle in progress with every command given and every event seen so far.

    Illegal commands raise `game.core.errors.IllegalCommand` (its message says why), so
    `pytest.raises(IllegalCommand, match=...)` checks that a rule refuses something.
    """

    def __init__(self, scenario: Scenario, seed: int = 1) -> None:
        self.scenario = scenario
        self.seed = seed
        self.state, events = scenario.start(seed)
        self.events: list[Event] = list(events)
        self.commands: list[Command] = []
        self._planners: dict[str, Planner] = {}

    # ---- reading -----------------------------------------------------------------------------
    def unit(self, uid: str) -> UnitState:
        """The unit with id `uid` (KeyError naming the known ids when there is none)."""
        try:
            return self.state.units[uid]
        except KeyError:
            raise KeyError(f"no unit {uid!r}; units: {', '.join(sorted(self.state.units))}") from None

    def units(self, side: str | None = None) -> list[UnitState]:
        """The units still on the map (of `side`, when given)."""
        return list(self.state.active_units(side))

    @property
    def turn(self) -> int:
        return self.state.turn

    @property
    def side(self) -> str:
        """The side whose phase it is."""
        return self.state.side

    @property
    def outcome(self) -> Outcome | None:
        return self.state.outcome

    @property
    def winner(self) -> str | None:
        return None if self.state.outcome is None else self.state.outcome.winner

    def forecast(self, attacker: str, weapon: str, target: str) -> Forecast:
        """The battle forecast the player sees before confirming this attack."""
        return forecast(self.state, attacker, weapon, target)

    def legal(self, uid: str | None = None) -> list[Command]:
        """Every command the rules accept now (for one unit when `uid` is given)."""
        return legal_commands(self.state, uid)

    def events_of(self, kind: str) -> list[Event]:
        """The events of one kind (e.g. "unit_destroyed", "attack_resolved") in order."""
        return [e for e in self.events if e.kind == kind]

    def kinds(self) -> list[str]:
        return [e.kind for e in self.events]

    def fired(self) -> list[str]:
        """The scenario events (triggers) that have fired, by id, in order."""
        return [e.trigger for e in self.events if e.kind == "trigger_fired"]  # type: ignore[attr-defined]

    def said(self) -> list[tuple[str, str]]:
        """Every dialogue line shown so far as (speaker, text)."""
        return [
            (line["speaker"], line["text"])
            for e in self.events
            if e.kind == "dialogue_shown"
            for line in e.lines  # type: ignore[attr-defined]
        ]

    def digest(self) -> str:
        """The state's stable digest (equal digests: equal battles)."""
        return self.state.digest()

    # ---- commands ----------------------------------------------------------------------------
    def do(self, command: Command) -> list[Event]:
        """Apply one command; returns its events (also kept in `events`)."""
        self.state, events = apply(self.state, command)
        self.commands.append(command)
        self.events.extend(events)
        return events

    def move(self, uid: str, to: tuple[int, int]) -> list[Event]:
        return self.do(Move(uid, (to[0], to[1])))

    def attack(
        self,
        uid: str,
        weapon: str,
        target: str,
        reaction: Reaction | None = None,
        *,
        counter_weapon: str | Pick = Pick.AUTO,
        support_attack: str | Pick = Pick.AUTO,
        support_defend: str | Pick = Pick.AUTO,
    ) -> list[Event]:
        """`uid` attacks `target` with `weapon`. The target reacts with `reaction` ("counter",
        "defend" or "evade"); without one its side's AI chooses, as in a simulated battle."""
        command = Attack(
            uid,
            weapon,
            target,
            reaction or "counter",
            counter_weapon=counter_weapon,
            support_attack=support_attack,
            support_defend=support_defend,
        )
        if reaction is None:
            defender = self.unit(target).side
            command = self._controllers()[defender].react(self.state, command)
        return self.do(command)

    def spirit(self, uid: str, spirit: str, target: str | None = None) -> list[Event]:
        return self.do(CastSpirit(uid, spirit, target))

    def wait(self, uid: str) -> list[Event]:
        return self.do(Wait(uid))

    def take_off(self, uid: str) -> list[Event]:
        return self.do(TakeOff(uid))

    def land(self, uid: str) -> list[Event]:
        return self.do(Land(uid))

    def end_phase(self) -> list[Event]:
        return self.do(EndPhase())

    def until(self, turn: int, side: str = "player") -> None:
        """End phases until `side`'s phase of `turn`, nobody acting in between (scripted
        events still fire). Raises AssertionError if the battle ends first."""
        self._check_ahead(turn, side)
        while (self.state.turn, self.state.side) != (turn, side):
            if self.state.outcome is not None:
                raise AssertionError(f"the battle ended before turn {turn}, {side} phase: {self.state.outcome}")
            self.end_phase()

    def arrange(self, **units: Mapping[str, Any]) -> None:
        """Change units as a save file could: uid -> {field: value}, e.g.
        `arrange(layzner={"hp": 900, "pos": (4, 5), "will": 130})`."""
        data = self.state.to_json()
        by_uid = {u["uid"]: u for u in data["units"]}
        for uid, changes in units.items():
            if uid not in by_uid:
                raise KeyError(f"no unit {uid!r}; units: {', '.join(sorted(by_uid))}")
            unknown = set(changes) - set(by_uid[uid])
            if unknown:
                raise KeyError(f"unit fields {sorted(unknown)} do not exist; fields: {', '.join(sorted(by_uid[uid]))}")
            by_uid[uid].update({k: list(v) if isinstance(v, tuple) else v for k, v in changes.items()})
        self.state = BattleState.from_json(data, self.state.ctx)

    # ---- the AI ------------------------------------------------------------------------------
    def finish(
        self,
        player_ai: str = "srw",
        enemy_ai: str = "srw",
        *,
        difficulty: str = "normal",
        max_turns: int = DEFAULT_MAX_TURNS,
    ) -> RunResult:
        """Let the AI play every side until the battle ends (or turn `max_turns` is over)."""
        return self._play(player_ai, enemy_ai, difficulty, max_turns, None)

    def play_until(
        self,
        turn: int,
        side: str = "player",
        *,
        player_ai: str = "srw",
        enemy_ai: str = "srw",
        difficulty: str = "normal",
    ) -> RunResult:
        """Let the AI play every side up to `side`'s phase of `turn` (or the end of the battle)."""
        self._check_ahead(turn, side)
        order = [s.id for s in self.state.ctx.sides]
        goal = (turn, order.index(side))

        def reached(s: BattleState) -> bool:
            return (s.turn, order.index(s.side)) >= goal

        return self._play(player_ai, enemy_ai, difficulty, turn, reached)

    def _play(
        self, player_ai: str, enemy_ai: str, difficulty: str, max_turns: int, stop: Callable[[BattleState], bool] | None
    ) -> RunResult:
        controllers = side_controllers(self.state.ctx, player_ai, enemy_ai, difficulty, self._planners)
        result = play_out(self.state, controllers, max_turns, stop=stop)
        self.state = result.state
        self.commands.extend(result.commands)
        self.events.extend(result.events)
        return result

    def _controllers(self) -> dict[str, Controller]:
        return side_controllers(self.state.ctx, planners=self._planners)

    def _check_ahead(self, turn: int, side: str) -> None:
        order = [s.id for s in self.state.ctx.sides]
        if side not in order:
            raise ValueError(f"no side {side!r} in this battle; sides: {', '.join(order)}")
        if (turn, order.index(side)) < (self.state.turn, order.index(self.state.side)):
            raise ValueError(f"turn {turn}, {side} phase is already past (now turn {self.turn}, {self.side} phase)")


def replay(scenario: Scenario, seed: int, commands: Iterable[Command]) -> ScriptedBattle:
    """The battle `commands` lead to from `scenario` started with `seed` (deterministic:
    the same inputs always give the same digest)."""
    battle = ScriptedBattle(scenario, seed)
    for command in commands:
        battle.do(command)
    return battle
