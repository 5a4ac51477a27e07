"""The battle forecast as rows to display: who strikes, with what, hit%, damage, crit%."""

from __future__ import annotations

from dataclasses import dataclass

from game.core import Attack, BattleState, Forecast, forecast
from game.core.combat import StrikeCalc, counter_weapons
from game.core.exchange import mercy_allowed
from game.core.formulas import Reaction
from game.core.stats import pilot_def, unit_def

REACTION_LABELS: dict[Reaction, str] = {"counter": "Counter", "defend": "Defend", "evade": "Evade"}


@dataclass(frozen=True)
class StrikeRow:
    role: str  # attack | support_attack | counter
    unit: str  # uid of the striker
    unit_name: str
    pilot_name: str
    weapon: str
    hit: int
    damage: int
    crit_damage: int
    crit: int
    target: str
    target_hp: int
    lethal: bool  # a normal hit would destroy the target (unless Mercy spares it)
    barrier: int
    spared: str = ""  # "captured" / "spared" when a lethal hit leaves the target alive (Mercy)


def strike_row(state: BattleState, calc: StrikeCalc) -> StrikeRow:
    ctx = state.ctx
    a = state.unit(calc.attacker)
    t = state.unit(calc.target)
    p = pilot_def(ctx, a)
    lethal = calc.damage >= t.hp
    spared = ""
    if lethal and calc.mercy and mercy_allowed(state, a.uid, t.uid):
        spared = "captured" if unit_def(ctx, t).capturable else "spared"
    return StrikeRow(
        calc.role,
        a.uid,
        unit_def(ctx, a).name,
        p.name if p is not None else "",
        unit_def(ctx, a).weapon(calc.weapon).name,
        calc.hit,
        calc.damage,
        calc.crit_damage,
        calc.crit,
        t.uid,
        t.hp,
        lethal,
        calc.barrier,
        spared,
    )


@dataclass(frozen=True)
class ForecastView:
    defender: str  # the unit attacked (a support defender may take the hits instead)
    attack: StrikeRow
    support_attack: StrikeRow | None
    counter: StrikeRow | None
    support_defender: str | None  # unit name taking the hits instead
    reaction: Reaction
    counter_first: int
    note: str  # why there is no counter, or ""


def forecast_view(state: BattleState, fc: Forecast) -> ForecastView:
    ctx = state.ctx
    note = ""
    if fc.counter is None:
        if fc.reaction == "defend":
            note = "Defending: damage taken is halved, no counter."
        elif fc.reaction == "evade":
            note = "Evading: the hit chance is halved, no counter."
        else:
            note = "No weapon can counter at this range."
    guard = None
    if fc.support_defender is not None:
        guard = unit_def(ctx, state.unit(fc.support_defender)).name
    return ForecastView(
        fc.defender,
        strike_row(state, fc.attack),
        None if fc.support_attack is None else strike_row(state, fc.support_attack),
        None if fc.counter is None else strike_row(state, fc.counter),
        guard,
        fc.reaction,
        fc.counter_first,
        note,
    )


def reaction_options(state: BattleState, attack: Attack, counter_weapon: str = "auto") -> dict[Reaction, ForecastView]:
    """The forecast of an enemy attack for each reaction the player may choose."""
    out: dict[Reaction, ForecastView] = {}
    for reaction in REACTION_LABELS:
        fc = forecast(
            state,
            attack.unit,
            attack.weapon,
            attack.target,
            reaction,
            counter_weapon=counter_weapon if reaction == "counter" else "auto",
            support_attack=attack.support_attack,
            support_defend=attack.support_defend,
        )
        out[reaction] = forecast_view(state, fc)
    return out


def counter_choices(state: BattleState, attack: Attack) -> list[tuple[str, str]]:
    """(weapon id, name) the defender could counter this attack with."""
    d = state.unit(attack.target)
    a = state.unit(attack.unit)
    return [(w.id, w.name) for w in counter_weapons(state, d, a)]
