"""One unit's option search: every end tile, every attack from it, MAP attacks, devices.

A search is built from three parts: the `Setting` (what the unit's situation is: its
hostiles and friends, end tiles, weights, the threats on it), the `TileValues` (what ending
on each tile is worth: danger, goal progress, terrain) and the search's own caches. A search
for the same unit with an offensive spirit on it shares the first two when the spirit
leaves its defence and move alone (`UnitSearch.with_spirit`): only attacks change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.ai.assessment import Assessor
from game.ai.behaviour import Behaviour
from game.ai.difficulty import Difficulty
from game.ai.scoring import (
    PRIORITY_BONUS,
    STRIP_VALUE,
    TIE,
    Armament,
    Option,
    Target,
    kill_odds,
    priority,
    shielded,
    spend_odds,
    substitute_share,
)
from game.ai.setting import Setting, read_setting
from game.ai.threat import profile, unit_key
from game.ai.tile_values import NO_GOAL, TileValues, goal_of
from game.core.combat import strike, support_defenders, weapon_problem, weapon_range
from game.core.commands import Attack, Command, MapAttack, Repair, Supply
from game.core.errors import IllegalCommand
from game.core.exchange import map_area
from game.core.grid import Pos, distance
from game.core.modifiers import collect
from game.core.state import BattleState, UnitState
from game.core.stats import environment, max_en, max_hp, unit_def


@dataclass(slots=True)
class SearchMemo:
    """One search's own caches (never shared with a search for another state)."""

    placed: dict[Pos, UnitState] = field(default_factory=dict)
    meta: list[tuple[Pos, str, str, bool, float]] | None = None
    env_of: dict[str, str] = field(default_factory=dict)
    shields: dict[str, bool] = field(default_factory=dict)
    targets: dict[str, Target] = field(default_factory=dict)  # by the hostile's uid


