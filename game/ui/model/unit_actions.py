"""The action menu of a player unit: which commands exist, which are possible now, and
why not. Every answer comes from the engine (`legal_commands`, `weapon_problem`,
`target_problem`, `check_cast`, or `apply` refusing a command with its reason)."""

from __future__ import annotations

from dataclasses import dataclass

from game.core import (
    Attack,
    BattleState,
    CastSpirit,
    Command,
    EndPhase,
    IllegalCommand,
    Land,
    MapAttack,
    Repair,
    Supply,
    TakeOff,
    Wait,
    apply,
    legal_commands,
)
from game.core.combat import target_problem, weapon_problem
from game.core.defs import WeaponDef
from game.core.modifiers import collect
from game.core.spirits import check_cast, known_spirits, sp_cost
from game.core.state import UnitState
from game.core.stats import unit_def
from game.ui.model.wording import in_words


@dataclass(frozen=True)
class MenuItem:
    key: str  # attack | map_attack | spirit | take_off | land | repair | supply | wait | status
    label: str
    enabled: bool
    reason: str = ""


def refusal(state: BattleState, command: Command) -> str | None:
    """The engine's own reason for refusing `command` (None if it would be accepted)."""
    try:
        apply(state, command)
    except IllegalCommand as exc:
        return in_words(state, str(exc))
    return None


def unit_menu(state: BattleState, uid: str) -> list[MenuItem]:
    u = state.unit(uid)
    ctx = state.ctx
    udef = unit_def(ctx, u)
    legal = legal_commands(state, uid)
    items: list[MenuItem] = []
    done_reason = f"{udef.name} has already acted this phase." if u.acted else ""

    normal = [w for w in udef.weapons if not w.is_map]
    if normal:
        ok = any(isinstance(c, Attack) for c in legal)
        items.append(MenuItem("attack", "Attack", ok, "" if ok else done_reason or attack_reason(state, uid, normal)))
    maps = [w for w in udef.weapons if w.is_map]
    if maps:
        ok = any(isinstance(c, MapAttack) for c in legal)
        reason = ""
        if not ok:
            reason = done_reason or _map_reason(state, uid, maps)
        items.append(MenuItem("map_attack", "MAP Attack", ok, reason))
    spirits = known_spirits(state, u)
    if u.pilot_id is not None:
        any_cast = any(isinstance(c, CastSpirit) for c in legal)
        if not spirits:
            reason = "This pilot has no spirit commands yet."
        elif u.acted:
            reason = done_reason
        elif not any_cast:
            reason = "No spirit can be cast now (see the list for each reason)."
        else:
            reason = ""
        # The list is worth opening even when nothing can be cast: it explains each one.
        items.append(MenuItem("spirit", "Spirit", bool(spirits) and not u.acted, reason))
    if udef.can_fly and not udef.always_flying and not ctx.grid.space:
        if u.flying:
            r = refusal(state, Land(uid))
            items.append(MenuItem("land", "Land", r is None, r or ""))
        else:
            r = refusal(state, TakeOff(uid))
            items.append(MenuItem("take_off", "Fly", r is None, r or ""))
    mods = collect(ctx, u)
    if mods.repair > 0:
        ok = any(isinstance(c, Repair) for c in legal)
        items.append(
            MenuItem("repair", "Repair", ok, "" if ok else done_reason or "No damaged ally stands next to this unit.")
        )
    if mods.supply is not None:
        ok = any(isinstance(c, Supply) for c in legal)
        items.append(
            MenuItem("supply", "Supply", ok, "" if ok else done_reason or "No ally next to this unit needs EN or ammo.")
        )
    wait = refusal(state, Wait(uid))
    items.append(MenuItem("wait", "Wait", wait is None, wait or ""))
    items.append(MenuItem("status", "Status", True))
    return items


def ready_units(state: BattleState, side: str) -> list[str]:
    """Units of `side` that can still do something besides waiting (a unit that cannot move
    or act, like a building, never holds up the end of the phase)."""
    out = []
    for u in state.active_units(side):
        if u.moved and u.acted:
            continue
        if any(not isinstance(c, (Wait, EndPhase)) for c in legal_commands(state, u.uid)):
            out.append(u.uid)
    return out


