"""Phases and turns (RULES §1): start-of-phase upkeep, ending a phase, the next side."""

from __future__ import annotations

from game.core.events import EffectEnded, PhaseEnded, PhaseStarted, TurnStarted, UnitRecovered
from game.core.lifecycle import change_will
from game.core.modifiers import collect
from game.core.stats import max_en, max_hp, max_sp
from game.core.tx import Tx


def start_phase(tx: Tx, *, upkeep: bool = True) -> None:
    """Begin the current side's phase. `upkeep` (regeneration, Will +1, expiring one-turn
    effects) is skipped for the battle's very first phase of each side: units start fresh."""
    state = tx.state
    ctx = state.ctx
    side = state.side
    tx.emit(PhaseStarted(state.turn, side))
    # Support charges are per phase, for everyone.
    for u in list(state.units.values()):
        if u.support_attacks or u.support_defends:
            m = tx.unit(u.uid)
            m.support_attacks = 0
            m.support_defends = 0
    for u in list(state.active_units(side)):
        m = tx.unit(u.uid)
        m.moved = False
        m.acted = False
        if not upkeep:
            continue
        ended = [e for e in m.effects if e.duration == "turn"]
        if ended:
            m.effects = tuple(e for e in m.effects if e.duration != "turn")
        for e in ended:
            tx.emit(EffectEnded(u.uid, e.id))
        mods = collect(ctx, m)
        terrain = ctx.defs.terrains[ctx.grid.terrain_id(m.pos)]
        on_ground = ctx.grid.space or not m.flying
        hp_pct = mods.hp_regen_pct + (terrain.hp_recovery if on_ground else 0)
        en_pct = mods.en_regen_pct + (terrain.en_recovery if on_ground else 0)
        top_hp, top_en, top_sp = max_hp(ctx, m), max_en(ctx, m), max_sp(ctx, m)
        hp = min(top_hp, m.hp + top_hp * hp_pct // 100) - m.hp if hp_pct > 0 else 0
        en = min(top_en, m.en + top_en * en_pct // 100) - m.en if en_pct > 0 else 0
        sp = min(top_sp, m.sp + mods.sp_regen) - m.sp if mods.sp_regen > 0 else 0
        if hp > 0 or en > 0 or sp > 0:
            m.hp += max(0, hp)
            m.en += max(0, en)
            m.sp += max(0, sp)
            tx.emit(UnitRecovered(u.uid, max(0, hp), max(0, en), max(0, sp)))
        change_will(tx, u.uid, ctx.defs.rules.will_per_phase + mods.will_per_phase, "new phase")


def end_phase(tx: Tx) -> None:
    """End the current phase and start the next side's (a new turn after the last side)."""
    state = tx.state
    tx.emit(PhaseEnded(state.turn, state.side))
    state.undo = None
    nxt = state.phase + 1
    if nxt >= len(state.ctx.sides):
        nxt = 0
        state.turn += 1
        state.phase = nxt
        tx.emit(TurnStarted(state.turn))
    else:
        state.phase = nxt
    start_phase(tx, upkeep=state.turn > 1)
