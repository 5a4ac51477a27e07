"""One unit's option search: every end tile, every attack from it, MAP attacks, devices.

`UnitSearch` holds what the planner read about the situation (weights, danger per tile,
the goal field) for one call; `Planner` keeps the caches that outlive it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from benchmarks.legacy_ai.behaviour import Behaviour, retreating
from benchmarks.legacy_ai.fields import UNREACHABLE, tiles_of
from benchmarks.legacy_ai.planner import (
    GOAL_WEIGHT,
    GUARD_GOAL_WEIGHT,
    PRIORITY_BONUS,
    RETREAT_GOAL_WEIGHT,
    STRIP_VALUE,
    TERRAIN_WEIGHT,
    Armament,
    Option,
    Planner,
    kill_odds,
    priority,
    shielded,
    spend_odds,
    substitute_share,
)
from benchmarks.legacy_ai.threat import profile, unit_key
from benchmarks.legacy_ai.tiebreak import TieBreak
from game.core.combat import strike, support_defenders, weapon_problem, weapon_range
from game.core.commands import Attack, Command, MapAttack, Repair, Supply
from game.core.context import BattleContext
from game.core.errors import IllegalCommand
from game.core.exchange import map_area
from game.core.grid import Pos, distance
from game.core.modifiers import Mods, collect
from game.core.movement import move_budget
from game.core.state import BattleState, UnitState
from game.core.stats import environment, hp_pct, max_en, max_hp, unit_def

TIE = 1e-9
MAX_ATTACKERS = 2  # hostile blows a unit expects to take in one phase
AGGRESSIVE_RISK = 0.2  # share of the death weight an aggressive unit gives the danger of its end tile


@dataclass(frozen=True, slots=True)
class _Target:
    unit: UnitState
    key: tuple[object, ...]
    guards: list[UnitState]
    weight: float
    top_hp: int
    kill_bonus: float
    focus: float
    strip: float  # using up the target's Alert
    spend_share: float  # share of a kill that using up one of its substitute charges is worth
    priority: float  # the scenario's priority for a blow that lands


def same_defence(ctx: BattleContext, u: UnitState, v: UnitState, *, but_alert: bool = False) -> bool:
    """Whether `v` (`u` with other effects) takes blows and moves exactly as `u` does;
    with `but_alert`, apart from an Alert-like `hit_taken_set` (one blow that misses)."""
    if u.hp != v.hp or u.pos != v.pos or u.flying != v.flying or u.will != v.will:
        return False
    mine, theirs = _defence(collect(ctx, u, "defend")), _defence(collect(ctx, v, "defend"))
    if but_alert:
        mine, theirs = mine[1:], theirs[1:]
    return mine == theirs and collect(ctx, u).move == collect(ctx, v).move


def _defence(m: Mods) -> tuple[object, ...]:
    return (
        m.hit_taken_set,  # first: `same_defence(but_alert=True)` leaves it out
        m.evade,
        m.mobility,
        m.damage_taken_fixed,
        m.damage_taken_mul,
        m.armor,
        m.armor_pct,
        tuple((b.source, b.value, b.types, b.en_cost, b.fury_pierces) for b in m.barriers),
        m.substitute,
        m.support_defend,
        m.move,
    )


class UnitSearch:
    def __init__(self, planner: Planner, state: BattleState, u: UnitState, b: Behaviour) -> None:
        self.planner = planner
        self.state = state
        self.u = u
        self.b = b
        self.diff = diff = planner.diff
        ctx = state.ctx
        self.hostiles = planner.hostiles(state, u)
        self.friends = [f for f in state.active_units() if f.uid != u.uid and ctx.friendly(u.side, f.side)]
        self.aims = planner.aims(state, u.side)
        self.protected = [f for f in self.friends if self.aims.is_protected(f)]
        self.mods = collect(ctx, u)
        self.fleeing = retreating(state, u, b)
        self.tiles = self._tiles()
        self._tile_set = frozenset(self.tiles)

        # Weights for this unit.
        wu = planner.worth(state, u)
        if self.aims.is_protected(u):
            wu *= 2
        self.wu = wu
        self.top_hp = max_hp(ctx, u)
        caution = diff.caution * (0.6 if b.kind == "aggressive" else 1.0)
        # How much being shot down next phase weighs on where to stand. Aggressive units
        # close in and take their chances (SRW grunts press the attack rather than hold
        # back out of reach); the others keep the full weight.
        self.risk_weight = diff.death_weight * (AGGRESSIVE_RISK if b.kind == "aggressive" else 1.0)
        if b.kind == "boss":
            caution *= 1.3
        self.attack_scale = 1.0
        # Aggressive units take counters in stride: the hostile would strike them anyway.
        # A side that outnumbers its foes can afford trades it would avoid when even.
        self.taken_weight = (0.6 if b.kind == "aggressive" else 1.0) * planner.odds(state, u, self.hostiles)
        if self.fleeing:
            caution *= 3
            self.risk_weight = diff.death_weight
            self.attack_scale = 0.5
            self.taken_weight = 1.5
        self.caution = caution

        self.threats = planner.threat_parts(state, u)
        self._goal()
        self.hp_missing = 100 - hp_pct(ctx, u)
        self.on_ground = ctx.grid.space or not u.flying
        self._info: dict[Pos, tuple[float, list[tuple[str, float, float]]]] = {}
        self._threat_at: dict[Pos, list[tuple[str, float, float]]] | None = None
        self._plain: dict[Pos, tuple[float, float]] = {}
        self._removed: dict[tuple[Pos, str, float], tuple[float, float]] = {}
        self._split: dict[tuple[int, str, bool], float] = {}
        self.tb = TieBreak(state, u.uid)
        self._best: Option | None = None
        self._placed_cache: dict[Pos, UnitState] = {}
        self._best_key = ""
        self._meta: list[tuple[Pos, str, str, bool]] | None = None
        self._env_of: dict[str, str] = {}
        self._shields: dict[str, bool] = {}

    def boosted(self, state: BattleState, v: UnitState) -> UnitSearch:
        """This search for `v`, the same unit with an offensive spirit on it, in `state` (the
        same battle with `v` in place of the unit). Only valid when the spirit leaves the
        unit's defence and move alone (`same_defence`): end tiles, their danger and their
        goal progress are then unchanged and are shared; attacks are searched again."""
        twin = object.__new__(UnitSearch)
        twin.__dict__.update(self.__dict__)
        twin.state = state
        twin.u = v
        twin.mods = collect(state.ctx, v)
        twin._removed = {}
        twin._split = {}
        twin._best = None
        twin._best_key = ""
        twin._placed_cache = {}
        twin._shields = {}
        engage = max((x.hi for x in self.planner.weapons(state, v)), default=0) if self.engage else 0
        if engage != self.engage:
            twin._goal()
            twin._info, twin._plain = {}, {}
        return twin

    # ---- where it may end ------------------------------------------------------------------
    def _tiles(self) -> list[Pos]:
        state, u, b = self.state, self.u, self.b
        can_move = not u.moved and (not u.acted or "hit_and_away" in self.mods.flags)
        tiles: list[Pos] = [u.pos]
        if can_move and not self.planner.holding(state, u, b):
            tiles.extend(self.planner.fields.stops(state, u))
        self.guard_tiles = self.planner.guard_tiles(state, b) if b.kind == "guard" else frozenset()
        if self.guard_tiles and not self.fleeing:
            inside = [p for p in tiles if min(distance(p, g) for g in self.guard_tiles) <= b.guard_radius]
            if u.pos in inside:
                tiles = inside  # outside its post, a guard walks back (its goal below)
        return tiles

    def _goal(self) -> None:
        """The field of path distances to where this unit wants to be."""
        state, u, b = self.state, self.u, self.b
        ctx = state.ctx
        goal: frozenset[Pos] = frozenset()
        self.goal_weight = GOAL_WEIGHT
        self.away = False
        if self.fleeing:
            self.goal_weight = RETREAT_GOAL_WEIGHT
            if b.retreat_to is not None and b.retreat_to in ctx.script.regions:
                goal = frozenset(ctx.script.regions[b.retreat_to])
            else:
                goal = frozenset(h.pos for h in self.hostiles)
                self.away = True
        elif self.guard_tiles:
            goal = self.guard_tiles
            self.goal_weight = GUARD_GOAL_WEIGHT
        else:
            goal = self.aims.goal_tiles(u)
            if not goal and b.target_priority:
                # Towards the first listed target still on the map (the scenario's order).
                for wanted in b.target_priority:
                    goal = frozenset(h.pos for h in self.hostiles if wanted in (h.uid, h.unit_id, h.pilot_id))
                    if goal:
                        break
            if not goal:
                goal = frozenset(h.pos for h in self.hostiles)
        self.goal_tiles = goal
        # Closing in on hostiles stops mattering once they are within weapon range.
        self.engage = 0
        if goal and not self.away and not self.guard_tiles and not self.aims.goal_tiles(u):
            self.engage = max((x.hi for x in self.planner.weapons(state, u)), default=0)
        self.field = self.planner.fields.goal_distance(u.unit_id, u.flying, goal) if goal else None
        self.width = ctx.grid.width
        self.move = max(1, move_budget(state, u))
        self.origin_goal = self.field[u.y * self.width + u.x] if self.field is not None else 0
        if self.origin_goal >= UNREACHABLE:
            self.field = None  # cannot walk there: straight-line distance instead
        self.origin_goal = max(self.origin_goal, self.engage)

    # ---- scoring tiles ---------------------------------------------------------------------
    def _threat_map(self) -> dict[Pos, list[tuple[str, float, float]]]:
        """(hostile, expected damage, chance its blow alone destroys us) for each hostile that
        could strike each of our end tiles, as `Planner.tile_threats` gives per tile.

        Built hostile by hostile: each threat area is intersected with our tiles at once,
        and a blow's numbers depend on the tile only through its terrain."""
        state, u = self.state, self.u
        ctx = state.ctx
        grid = ctx.grid
        terrains = ctx.defs.terrains
        fields = self.planner.fields
        tile_bits = fields.mask(self.tiles).bits
        on_ground = self.on_ground
        out: dict[Pos, list[tuple[str, float, float]]] = {}
        for uid, parts in self.threats:
            best_here: dict[Pos, tuple[float, float]] = {}
            for area, blow in parts:
                hit = area.bits & tile_bits
                if not hit:
                    continue
                by_terrain: dict[str, tuple[float, float]] = {}
                for p in tiles_of(hit, fields.stride):
                    tid = grid.terrain_id(p)
                    ek = by_terrain.get(tid)
                    if ek is None:
                        terrain = terrains[tid]
                        dfn, eva = (terrain.defense, terrain.evade) if on_ground else (0, 0)
                        ek = by_terrain[tid] = (blow.expected_on(dfn, eva), blow.kill_chance_on(u.hp, dfn, eva))
                    cur = best_here.get(p)
                    if cur is None or ek[0] > cur[0]:
                        best_here[p] = ek
            for p, (e, pk) in best_here.items():
                out.setdefault(p, []).append((uid, e, pk))
        return out

    def _tile_info(self, p: Pos) -> tuple[float, list[tuple[str, float, float]]]:
        found = self._info.get(p)
        if found is not None:
            return found
        if self._threat_at is None:
            self._threat_at = self._threat_map()
        state, u = self.state, self.u
        ctx = state.ctx
        terrain = ctx.defs.terrains[ctx.grid.terrain_id(p)]
        dfn, eva = (terrain.defense, terrain.evade) if self.on_ground else (0, 0)
        parts = self._threat_at.get(p)
        if parts is None:
            # Out of every hostile's reach, or not one of the search's end tiles (a caller
            # asking about another tile).
            parts = [] if p in self._tile_set else Planner.tile_threats(state, u, p, self.threats)
        base = TERRAIN_WEIGHT * (dfn + eva) * self.wu
        goal = self.goal_tiles
        if goal:
            if self.field is not None:
                g = self.field[p[1] * self.width + p[0]]
                g = self.origin_goal if g >= UNREACHABLE else max(g, self.engage)
                progress = (self.origin_goal - g) / self.move
            else:
                here = max(self.engage, min(distance(u.pos, q) for q in goal))
                there = max(self.engage, min(distance(p, q) for q in goal))
                progress = (here - there) / self.move
            base += self.goal_weight * (-progress if self.away else progress)
        if self.hp_missing and self.on_ground and terrain.hp_recovery:
            base += 0.5 * self.wu * min(terrain.hp_recovery, self.hp_missing) / 100
        found = (base, parts)
        self._info[p] = found
        return found

    def tile_value(self, p: Pos, removed: str | None = None, p_removed: float = 0.0) -> tuple[float, float]:
        """(value of ending on `p`, expected damage there); `removed` is a hostile our
        attack destroys first with chance `p_removed`."""
        if removed is None or not p_removed:
            found = self._plain.get(p)
            if found is None:
                found = self._plain[p] = self._value(p, None, 0.0)
            return found
        key = (p, removed, p_removed)
        found = self._removed.get(key)
        if found is None:
            _base, parts = self._tile_info(p)
            if all(uid != removed for uid, _e, _pk in parts):
                found = self.tile_value(p)  # the same numbers: that hostile cannot reach `p` anyway
            else:
                found = self._value(p, removed, p_removed)
            self._removed[key] = found
        return found

    def _value(self, p: Pos, removed: str | None, p_removed: float) -> tuple[float, float]:
        base, parts = self._tile_info(p)
        if not parts:
            return base, 0  # no danger: exactly what the sums below give for no blows
        blows = []
        survive = 1.0
        for uid, e, pk in parts:
            keep = 1 - p_removed if uid == removed else 1.0
            blows.append(e * keep)
            survive *= 1 - pk * keep
        # Hostiles spread their attacks over our units: count the heaviest few blows, not
        # every unit that could reach (which would freeze two cautious armies in place).
        blows.sort(reverse=True)
        danger = sum(blows[:MAX_ATTACKERS])
        hp = max(1, self.u.hp)
        # Shot down by one blow, or worn down by several.
        risk = max(1 - survive, min(1.0, max(0.0, (danger / hp - 1.0) / 0.5)))
        cost = self.caution * self.wu * min(danger, hp) / self.top_hp + self.risk_weight * self.wu * risk
        return base - cost, danger

    def _best_value(self, tiles: list[Pos], removed: str, p_removed: float) -> float:
        """An upper bound of the best `tile_value` among `tiles` with `removed` destroyed
        first with chance `p_removed`: exact without a kill chance, else as if the kill were
        certain (the value only grows with it). Worked out once per tile group and hostile."""
        key = (id(tiles), removed, p_removed > 0)
        found = self._split.get(key)
        if found is None:
            found = -math.inf
            # A tile's value never exceeds its base (danger only subtracts): best base first,
            # and stop once no base can beat the best value found.
            for base, p in sorted(((self._tile_info(p)[0], p) for p in tiles), reverse=True):
                if base <= found:
                    break
                found = max(found, self.tile_value(p, removed, 1.0)[0] if p_removed > 0 else self.tile_value(p)[0])
            self._split[key] = found
        return found

    # ---- choosing --------------------------------------------------------------------------
    def _wins(self, score: float, key: str | None = None) -> bool:
        """Whether an option scoring `score` beats the best so far; `key` (its tie-break
        label) is only needed when the two are level, so callers may build it lazily."""
        best = self._best
        if best is None or score > best.score + TIE:
            return True
        if abs(score - best.score) <= TIE:
            return key is None or self.tb.uniform(key) > self.tb.uniform(self._best_key)
        return False

    def consider(self, opt: Option, key: str) -> None:
        if self._wins(opt.score, key):
            self._best, self._best_key = opt, key

    def best(self) -> Option:
        # A tile's value never exceeds its base (danger only subtracts): best base first,
        # and stop once no base can reach the best value found.
        for base, p in sorted(((self._tile_info(p)[0], p) for p in self.tiles), key=lambda bp: -bp[0]):
            if self._best is not None and base < self._best.score - TIE:
                break
            value, danger = self.tile_value(p)
            if self._wins(value):
                key = f"idle{p}"
                if self._wins(value, key):
                    self._best, self._best_key = Option(value, p, danger=danger), key
        if not self.u.acted:
            self.attacks()
            if not self.u.moved:
                self.map_attacks()
            if self.mods.repair > 0 or self.mods.supply is not None:
                self.devices()
        assert self._best is not None
        return self._best

    def attacks(self) -> None:
        """Every attack from every tile, best first by an optimistic bound.

        Tiles are grouped by what the exchange depends on (distance, terrain, whether the
        unit moved). For each group and weapon the attack itself is cheap and cached; the
        bound assumes no counter and the best tile of the group. Groups are then evaluated
        in full (counter included) from the best bound down, stopping once no bound can
        beat the best option found: the result is the same as evaluating them all.
        """
        planner, state, u = self.planner, self.state, self.u
        ctx = state.ctx
        weapons = planner.weapons(state, u)
        if not weapons:
            return
        ux, uy = u.pos
        reach_max = max(abs(x - ux) + abs(y - uy) for x, y in self.tiles)
        max_hi = max(x.hi for x in weapons)
        min_lo = min(x.lo for x in weapons)
        ku = profile(u)  # the attacker's identity does not matter, only its numbers
        meta = self._tile_meta()
        candidates: list[tuple[float, int, _Target, Armament, list[Pos], UnitState]] = []
        for t in self.hostiles:
            tx, ty = t.pos
            if abs(ux - tx) + abs(uy - ty) > reach_max + max_hi:
                continue
            env_t = environment(ctx, t)
            usable = [x for x in weapons if x.w.ranks.allows(env_t)]
            if not usable:
                continue
            target = self._target(t)
            groups: dict[tuple[int, str, bool], list[Pos]] = {}
            for p, tid, _env, moved_here in meta:
                d = abs(p[0] - tx) + abs(p[1] - ty)
                if min_lo <= d <= max_hi:
                    groups.setdefault((d, tid, moved_here), []).append(p)
            # The attack itself depends on the attacker's tile only through the distance,
            # its environment and whether it moved: worked out once for all terrains alike.
            attack_bounds: dict[tuple[int, bool, str, str], tuple[float, float]] = {}
            for (d, tid, moved_here), tiles in groups.items():
                a = self._placed(tiles[0])
                env_a = self._env_of[tid]
                for x in usable:
                    if not (x.lo <= d <= x.hi) or not (x.moving if moved_here else x.here):
                        continue
                    akey = (d, moved_here, env_a, x.w.id)
                    found = attack_bounds.get(akey)
                    if found is None:
                        skey = (ku, target.key, x.w.id, d, env_a)
                        s, victim = planner.strike_on(state, a, x.w, t, target.guards, skey)
                        dealt, p_kill = kill_odds(s, victim.hp, self._shielded(victim))
                        progress = p_kill + target.spend_share * spend_odds(s, victim.hp, self._shielded(victim))
                        if victim is not t:
                            p_kill = progress = 0.0
                        found = attack_bounds[akey] = (
                            self._attack_score(target, x, dealt, progress, victim, 0.0, 0.0, s.hit),
                            p_kill,
                        )
                    bound, p_kill = found
                    if bound <= 0:
                        continue
                    bound += self._best_value(tiles, t.uid, p_kill)
                    candidates.append((bound, len(candidates), target, x, tiles, a))
        candidates.sort(key=lambda c: (-c[0], c[1]))
        for bound, _i, target, x, tiles, a in candidates:
            if self._best is not None and bound < self._best.score - TIE:
                break
            t = target.unit
            tr = planner.trade(state, a, x.w, t, ku, target.key, target.guards)
            victim = state.units[tr.victim]
            p_kill = tr.p_kill if victim is t else 0.0
            # Using up a boss's substitute charge counts as part of the kill it leads to.
            progress = p_kill + target.spend_share * tr.p_spend if victim is t else 0.0
            score = self._attack_score(target, x, tr.dealt, progress, victim, tr.taken, tr.p_die, tr.hit)
            if score <= 0:
                continue  # no pointless attacks: doing nothing on that tile is better
            for p in tiles:
                value, danger = self.tile_value(p, t.uid, p_kill)
                total = score + value
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

    def _target(self, t: UnitState) -> _Target:
        """What scoring an attack on `t` needs, read once per search."""
        state, diff = self.state, self.diff
        guards = support_defenders(state, t)
        wt = self.planner.target_weight(state, self.u, self.b, t, self.aims, self.protected)
        kill_bonus = diff.kill_bonus
        if diff.kill_bonus_skip and self.tb.uniform("forget-kill|" + t.uid) < diff.kill_bonus_skip:
            kill_bonus = 0.0
        top = max_hp(state.ctx, t)
        # Any attack uses up a one-shot defence (Alert): worth it when another unit of ours
        # can still reach the target this phase and land the blows that count.
        strip = 0.0
        if any(e.duration == "next_defense" for e in t.effects) and self._follow_up(t):
            strip = STRIP_VALUE * wt
        return _Target(
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
        return any(f.side == side and not f.acted and self.planner.can_reach(state, f, t) for f in self.friends)

    def _tile_meta(self) -> list[tuple[Pos, str, str, bool]]:
        """(tile, terrain id, our environment there, moved there?) for every end tile."""
        if self._meta is None:
            ctx = self.state.ctx
            grid, terrains = ctx.grid, ctx.defs.terrains
            flying = self.u.flying
            here = self.u.pos
            env_of = self._env_of
            out = []
            for p in self.tiles:
                tid = grid.terrain_id(p)
                env = env_of.get(tid)
                if env is None:
                    env = env_of[tid] = grid.environment(terrains[tid], flying)
                out.append((p, tid, env, p != here))
            self._meta = out
        return self._meta

    def _shielded(self, v: UnitState) -> bool:
        found = self._shields.get(v.uid)
        if found is None:
            found = self._shields[v.uid] = shielded(self.state.ctx, v)
        return found

    def _placed(self, p: Pos) -> UnitState:
        """`u` as if it stood on `p` (having moved there unless it is its own tile)."""
        a = self._placed_cache.get(p)
        if a is None:
            a = self.u
            if p != a.pos:
                a = a.copy()
                a.x, a.y = p
                a.moved = True
            self._placed_cache[p] = a
        return a

    def _attack_score(
        self,
        target: _Target,
        x: Armament,
        dealt: float,
        p_kill: float,
        victim: UnitState,
        taken: float,
        p_die: float,
        hit: int,
    ) -> float:
        planner, state = self.planner, self.state
        if victim is not target.unit:
            gain = planner.worth(state, victim) * dealt / max_hp(state.ctx, victim)
        else:
            gain = target.weight * (target.focus * dealt / target.top_hp + target.kill_bonus * p_kill)
            # Stripping an Alert pays off whether or not the blow lands (it cannot land);
            # the scenario's priority only for a blow that may land.
            gain += target.strip + target.priority * hit / 100
        cost = self.wu * (self.taken_weight * taken / self.top_hp + self.diff.death_weight * p_die)
        score = self.attack_scale * gain - cost - planner.econ(state, self.u, x.w, self.wu)
        if self.diff.noise:
            score += self.diff.noise * (self.tb.uniform(f"{target.unit.uid}|{x.w.id}") - 0.5)
        return score

    def map_attacks(self) -> None:
        planner, state, u = self.planner, self.state, self.u
        ctx = state.ctx
        occupancy = state.occupancy()
        for w in unit_def(ctx, u).weapons:
            area = w.map_area
            if area is None or weapon_problem(state, u, w, after_move=False) is not None:
                continue
            lo, hi = weapon_range(w, collect(ctx, u, "attack", w))
            if area.shape == "targeted":
                near = {p for h in self.hostiles for p in planner.fields.within([h.pos], 1)}
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
                    v = planner.worth(state, t) * (dealt / max_hp(ctx, t) + self.diff.kill_bonus * p_kill)
                    gain += v if hostile else -2 * v
                    hits += hostile
                score = self.attack_scale * gain - planner.econ(state, u, w, self.wu)
                if hits and score > 0:
                    value, danger = self.tile_value(u.pos)
                    self.consider(Option(score + value, u.pos, cmd, weapon=w.id, danger=danger), f"map{cmd}")

    def devices(self) -> None:
        planner, state, u = self.planner, self.state, self.u
        ctx = state.ctx
        tile_set = set(self.tiles)
        repair = self.mods.repair
        for f in self.friends:
            top = max_hp(ctx, f)
            wf = planner.worth(state, f)
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
                        value, danger = self.tile_value(p)
                        self.consider(Option(gain + value, p, cmd, target=f.uid, danger=danger), f"dev{p}{cmd}")
