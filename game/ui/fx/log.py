"""The battle log: what happened and what was said, turn by turn, rebuilt from the battle's
command log (the engine is deterministic), so it holds the same quotes the battle scene
showed, whichever animation mode was on and whatever was skipped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from game.core import BattleState, apply
from game.core import events as ev
from game.core.commands import Command
from game.core.events import Event
from game.core.stats import max_hp, pilot_def, unit_def
from game.ui.fx.book import FxBook
from game.ui.fx.quotes import (
    Quote,
    finish_quote,
    reaction_quote,
    shot_down_quote,
    spirit_quote,
    strike_quote,
    support_defend_quote,
)
from game.ui.model.dialogue import display_lines

MAX_LINES = 400


@dataclass(frozen=True)
class LogLine:
    text: str
    kind: str  # turn | quote | action | result | dialogue


def _pilot(state: BattleState, uid: str) -> str:
    u = state.unit(uid)
    p = pilot_def(state.ctx, u)
    return p.name if p is not None else unit_def(state.ctx, u).name


def _unit(state: BattleState, uid: str) -> str:
    return unit_def(state.ctx, state.unit(uid)).name


def _said(state: BattleState, quote: Quote | None) -> list[LogLine]:
    return [LogLine(f'{_pilot(state, quote.uid)}: "{quote.text}"', "quote")] if quote is not None else []


def event_lines(book: FxBook, state: BattleState, events: Iterable[Event]) -> list[LogLine]:
    """The log lines of `events`; `state` is the battle after them (it knows every unit)."""
    out: list[LogLine] = []
    guard: str | None = None
    defender: str | None = None
    struck: dict[str, str] = {}
    sides = {s.id: s.name for s in state.ctx.sides}
    for e in events:
        if isinstance(e, ev.PhaseStarted):
            out.append(LogLine(f"Turn {e.turn} - {sides.get(e.side, e.side)} phase", "turn"))
        elif isinstance(e, ev.ExchangeStarted):
            guard, defender = e.support_defender, e.defender
        elif isinstance(e, ev.StrikeResolved):
            if e.target == guard and e.target != defender:
                out += _said(state, support_defend_quote(book, state, e))
                guard = None
            out += _said(state, strike_quote(book, state, e))
            weapon = unit_def(state.ctx, state.unit(e.attacker)).weapon(e.weapon).name
            who = f"{_pilot(state, e.attacker)} ({_unit(state, e.attacker)}): {weapon}"
            if not e.hit:
                result = f"{who} - {_unit(state, e.target)} evades"
            else:
                result = f"{who} - {e.damage} damage to {_unit(state, e.target)}" + (" (critical)" if e.crit else "")
            out.append(LogLine(result, "action"))
            out += _said(state, reaction_quote(book, state, e, max_hp(state.ctx, state.unit(e.target))))
            struck[e.target] = e.attacker
        elif isinstance(e, ev.UnitDestroyed):
            out.append(LogLine(f"{_unit(state, e.unit)} is destroyed!", "result"))
            out += _said(state, shot_down_quote(book, state, e.unit))
            by = struck.get(e.unit)
            if by is not None:
                out += _said(state, finish_quote(book, state, by, e.unit))
        elif isinstance(e, ev.UnitCaptured):
            out.append(LogLine(f"{_unit(state, e.unit)} was captured!", "result"))
        elif isinstance(e, ev.UnitRetreated):
            out.append(LogLine(f"{_unit(state, e.unit)} retreats.", "result"))
        elif isinstance(e, ev.SpiritCast):
            spirit = state.ctx.defs.spirits.get(e.spirit)
            out.append(LogLine(f"{_pilot(state, e.unit)} casts {spirit.name if spirit else e.spirit}", "action"))
            out += _said(state, spirit_quote(book, state, e.unit, e.spirit, e.sp_left))
        elif isinstance(e, ev.DialogueShown):
            for line in display_lines(state.ctx.defs, e.lines):
                speaker = str(line.get("speaker") or "")
                text = str(line.get("text") or "")
                out.append(LogLine(f"{speaker}: {text}" if speaker else text, "dialogue"))
    return out


def battle_log(book: FxBook, start: tuple[BattleState, Sequence[Event]], commands: Iterable[Command]) -> list[LogLine]:
    """The whole battle's log from its first state and events and the commands played since."""
    state, events = start
    chunks: list[tuple[BattleState, list[Event]]] = [(state, list(events))]
    for command in commands:
        state, events = apply(state, command)
        chunks.append((state, list(events)))
    out: list[LogLine] = []
    for after, happened in chunks:
        out += event_lines(book, after, happened)
    return out[-MAX_LINES:]
