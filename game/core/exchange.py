"""Resolving an exchange (RULES §8): the forecast's strikes in order, each with its rolls,
then Will, EXP, funds and effect lifetimes."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from game.core.combat import StrikeCalc, forecast_attack, strike, weapon_problem, weapon_range
from game.core.commands import Attack, MapAttack
from game.core.defs import WeaponDef, WillGains
from game.core.errors import IllegalCommand
from game.core.events import ExchangeEnded, ExchangeStarted, StrikeResolved, UnitCaptured, UnitDestroyed
from game.core.grid import Pos, distance
from game.core.lifecycle import add_status, change_will, consume, finish_action, gain_exp, gain_funds, kill_exp
from game.core.modifiers import collect
from game.core.rng import Roll
from game.core.state import ACTIVE, CAPTURED, DESTROYED, BattleState
from game.core.stats import environment, pilot_stats, unit_def, will_profile
from game.core.tx import Tx


@dataclass
class _Tally:
    """What happened in one exchange, applied once all strikes are done."""

    will: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    kills: list[tuple[str, str, bool]] = field(default_factory=list)  # killer, victim, captured
    exp: dict[str, int] = field(default_factory=dict)
    struck: set[str] = field(default_factory=set)  # units that attacked or countered
    participants: set[str] = field(default_factory=set)
    used_weapons: list[tuple[str, str]] = field(default_factory=list)

    def will_for(self, uid: str, delta: int, reason: str) -> None:
        if delta:
            self.will.setdefault(uid, []).append((delta, reason))


def resolve_attack(tx: Tx, cmd: Attack) -> None:
    state = tx.state
    u = tx.own_unit(cmd.unit)
    if u.acted:
        raise IllegalCommand(f"{u.uid} has already acted this phase.")
    if cmd.target not in state.units:
        raise IllegalCommand(f"There is no unit {cmd.target!r} in this battle.")
    fc = forecast_attack(state, cmd)
    # The Counter skill's roll (does the counter come first?) is drawn before any blow and
    # recorded in the event that opens the exchange.
    counter_first = False
    rolls: tuple[Roll, ...] = ()
    if fc.counter is not None and fc.counter_first > 0:
        roll = tx.roll("combat", 100, "counter_first")
        counter_first = roll.value < fc.counter_first
        rolls = (roll,)
    tx.emit(
        ExchangeStarted(
            fc.attacker,
            fc.defender,
            fc.weapon,
            fc.reaction,
            fc.support_attacker,
            fc.support_defender,
            None if fc.counter is None else fc.counter.weapon,
            counter_first=counter_first,
            rolls=rolls,
        )
    )
    order: list[StrikeCalc] = [fc.attack]
    if fc.support_attack is not None:
        order.append(fc.support_attack)
    if fc.counter is not None:
        if counter_first:
            order.insert(0, fc.counter)
        else:
            order.append(fc.counter)
    tally = _Tally()
    tally.participants.update({fc.attacker, fc.defender})
    for calc in order:
        if calc.role == "support_attack" and fc.support_attacker is not None:
            if _strike(tx, calc, tally):
                tx.unit(fc.support_attacker).support_attacks += 1
        else:
            _strike(tx, calc, tally)
    if fc.support_defender is not None:
        tx.unit(fc.support_defender).support_defends += 1
        tally.participants.add(fc.support_defender)
    if fc.support_attacker is not None:
        tally.participants.add(fc.support_attacker)
    _settle(tx, tally)
    tx.emit(ExchangeEnded(fc.attacker, fc.defender))
    finish_action(tx, fc.attacker)


def _strike(tx: Tx, calc: StrikeCalc, tally: _Tally, *, pay: bool = True) -> bool:
    """Resolve one blow; False when it did not happen (its attacker or target is gone)."""
    state = tx.state
    ctx = state.ctx
    rules = ctx.defs.rules
    a = state.units[calc.attacker]
    t = state.units[calc.target]
    if a.status != ACTIVE or t.status != ACTIVE:
        return False
    w = unit_def(ctx, a).weapon(calc.weapon)
    if pay:
        _pay(tx, a.uid, w)
        tally.used_weapons.append((a.uid, w.id))
    if calc.role in ("attack", "counter"):
        tally.struck.add(a.uid)
    rolls_before = len(tx.rng.rolls)
    hit = tx.roll("combat", 100, "hit").value < calc.hit
    crit = False
    dealt = 0
    barrier_stopped = 0
    substitute = False
    spared = False
    hp_before = t.hp
    if hit:
        if not calc.valor:
            crit = tx.roll("combat", 100, "crit").value < calc.crit
        raw = calc.raw_crit if crit else calc.raw
        barrier = 0
        if calc.barrier and t.en >= calc.barrier_cost:
            barrier = calc.barrier
            if calc.barrier_cost:
                tx.unit(t.uid).en -= calc.barrier_cost
        dealt = max(rules.min_damage, raw - barrier)
        barrier_stopped = max(0, min(barrier, raw - rules.min_damage)) if barrier else 0
        if dealt >= t.hp and calc.mercy and _mercy_allowed(tx, a.uid, t.uid):
            spared = True
            dealt = max(0, t.hp - rules.mercy_hp)
        elif dealt >= t.hp:
            tm = collect(ctx, t, "defend")
            if tm.substitute > t.substitutes_used:
                substitute = True
                dealt = 0
                tx.unit(t.uid).substitutes_used += 1
        tm_unit = tx.unit(t.uid)
        tm_unit.hp = max(0, t.hp - dealt)
        state.results[a.side].damage_dealt += dealt
    t = state.units[calc.target]
    a_gain = _gains(tx, a.uid)
    t_gain = _gains(tx, t.uid)
    if hit:
        tally.will_for(a.uid, a_gain.hit, "hit")
        tally.will_for(t.uid, t_gain.damaged, "damaged")
    else:
        tally.will_for(a.uid, a_gain.miss, "missed")
        tally.will_for(t.uid, t_gain.evaded, "evaded")
    consume(tx, t.uid, "next_defense")
    rolls = tuple(tx.rng.rolls[rolls_before:])
    destroyed = hit and t.hp <= 0
    captured = spared and unit_def(ctx, t).capturable
    tx.emit(
        StrikeResolved(
            attacker=a.uid,
            target=t.uid,
            weapon=w.id,
            role=calc.role,
            hit_chance=calc.hit,
            hit=hit,
            crit_chance=calc.crit,
            crit=crit,
            damage=dealt,
            hp_before=hp_before,
            hp_after=t.hp,
            barrier=barrier_stopped,
            substitute=substitute,
            mercy=spared,
            rolls=rolls,
        )
    )
    if destroyed or captured:
        m = tx.unit(t.uid)
        m.status = DESTROYED if destroyed else CAPTURED
        tally.kills.append((a.uid, t.uid, captured))
        if destroyed:
            tx.emit(UnitDestroyed(t.uid, a.uid))
        else:
            tx.emit(UnitCaptured(t.uid, a.uid))
    elif hit and dealt > 0:
        share = Fraction(kill_exp(tx, a, t)) * rules.exp_damage_share
        tally.exp[a.uid] = tally.exp.get(a.uid, 0) + max(1, int(share))
    return True


def _gains(tx: Tx, uid: str) -> WillGains:
    return will_profile(tx.ctx, tx.state.units[uid].pilot_id)[3]


def _mercy_allowed(tx: Tx, attacker: str, target: str) -> bool:
    return mercy_allowed(tx.state, attacker, target)


def mercy_allowed(state: BattleState, attacker: str, target: str) -> bool:
    """Whether the attacker's Mercy may spare the target (the rules' skill condition); the
    forecast uses it to say "captured" or "spared" instead of "destroyed"."""
    rules = state.ctx.defs.rules
    if not rules.mercy_needs_higher_skill:
        return True
    a, t = state.units[attacker], state.units[target]
    return pilot_stats(state.ctx, a).skill > pilot_stats(state.ctx, t).skill


def _settle(tx: Tx, tally: _Tally) -> None:
    """After the blows: kills (Will, EXP, funds), Will, effect lifetimes, statuses."""
    state = tx.state
    ctx = state.ctx
    rules = ctx.defs.rules
    for killer, victim, captured in tally.kills:
        k = state.units[killer]
        v = state.units[victim]
        tally.will_for(killer, _gains(tx, killer).shot_down, "shot down an enemy")
        # Everyone on the killer's team gains; the victim's team reacts to losing an ally.
        k_team, v_team = ctx.team(k.side), ctx.team(v.side)
        side_kill = rules.will_side_kill
        for friend in state.positions().values():
            team = ctx.team(friend.side)
            if team == k_team:
                tally.will_for(friend.uid, side_kill, "side shot down an enemy")
            elif team == v_team:
                tally.will_for(friend.uid, will_profile(ctx, friend.pilot_id)[3].ally_lost, "ally lost")
        tally.exp[killer] = tally.exp.get(killer, 0) + kill_exp(tx, k, v)
        km = collect(ctx, k)
        funds = Fraction(unit_def(ctx, v).funds) * km.funds_mul
        if captured:
            funds *= rules.capture_funds_mul
        gain_funds(tx, k.side, int(funds), f"{'captured' if captured else 'shot down'} {victim}")
        state.results[k.side].kills += 1
        state.results[v.side].lost += 1
        tx.unit(killer).kills += 1
    for uid, changes in tally.will.items():
        if state.units[uid].status != ACTIVE:
            continue
        if len(changes) == 1:
            change_will(tx, uid, changes[0][0], changes[0][1])
        else:
            change_will(tx, uid, sum(d for d, _ in changes), ", ".join(r for _, r in changes))
    for uid, amount in tally.exp.items():
        gain_exp(tx, uid, amount)
    for killer, _victim, _captured in tally.kills:
        consume(tx, killer, "next_kill")
    for uid in sorted(tally.struck):
        consume(tx, uid, "next_attack")
    for uid in sorted(tally.participants):
        consume(tx, uid, "next_battle")
    for uid, wid in tally.used_weapons:
        u = state.units[uid]
        status = unit_def(ctx, u).weapon(wid).user_status
        if status and u.status == ACTIVE:
            add_status(tx, uid, status)


# ---- MAP weapons -----------------------------------------------------------------------------
def rotate(offset: Pos, direction: int) -> Pos:
    """Rotate a north-facing offset clockwise `direction` quarter turns (0 N, 1 E, 2 S, 3 W)."""
    dx, dy = offset
    for _ in range(direction % 4):
        dx, dy = -dy, dx
    return dx, dy


def map_area(tx_state: BattleState, uid: str, weapon_id: str, direction: int, center: Pos | None) -> list[Pos]:
    """The tiles a MAP weapon covers, in a fixed order; raises IllegalCommand if misaimed."""
    ctx = tx_state.ctx
    u = tx_state.units[uid]
    w = unit_def(ctx, u).weapon(weapon_id)
    area = w.map_area
    if area is None:
        raise IllegalCommand(f"{w.name} is not a MAP weapon.")
    if area.shape == "targeted":
        if center is None:
            raise IllegalCommand(f"{w.name} needs a target tile.")
        lo, hi = weapon_range(w, collect(ctx, u, "attack", w))
        if not lo <= distance(u.pos, center) <= hi:
            raise IllegalCommand(f"{w.name} reaches {lo}-{hi} tiles; that tile is {distance(u.pos, center)} away.")
        tiles = [(center[0] + dx, center[1] + dy) for dx, dy in area.offsets]
    else:
        if direction not in (0, 1, 2, 3):
            raise IllegalCommand("direction must be 0 (north), 1 (east), 2 (south) or 3 (west).")
        tiles = []
        for off in area.offsets:
            dx, dy = rotate(off, direction)
            tiles.append((u.x + dx, u.y + dy))
    return [p for p in dict.fromkeys(tiles) if ctx.grid.in_bounds(p)]


def resolve_map_attack(tx: Tx, cmd: MapAttack) -> None:
    state = tx.state
    ctx = state.ctx
    u = tx.own_unit(cmd.unit)
    if u.acted:
        raise IllegalCommand(f"{u.uid} has already acted this phase.")
    udef = unit_def(ctx, u)
    if not udef.has_weapon(cmd.weapon):
        raise IllegalCommand(f"{udef.name} has no weapon {cmd.weapon!r}.")
    w = udef.weapon(cmd.weapon)
    if w.map_area is None:
        raise IllegalCommand(f"{w.name} is not a MAP weapon.")
    if u.moved:
        raise IllegalCommand(f"{w.name} is a MAP weapon and cannot be used after moving.")
    problem = weapon_problem(state, u, w, after_move=False)
    if problem:
        raise IllegalCommand(problem)
    tiles = map_area(state, u.uid, w.id, cmd.direction, cmd.center)
    occupancy = state.occupancy()
    targets = []
    for p in tiles:
        t = occupancy.get(p)
        if t is None or t.uid == u.uid:
            continue
        if ctx.friendly(t.side, u.side) and not w.map_area.friendly_fire:
            continue
        if not w.ranks.allows(environment(ctx, t)):
            continue
        targets.append(t)
    if not targets:
        raise IllegalCommand(f"{w.name} would hit nobody there.")
    tx.emit(ExchangeStarted(u.uid, targets[0].uid, w.id, "none", None, None, None))
    tally = _Tally()
    tally.participants.add(u.uid)
    # The weapon is fired once: pay for it once, then roll per target.
    _pay(tx, u.uid, w)
    tally.used_weapons.append((u.uid, w.id))
    for t in targets:
        calc = strike(tx.state, tx.state.units[u.uid], w, tx.state.units[t.uid], "map")
        tally.participants.add(t.uid)
        _strike(tx, calc, tally, pay=False)
    tally.struck.add(u.uid)
    _settle(tx, tally)
    tx.emit(ExchangeEnded(u.uid, targets[0].uid))
    finish_action(tx, u.uid)


def _pay(tx: Tx, uid: str, w: WeaponDef) -> None:
    m = tx.unit(uid)
    if w.en_cost:
        m.en -= w.en_cost
    if w.ammo is not None:
        m.ammo[w.id] = m.ammo.get(w.id, 0) - 1
