"""Which battle line a pilot says: chosen by a hash of the moment as the events record it
(the battle's seed, who, to whom, with what, the target's HP before the blow), never by the
time it is shown, so a replay says the same lines; the engine's random stream is untouched."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from game.core import BattleState
from game.core import events as ev
from game.ui.fx.book import FxBook

HEAVY_DAMAGE = 0.3  # HP share left at or under which a hit is "heavy damage"


@dataclass(frozen=True)
class Quote:
    uid: str
    pilot_id: str
    situation: str
    text: str


def pick(lines: Sequence[str], *key: object) -> str | None:
    if not lines:
        return None
    h = zlib.crc32("|".join(map(str, key)).encode("utf-8"))
    return lines[h % len(lines)]


def _pilot(state: BattleState, uid: str) -> str | None:
    return state.unit(uid).pilot_id


def strike_quote(book: FxBook, state: BattleState, e: ev.StrikeResolved) -> Quote | None:
    """What the striker says as it strikes: lines for this opponent, then for this weapon,
    then for its role (attack, counter, support)."""
    pid = _pilot(state, e.attacker)
    quotes = book.pilot_quotes(pid)
    if quotes is None or pid is None:
        return None
    situation = {"counter": "counter", "support_attack": "support"}.get(e.role, "attack")
    key = (situation, e.attacker, e.target, e.weapon, state.seed, e.hp_before, e.role)
    opponent = _pilot(state, e.target)
    for lines, name in (
        (book.against(quotes, opponent), "against"),
        (quotes.weapons.get(e.weapon, []), "weapon"),
        (getattr(quotes, situation), situation),
        (quotes.attack, "attack"),
    ):
        text = pick(lines, *key)
        if text:
            return Quote(e.attacker, pid, name if name in ("against", "weapon") else situation, text)
    return None


def reaction_quote(book: FxBook, state: BattleState, e: ev.StrikeResolved, max_hp: int) -> Quote | None:
    """What the target says after the blow: evaded, damaged, heavy damage (shot down is the
    destruction's own line)."""
    if e.hit and e.hp_after <= 0:
        return None
    if e.hit and e.damage <= 0 and not e.substitute:
        return None
    if not e.hit:
        situation = "evaded"
    elif e.hp_after <= max_hp * HEAVY_DAMAGE:
        situation = "heavy_damage"
    else:
        situation = "damaged"
    return _say(book, state, e.target, situation, (e.attacker, e.weapon, e.hp_before, e.role))


def support_defend_quote(book: FxBook, state: BattleState, e: ev.StrikeResolved) -> Quote | None:
    """What a unit says as it steps in front of a blow meant for an ally."""
    return _say(book, state, e.target, "support", (e.attacker, e.weapon, e.hp_before, e.role))


def shot_down_quote(book: FxBook, state: BattleState, uid: str) -> Quote | None:
    return _say(book, state, uid, "shot_down", ())


def finish_quote(book: FxBook, state: BattleState, uid: str, target: str) -> Quote | None:
    return _say(book, state, uid, "finish", (target,))


def spirit_quote(book: FxBook, state: BattleState, uid: str, spirit: str, sp_left: int = 0) -> Quote | None:
    return _say(book, state, uid, "spirit", (spirit, sp_left))


def _say(book: FxBook, state: BattleState, uid: str, situation: str, key: tuple[object, ...]) -> Quote | None:
    pid = _pilot(state, uid)
    quotes = book.pilot_quotes(pid)
    if quotes is None or pid is None:
        return None
    text = pick(getattr(quotes, situation), situation, uid, state.seed, *key)
    return Quote(uid, pid, situation, text) if text else None