class UnitSearch:
    """The best option of unit `u` in `state`, from its setting and tile values."""

    def __init__(
        self, assessor: Assessor, state: BattleState, u: UnitState, setting: Setting, values: TileValues
    ) -> None:
        self.assessor = assessor
        self.state = state
        self.u = u
        self.setting = setting
        self.values = values
        self.b = setting.b
        self.diff: Difficulty = assessor.diff
        self.mods = collect(state.ctx, u)
        self.memo = SearchMemo()
        self._best: Option | None = None
        self._best_key = ""

    @classmethod
    def start(cls, assessor: Assessor, state: BattleState, u: UnitState, b: Behaviour) -> UnitSearch:
        setting = read_setting(assessor, state, u, b)
        # With one tile to end on, goal progress is the same for every option: not needed.
        goal = goal_of(assessor, state, u, setting) if len(setting.tiles) > 1 else NO_GOAL
        return cls(assessor, state, u, setting, TileValues(state, u, setting, goal))

    def with_spirit(self, state: BattleState, v: UnitState) -> UnitSearch:
        """A search for `v`, the same unit with an offensive spirit on it, in `state` (the
        same battle with `v` in place of the unit). Only valid when the spirit leaves the
        unit's defence and move alone (`same_defence`): end tiles, their danger and their
        goal progress are then unchanged and are shared; attacks are searched again."""
        goal = self.values.goal
        engage = max((x.hi for x in self.assessor.weapons(state, v)), default=0) if goal.engage else 0
        values = self.values
        if engage != goal.engage:  # a longer reach changes where closing in stops counting
            values = TileValues(state, v, self.setting, goal_of(self.assessor, state, v, self.setting))
        return UnitSearch(self.assessor, state, v, self.setting, values)

    def attack_ceiling(self) -> float | None:
        """An upper bound of the score of any attack this unit could find here, whatever
        its attack's numbers (no counter, every blow landing and destroying its target, no
        EN or ammo spent): what an offensive spirit could at most lift the plan to. None
        when it has a MAP weapon (no bound is worked out for those)."""
        state, u, s = self.state, self.u, self.setting
        assessor = self.assessor
        if any(w.is_map for w in unit_def(state.ctx, u).weapons):
            return None
        top = -math.inf
        for t in s.hostiles:
            if not assessor.can_reach(state, u, t):
                continue
            tg = self._target(t)
            gain = tg.weight * (tg.focus * t.hp / tg.top_hp + tg.kill_bonus) + tg.strip + tg.priority
            for g in tg.guards:  # a support defender taking the blow is worth its share of HP
                gain = max(gain, assessor.worth(state, g))
            top = max(top, gain)
        if top == -math.inf:
            return -math.inf
        return s.attack_scale * top + s.engage + self.values.by_base()[0][0]

    # ---- choosing --------------------------------------------------------------------------
    def _wins(self, score: float, key: str | None = None) -> bool:
        """Whether an option scoring `score` beats the best so far; `key` (its tie-break
        label) is only needed when the two are level, so callers may build it lazily."""
        best = self._best
        if best is None or score > best.score + TIE:
            return True
        if abs(score - best.score) <= TIE:
            return key is None or self.setting.tb.uniform(key) > self.setting.tb.uniform(self._best_key)
        return False

    def consider(self, opt: Option, key: str) -> None:
        if self._wins(opt.score, key):
            self._best, self._best_key = opt, key

    def best(self) -> Option:
        # Staying on the tile of best base gives a first bar; attacks usually raise it,
        # which leaves few other tiles to look at for doing nothing.
        order = self.values.by_base()
        self._idle(order[:1])
        if not self.u.acted:
            self.attacks()
            if not self.u.moved:
                self.map_attacks()
            if self.mods.repair > 0 or self.mods.supply is not None:
                self.devices()
        self._idle(order[1:])
        assert self._best is not None
        return self._best

    def _idle(self, order: list[tuple[float, Pos]]) -> None:
        """Ending on each tile of `order` (best base first) and doing nothing."""
        # A tile's value never exceeds its base (danger only subtracts): stop once no base
        # can reach the best value found.
        for base, p in order:
            if self._best is not None and base < self._best.score - TIE:
                break
            value, danger = self.values.value(p)
            if self._wins(value):
                key = f"idle{p}"
                if self._wins(value, key):
                    self._best, self._best_key = Option(value, p, danger=danger), key

    def attacks(self) -> None:
        """Every attack from every tile, best first by an optimistic bound.

        Tiles are grouped by what the exchange depends on (distance, terrain, whether the
        unit moved). For each group and weapon the attack itself is cheap and cached; the
        bound assumes no counter and the best tile of the group. Groups are then evaluated
        in full (counter included) from the best bound down, stopping once no bound can
        beat the best option found: the result is the same as evaluating them all.
        """
        assessor, state, u = self.assessor, self.state, self.u
        ctx = state.ctx
        weapons = assessor.weapons(state, u)
        if not weapons:
            return
        ux, uy = u.pos
        reach_max = max(abs(x - ux) + abs(y - uy) for x, y in self.setting.tiles)
        max_hi = max(x.hi for x in weapons)
        min_lo = min(x.lo for x in weapons)
        ku = profile(u)  # the attacker's identity does not matter, only its numbers
        meta = self._tile_meta()
        candidates: list[tuple[float, int, Target, Armament, list[tuple[float, Pos]], UnitState]] = []
        for t in self.setting.hostiles:
            tx, ty = t.pos
            if abs(ux - tx) + abs(uy - ty) > reach_max + max_hi:
                continue
            env_t = environment(ctx, t)
            usable = [x for x in weapons if x.w.ranks.allows(env_t)]
            if not usable:
                continue
            target = self._target(t)
            groups: dict[tuple[int, str, bool], list[tuple[float, Pos]]] = {}
            for p, tid, _env, moved_here, base in meta:
                d = abs(p[0] - tx) + abs(p[1] - ty)
                if min_lo <= d <= max_hi:
                    groups.setdefault((d, tid, moved_here), []).append((base, p))
            # The attack itself depends on the attacker's tile only through the distance,
            # its environment and whether it moved: worked out once for all terrains alike.
            attack_bounds: dict[tuple[int, bool, str, str], tuple[float, float]] = {}
            for (d, tid, moved_here), tiles in groups.items():
                a = self._placed(tiles[0][1])
                env_a = self.memo.env_of[tid]
                for x in usable:
                    if not (x.lo <= d <= x.hi) or not (x.moving if moved_here else x.here):
                        continue
                    akey = (d, moved_here, env_a, x.w.id)
                    found = attack_bounds.get(akey)
                    if found is None:
                        skey = (ku, target.key, x.w.id, d, env_a)
                        s, victim = assessor.strike_on(state, a, x.w, t, target.guards, skey)
                        dealt, p_kill = kill_odds(s, victim.hp, self._shielded(victim))
                        progress = p_kill + target.spend_share * spend_odds(s, victim.hp, self._shielded(victim))
                        if victim is not t:
                            p_kill = progress = 0.0
                        found = attack_bounds[akey] = (
                            self._attack_score(target, x, dealt, progress, victim, 0.0, 0.0, s.hit),
                            p_kill,
                        )
                    bound, p_kill = found
                    bound += self.setting.engage  # at most: no counter can destroy us
                    if bound <= 0:
                        continue
                    bound += tiles[0][0]  # no tile of the group is worth more (best base first)
                    candidates.append((bound, len(candidates), target, x, tiles, a))
        candidates.sort(key=lambda c: (-c[0], c[1]))
        for bound, _i, target, x, tiles, a in candidates:
            if self._best is not None and bound < self._best.score - TIE:
                break
            t = target.unit
            tr = assessor.trade(state, a, x.w, t, ku, target.key, target.guards)
            victim = state.units[tr.victim]
            p_kill = tr.p_kill if victim is t else 0.0
            # Using up a boss's substitute charge counts as part of the kill it leads to.
            progress = p_kill + target.spend_share * tr.p_spend if victim is t else 0.0
            score = self._attack_score(target, x, tr.dealt, progress, victim, tr.taken, tr.p_die, tr.hit)
            # Pressing the fight: ending where the target can strike us next phase anyway,
            # an aggressive unit strikes first unless the counter is likely to destroy it.
            engage = self.setting.engage * (1 - tr.p_die)
            if score + engage <= 0:
                continue  # no pointless attacks: doing nothing on that tile is better
            reach = score + engage
            for base, p in tiles:
                # A tile's value never exceeds its base: no later tile of the group can win.
                if self._best is not None and reach + base < self._best.score - TIE:
                    break
                exposed = engage and any(uid == t.uid for uid, _e, _pk in self.values.threats_at(p))
                if not exposed and score <= 0:
                    continue
                value, danger = self.values.value(p, t.uid, p_kill)
                total = score + value + (engage if exposed else 0.0)
                if not self._wins(total):
                    continue
                key = f"atk{p}{t.uid}{x.w.id}"
                if not self._wins(total, key):
                    continue
                self._best_key = key
                self._best = Option(
                    total,
                    p,
                    Attack(u.uid, x.w.id, t.uid),
                    target=t.uid,
                    weapon=x.w.id,
                    hit=tr.hit,
                    damage=tr.damage,
                    p_kill=p_kill,
                    danger=danger,
                )

    def _target(self, t: UnitState) -> Target:
        """What scoring an attack on `t` needs, read once per search."""
        found = self.memo.targets.get(t.uid)
        if found is None:
            found = self.memo.targets[t.uid] = self._read_target(t)
        return found

    def _read_target(self, t: UnitState) -> Target:
        state, diff = self.state, self.diff
        guards = support_defenders(state, t)
        wt = self.assessor.target_weight(state, self.u, self.b, t, self.setting.aims, self.setting.protected)
        kill_bonus = diff.kill_bonus
        if diff.kill_bonus_skip and self.setting.tb.uniform("forget-kill|" + t.uid) < diff.kill_bonus_skip:
            kill_bonus = 0.0
        top = max_hp(state.ctx, t)
        # Any attack uses up a one-shot defence (Alert): worth it when another unit of ours
        # can still reach the target this phase and land the blows that count.
        strip = 0.0
        if any(e.duration == "next_defense" for e in t.effects) and self._follow_up(t):
            strip = STRIP_VALUE * wt
        return Target(
            unit=t,
            key=(unit_key(t), tuple(unit_key(g) for g in guards)),
            guards=guards,
            weight=wt,
            top_hp=top,
            kill_bonus=kill_bonus,
            focus=1 + diff.focus_fire * (1 - t.hp / top),
            strip=strip,
            spend_share=substitute_share(state.ctx, t),
            # Scenario priority: hitting the named target beats most other attacks.
            priority=PRIORITY_BONUS * priority(self.b, t),
        )

    def _follow_up(self, t: UnitState) -> bool:
        """Whether a friend of ours that has not acted could reach `t` this phase."""
        state = self.state
        side = state.side
        return any(
            f.side == side and not f.acted and self.assessor.can_reach(state, f, t) for f in self.setting.friends
        )

    def _tile_meta(self) -> list[tuple[Pos, str, str, bool, float]]:
        """(tile, terrain id, our environment there, moved there?, base value) for every
        end tile, best base first (so every group of them is in that order too)."""
        if self.memo.meta is None:
            ctx = self.state.ctx
            grid, terrains = ctx.grid, ctx.defs.terrains
            flying = self.u.flying
            here = self.u.pos
            env_of = self.memo.env_of
            out = []
            for base, p in self.values.by_base():
                tid = grid.terrain_id(p)
                env = env_of.get(tid)
                if env is None:
                    env = env_of[tid] = grid.environment(terrains[tid], flying)
                out.append((p, tid, env, p != here, base))
            self.memo.meta = out
        return self.memo.meta

    def _shielded(self, v: UnitState) -> bool:
        found = self.memo.shields.get(v.uid)
        if found is None:
            found = self.memo.shields[v.uid] = shielded(self.state.ctx, v)
        return found

    def _placed(self, p: Pos) -> UnitState:
        """`u` as if it stood on `p` (having moved there unless it is its own tile)."""
        a = self.memo.placed.get(p)
        if a is None:
            a = self.u
            if p != a.pos:
                a = a.copy()
                a.x, a.y = p
                a.moved = True
            self.memo.placed[p] = a
        return a

    def _attack_score(
        self,
        target: Target,
        x: Armament,
        dealt: float,
        p_kill: float,
        victim: UnitState,
        taken: float,
        p_die: float,
        hit: int,
    ) -> float:
        assessor, state, s = self.assessor, self.state, self.setting
        if victim is not target.unit:
            gain = assessor.worth(state, victim) * dealt / max_hp(state.ctx, victim)
        else:
            gain = target.weight * (target.focus * dealt / target.top_hp + target.kill_bonus * p_kill)
            # Stripping an Alert pays off whether or not the blow lands (it cannot land); so
            # does the scenario's priority: the unit was told to take this one on.
            gain += target.strip + target.priority
        cost = s.wu * (s.taken_weight * taken / s.top_hp + self.diff.death_weight * p_die)
        score = s.attack_scale * gain - cost - assessor.econ(state, self.u, x.w, s.wu)
        if self.diff.noise:
            score += self.diff.noise * (s.tb.uniform(f"{target.unit.uid}|{x.w.id}") - 0.5)
        return score

    def map_attacks(self) -> None:
        assessor, state, u = self.assessor, self.state, self.u
        ctx = state.ctx
        occupancy = state.occupancy()
        for w in unit_def(ctx, u).weapons:
            area = w.map_area
            if area is None or weapon_problem(state, u, w, after_move=False) is not None:
                continue
            lo, hi = weapon_range(w, collect(ctx, u, "attack", w))
            if area.shape == "targeted":
                near = {p for h in self.setting.hostiles for p in assessor.fields.within([h.pos], 1)}
                centers = sorted((p for p in near if lo <= distance(u.pos, p) <= hi), key=lambda p: (p[1], p[0]))
                shots = [MapAttack(u.uid, w.id, 0, c) for c in centers]
            else:
                shots = [MapAttack(u.uid, w.id, d) for d in range(4)]
            for cmd in shots:
                try:
                    covered = map_area(state, u.uid, w.id, cmd.direction, cmd.center)
                except IllegalCommand:
                    continue
                gain = 0.0
                hits = 0
                for p in covered:
                    t = occupancy.get(p)
                    if t is None or t.uid == u.uid or not w.ranks.allows(environment(ctx, t)):
                        continue
                    hostile = ctx.hostile(u.side, t.side)
                    if not hostile and not area.friendly_fire:
                        continue
                    dealt, p_kill = kill_odds(strike(state, u, w, t, "map"), t.hp, shielded(ctx, t))
                    v = assessor.worth(state, t) * (dealt / max_hp(ctx, t) + self.diff.kill_bonus * p_kill)
                    gain += v if hostile else -2 * v
                    hits += hostile
                score = self.setting.attack_scale * gain - assessor.econ(state, u, w, self.setting.wu)
                if hits and score > 0:
                    value, danger = self.values.value(u.pos)
                    self.consider(Option(score + value, u.pos, cmd, weapon=w.id, danger=danger), f"map{cmd}")

    def devices(self) -> None:
        assessor, state, u = self.assessor, self.state, self.u
        ctx = state.ctx
        tile_set = set(self.setting.tiles)
        repair = self.mods.repair
        for f in self.setting.friends:
            top = max_hp(ctx, f)
            wf = assessor.worth(state, f)
            gains: list[tuple[float, Command]] = []
            if repair and f.hp < top:
                gains.append((0.9 * wf * min(top - f.hp, top * repair // 100) / top, Repair(u.uid, f.uid)))
            if self.mods.supply is not None:
                low_en = f.en * 100 < 30 * max_en(ctx, f)
                dry = any(w.ammo is not None and f.ammo.get(w.id, 0) == 0 for w in unit_def(ctx, f).weapons)
                if low_en or dry:
                    gains.append((0.3 * wf, Supply(u.uid, f.uid)))
            for gain, cmd in gains:
                for p in ctx.grid.neighbours(f.pos):
                    if p in tile_set:
                        value, danger = self.values.value(p)
                        self.consider(Option(gain + value, p, cmd, target=f.uid, danger=danger), f"dev{p}{cmd}")