def attack_reason(state: BattleState, uid: str, weapons: list[WeaponDef]) -> str:
    u = state.unit(uid)
    problems = [weapon_problem(state, u, w, after_move=u.moved) for w in weapons]
    usable = [w for w, p in zip(weapons, problems, strict=True) if p is None]
    if not usable:
        return "No weapon can fire: " + "; ".join(p for p in problems if p) + "."
    return "No enemy is in range of a usable weapon."


def _map_reason(state: BattleState, uid: str, weapons: list[WeaponDef]) -> str:
    u = state.unit(uid)
    if u.moved:
        return "MAP weapons cannot be used after moving."
    problems = [weapon_problem(state, u, w, after_move=False) for w in weapons]
    if all(problems):
        return "; ".join(p for p in problems if p) + "."
    return "No enemy in the area of any MAP weapon."


@dataclass(frozen=True)
class WeaponRow:
    weapon: WeaponDef
    enabled: bool
    reason: str
    targets: tuple[str, ...]


def weapon_rows(state: BattleState, uid: str) -> list[WeaponRow]:
    """Normal weapons with the enemies each can hit now, or why it cannot fire."""
    u = state.unit(uid)
    ctx = state.ctx
    legal = [c for c in legal_commands(state, uid) if isinstance(c, Attack)]
    rows = []
    foes = [t for t in state.active_units() if ctx.hostile(u.side, t.side)]
    for w in unit_def(ctx, u).weapons:
        if w.is_map:
            continue
        targets = tuple(c.target for c in legal if c.weapon == w.id)
        reason = ""
        if not targets:
            reason = weapon_problem(state, u, w, after_move=u.moved) or ""
            if not reason:
                near = sorted(foes, key=lambda t: abs(t.x - u.x) + abs(t.y - u.y))
                reason = (target_problem(state, u, w, near[0]) if near else None) or "No enemy in range."
        rows.append(WeaponRow(w, bool(targets), reason, targets))
    return rows


@dataclass(frozen=True)
class SpiritRow:
    id: str
    name: str
    cost: int
    target: str  # the spirit's target kind
    enabled: bool
    reason: str
    description: str
    targets: tuple[str | None, ...]  # valid choices (None = no target needed)


def spirit_rows(state: BattleState, uid: str) -> list[SpiritRow]:
    u = state.unit(uid)
    ctx = state.ctx
    legal = [c for c in legal_commands(state, uid) if isinstance(c, CastSpirit)]
    rows = []
    for ref in known_spirits(state, u):
        spirit = ctx.defs.spirits[ref.id]
        targets = tuple(c.target for c in legal if c.spirit == ref.id)
        reason = ""
        if not targets:
            reason = _cast_reason(state, u, ref.id, spirit.target)
        rows.append(
            SpiritRow(
                ref.id,
                spirit.name,
                sp_cost(state, u, ref),
                spirit.target,
                bool(targets),
                reason,
                spirit.description,
                targets,
            )
        )
    return rows


def _cast_reason(state: BattleState, u: UnitState, spirit_id: str, target_kind: str) -> str:
    """The engine's reason a spirit cannot be cast (for targeted spirits: on the first candidate)."""
    ctx = state.ctx
    candidates: list[str | None]
    if target_kind in ("ally", "enemy"):
        candidates = [
            t.uid
            for t in state.active_units()
            if t.uid != u.uid
            and (ctx.hostile(u.side, t.side) if target_kind == "enemy" else ctx.friendly(u.side, t.side))
        ]
        if not candidates:
            return "No other ally on the map." if target_kind == "ally" else "No enemy on the map."
    else:
        candidates = [None]
    for target in candidates:
        try:
            check_cast(state, CastSpirit(u.uid, spirit_id, target))
        except IllegalCommand as exc:
            return in_words(state, str(exc))
    return "It cannot be cast now."


def map_weapon_rows(state: BattleState, uid: str) -> list[WeaponRow]:
    """MAP weapons, usable when some direction or tile would hit an enemy (targets left empty)."""
    u = state.unit(uid)
    legal = {c.weapon for c in legal_commands(state, uid) if isinstance(c, MapAttack)}
    rows = []
    for w in unit_def(state.ctx, u).weapons:
        if not w.is_map:
            continue
        reason = "" if w.id in legal else (weapon_problem(state, u, w, after_move=u.moved) or "No enemy in its area.")
        if u.moved and w.id not in legal:
            reason = "MAP weapons cannot be used after moving."
        rows.append(WeaponRow(w, w.id in legal, reason, ()))
    return rows
