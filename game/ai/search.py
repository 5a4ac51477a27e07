"""One unit's option search: every end tile, every attack from it, MAP attacks, devices.

`UnitSearch` holds what the planner read about the situation (weights, danger per tile,
the goal field) for one call; `Planner` keeps the caches that outlive it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.ai.behaviour import Behaviour, retreating
from game.ai.fields import UNREACHABLE
from game.ai.planner import (
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
)
from game.ai.threat import profile, unit_key
from game.ai.tiebreak import TieBreak
from game.core.combat import strike, support_defenders, weapon_problem, weapon_range
from game.core.commands import Attack, Command, MapAttack, Repair, Supply
from game.core.errors import IllegalCommand
from game.core.exchange import map_area
from game.core.grid import Pos, distance
from game.core.modifiers import collect
from game.core.movement import move_budget, reachable
from game.core.state import BattleState, UnitState
from game.core.stats import environment, hp_pct, max_en, max_hp, unit_def

TIE = 1e-9
MAX_ATTACKERS = 2  # hostile blows a unit expects to take in one phase


@dataclass(frozen=True, slots=True)
class _Target:
    unit: UnitState
    key: tuple[object, ...]
    guards: list[UnitState]
    weight: float
    top_hp: int
    kill_bonus: float
    focus: float
    bonus: float


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

        # Weights for this unit.
        wu = planner.worth(state, u)
        if self.aims.is_protected(u):
            wu *= 2
        self.wu = wu
        self.top_hp = max_hp(ctx, u)
        caution = diff.caution * (0.6 if b.kind == "aggressive" else 1.0)
        if b.kind == "boss":
            caution *= 1.3
        self.attack_scale = 1.0
        # Aggressive units take counters in stride: the hostile would strike them anyway.
        # A side that outnumbers its foes can afford trades it would avoid when even.
        self.taken_weight = (0.6 if b.kind == "aggressive" else 1.0) * planner.odds(state, u, self.hostiles)
        if self.fleeing:
            caution *= 3
            self.attack_scale = 0.5
            self.taken_weight = 1.5
        self.caution = caution

        self.threats = planner.threat_parts(state, u)
        self._goal()
        self.hp_missing = 100 - hp_pct(ctx, u)
        self.on_ground = ctx.grid.space or not u.flying
        self._info: dict[Pos, tuple[float, list[tuple[str, float, float]]]] = {}
        self.tb = TieBreak(state, u.uid)
        self._best: Option | None = None
        self._placed_cache: dict[Pos, UnitState] = {}
        self._best_key = ""

    # ---- where it may end ------------------------------------------------------------------
    def _tiles(self) -> list[Pos]:
        state, u, b = self.state, self.u, self.b
        can_move = not u.moved and (not u.acted or "hit_and_away" in self.mods.flags)
        tiles: list[Pos] = [u.pos]
        if can_move and not self.planner.holding(state, u, b):
            reach = reachable(state, u.uid)
            tiles.extend(sorted(reach.stops, key=lambda p: (p[1], p[0])))
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
                wanted = set(b.target_priority)
                goal = frozenset(h.pos for h in self.hostiles if wanted & {h.uid, h.unit_id, h.pilot_id or ""})
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
    def _tile_info(self, p: Pos) -> tuple[float, list[tuple[str, float, float]]]:
        found = self._info.get(p)
        if found is not None:
            return found
        state, u = self.state, self.u
        ctx = state.ctx
        terrain = ctx.defs.terrains[ctx.grid.terrain_id(p)]
        dfn, eva = (terrain.defense, terrain.evade) if self.on_ground else (0, 0)
        parts = Planner.tile_threats(state, u, p, self.threats)
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
        base, parts = self._tile_info(p)
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
        cost = self.caution * self.wu * min(danger, hp) / self.top_hp + self.diff.death_weight * self.wu * risk
        return base - cost, danger

    # ---- choosing --------------------------------------------------------------------------
    def consider(self, opt: Option, key: str) -> None:
        best = self._best
        if (
            best is None
            or opt.score > best.score + TIE
            or (abs(opt.score - best.score) <= TIE and self.tb.uniform(key) > self.tb.uniform(self._best_key))
        ):
            self._best, self._best_key = opt, key

    def best(self) -> Option:
        for p in self.tiles:
            value, danger = self.tile_value(p)
            self.consider(Option(value, p, danger=danger), f"idle{p}")
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
        grid = ctx.grid
        weapons = planner.weapons(state, u)
        if not weapons:
            return
        reach_max = max(distance(u.pos, p) for p in self.tiles)
        max_hi = max(x.hi for x in weapons)
        min_lo = min(x.lo for x in weapons)
        ku = profile(u)  # the attacker's identity does not matter, only its numbers
        candidates: list[tuple[float, int, _Target, Armament, list[Pos], UnitState]] = []
        for t in self.hostiles:
            if distance(u.pos, t.pos) > reach_max + max_hi:
                continue
            env_t = environment(ctx, t)
            usable = [x for x in weapons if x.w.ranks.allows(env_t)]
            if not usable:
                continue
            target = self._target(t)
            groups: dict[tuple[int, str, bool], list[Pos]] = {}
            tx, ty = t.pos
            for p in self.tiles:
                d = abs(p[0] - tx) + abs(p[1] - ty)
                if min_lo <= d <= max_hi:
                    groups.setdefault((d, grid.terrain_id(p), p != u.pos), []).append(p)
            for (d, _terrain, moved_here), tiles in groups.items():
                a = self._placed(tiles[0])
                env_a = environment(ctx, a)
                for x in usable:
                    if not (x.lo <= d <= x.hi) or not (x.moving if moved_here else x.here):
                        continue
                    s, victim = planner.strike_on(state, a, x.w, t, target.guards, (ku, target.key, x.w.id, d, env_a))
                    dealt, p_kill = kill_odds(s, victim.hp, shielded(ctx, victim))
                    if victim is not t:
                        p_kill = 0.0
                    bound = self._attack_score(target, x, dealt, p_kill, victim, 0.0, 0.0)
                    if bound <= 0:
                        continue
                    bound += max(self.tile_value(p, t.uid, p_kill)[0] for p in tiles)
                    candidates.append((bound, len(candidates), target, x, tiles, a))
        candidates.sort(key=lambda c: (-c[0], c[1]))
        for bound, _i, target, x, tiles, a in candidates:
            if self._best is not None and bound < self._best.score - TIE:
                break
            t = target.unit
            tr = planner.trade(state, a, x.w, t, ku, target.key, target.guards)
            victim = state.units[tr.victim]
            p_kill = tr.p_kill if victim is t else 0.0
            score = self._attack_score(target, x, tr.dealt, p_kill, victim, tr.taken, tr.p_die)
            if score <= 0:
                continue  # no pointless attacks: doing nothing on that tile is better
            for p in tiles:
                value, danger = self.tile_value(p, t.uid, p_kill)
                opt = Option(
                    score + value,
                    p,
                    Attack(u.uid, x.w.id, t.uid),
                    target=t.uid,
                    weapon=x.w.id,
                    hit=tr.hit,
                    damage=tr.damage,
                    p_kill=p_kill,
                    danger=danger,
                )
                self.consider(opt, f"atk{p}{t.uid}{x.w.id}")

    def _target(self, t: UnitState) -> _Target:
        """What scoring an attack on `t` needs, read once per search."""
        state, diff = self.state, self.diff
        guards = support_defenders(state, t)
        wt = self.planner.target_weight(state, self.u, self.b, t, self.aims, self.protected)
        kill_bonus = diff.kill_bonus
        if diff.kill_bonus_skip and self.tb.uniform("forget-kill|" + t.uid) < diff.kill_bonus_skip:
            kill_bonus = 0.0
        top = max_hp(state.ctx, t)
        # Any attack uses up a one-shot defence (Alert): worth it so the others can hit.
        bonus = STRIP_VALUE * wt if any(e.duration == "next_defense" for e in t.effects) else 0.0
        # Scenario priority: hitting the named target at all beats most other attacks.
        bonus += PRIORITY_BONUS * priority(self.b, t)
        return _Target(
            unit=t,
            key=(unit_key(t), tuple(unit_key(g) for g in guards)),
            guards=guards,
            weight=wt,
            top_hp=top,
            kill_bonus=kill_bonus,
            focus=1 + diff.focus_fire * (1 - t.hp / top),
            bonus=bonus,
        )

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
        self, target: _Target, x: Armament, dealt: float, p_kill: float, victim: UnitState, taken: float, p_die: float
    ) -> float:
        planner, state = self.planner, self.state
        if victim is not target.unit:
            gain = planner.worth(state, victim) * dealt / max_hp(state.ctx, victim)
        else:
            gain = target.weight * (target.focus * dealt / target.top_hp + target.kill_bonus * p_kill) + target.bonus
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
