"""Checkpoints: scenario triggers and their actions, then victory and defeat."""

from __future__ import annotations

from game.core.deploy import place
from game.core.events import (
    BattleEnded,
    DialogueShown,
    FlagSet,
    ObjectivesChanged,
    TriggerFired,
    UnitRetreated,
    UnitSpawned,
)
from game.core.lifecycle import change_will
from game.core.script import (
    Action,
    ChangeWill,
    Dialogue,
    EndBattle,
    Objectives,
    Retreat,
    SetAI,
    SetFlag,
    SetObjectives,
    Spawn,
)
from game.core.state import ACTIVE, RETREATED, Outcome
from game.core.tx import Tx

MAX_TRIGGER_ROUNDS = 32  # a safety net against scripts that keep re-triggering each other


def checkpoint(tx: Tx) -> bool:
    """Fire due triggers (repeatedly, as actions may enable others), then check the outcome.
    Returns True when any trigger fired."""
    state = tx.state
    fired_any = False
    for _ in range(MAX_TRIGGER_ROUNDS):
        if state.outcome is not None:
            break
        fired = False
        for trig in state.ctx.script.triggers:
            if state.outcome is not None:
                break
            last = state.fired.get(trig.id)
            stamp = [state.turn, state.phase]
            if last is not None and (not trig.repeat or last == stamp):
                continue
            if not trig.condition.holds(state):
                continue
            state.fired[trig.id] = stamp
            tx.emit(TriggerFired(trig.id))
            for action in trig.actions:
                run_action(tx, trig.id, action)
            fired = True
        fired_any |= fired
        if not fired:
            break
    check_outcome(tx)
    return fired_any


def run_action(tx: Tx, trigger: str, action: Action) -> None:
    state = tx.state
    if isinstance(action, Spawn):
        for dep in action.units:
            u = place(tx, dep, strict=False)
            if u is not None:
                tx.emit(UnitSpawned(u.uid, u.unit_id, u.side, u.pos))
    elif isinstance(action, Dialogue):
        tx.emit(
            DialogueShown(
                trigger,
                tuple(
                    {"speaker": ln.speaker, "text": ln.text, "portrait": ln.portrait, "expression": ln.expression}
                    for ln in action.lines
                ),
            )
        )
    elif isinstance(action, SetObjectives):
        state.objectives = action.objectives
        tx.emit(ObjectivesChanged(action.objectives))
    elif isinstance(action, Retreat):
        if action.line is not None:
            ln = action.line
            tx.emit(
                DialogueShown(
                    trigger,
                    ({"speaker": ln.speaker, "text": ln.text, "portrait": ln.portrait, "expression": ln.expression},),
                )
            )
        for u in action.select.all(state):
            if u.status == ACTIVE:
                tx.unit(u.uid).status = RETREATED
                tx.emit(UnitRetreated(u.uid))
    elif isinstance(action, ChangeWill):
        for u in action.select.all(state):
            if u.status == ACTIVE:
                change_will(tx, u.uid, action.delta, "event:" + trigger)
    elif isinstance(action, SetFlag):
        state.flags[action.flag] = action.value
        tx.emit(FlagSet(action.flag, action.value))
    elif isinstance(action, SetAI):
        for u in action.select.all(state):
            m = tx.unit(u.uid)
            merged = dict(m.ai)
            merged.update(action.ai)
            m.ai = merged
    elif isinstance(action, EndBattle):
        end_battle(tx, action.winner, action.reason)
    else:  # pragma: no cover - the scenario compiler only builds known actions
        raise TypeError(f"unknown action {action!r}")


def opponent(tx: Tx, side: str) -> str:
    ctx = tx.ctx
    for s in ctx.sides:
        if ctx.hostile(s.id, side):
            return s.id
    return side


def end_battle(tx: Tx, winner: str, reason: str) -> None:
    state = tx.state
    if state.outcome is not None:
        return
    objectives = state.ctx.script.objectives.get(state.objectives)
    bonus: list[str] = []
    if objectives is not None and winner == objectives.side:
        bonus = [o.id or o.text for o in objectives.bonus if o.condition.holds(state)]
    state.outcome = Outcome(winner, reason)
    state.bonus = bonus
    state.undo = None
    tx.emit(BattleEnded(winner, reason, tuple(bonus)))


def check_outcome(tx: Tx) -> None:
    state = tx.state
    if state.outcome is not None:
        return
    objectives: Objectives | None = state.ctx.script.objectives.get(state.objectives)
    if objectives is None:
        _default_outcome(tx)
        return
    side = objectives.side
    for o in objectives.defeat:
        if o.condition.holds(state):
            end_battle(tx, opponent(tx, side), o.text)
            return
    if not any(u.side == side for u in state.active_units()):
        end_battle(tx, opponent(tx, side), f"All {side} units were lost.")
        return
    for o in objectives.victory:
        if o.condition.holds(state):
            end_battle(tx, side, o.text)
            return


def _default_outcome(tx: Tx) -> None:
    """Without scenario objectives: the battle ends when only one team has units left."""
    state = tx.state
    ctx = state.ctx
    if len({ctx.team(u.side) for u in state.units.values()}) < 2:
        return  # nobody was ever here to fight: a sandbox battle never ends by itself
    teams = {ctx.team(u.side) for u in state.active_units()}
    if len(teams) > 1:
        return
    if not teams:
        end_battle(tx, opponent(tx, ctx.sides[0].id), "Every unit was lost.")
        return
    (team,) = teams
    winner = next(s.id for s in ctx.sides if s.team == team)
    end_battle(tx, winner, f"All units opposing the {winner} side were defeated.")
