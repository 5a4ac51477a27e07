"""The SRW-style controller: behaviours, targeting, spirits and reactions."""

from __future__ import annotations

from benchmarks.legacy_ai.behaviour import Behaviour, BehaviourError, behaviour_of
from benchmarks.legacy_ai.difficulty import Difficulty, difficulty
from benchmarks.legacy_ai.legality import problem
from benchmarks.legacy_ai.planner import Option, Planner
from benchmarks.legacy_ai.reaction import choose_reaction
from benchmarks.legacy_ai.spirit_use import choose_spirit
from game.core.commands import Attack, Command, EndPhase, Move, Wait
from game.core.grid import Pos
from game.core.modifiers import collect
from game.core.movement import move_budget
from game.core.state import BattleState, UnitState
from game.core.stats import max_hp


class SRWController:
    """Plays one side the way an SRW enemy phase does.

    Each call picks the next unit to act (a unit that has started its action finishes it;
    otherwise the unit closest to a hostile goes first, so the front line clears the way),
    plans its end tile and action, casts a spirit first if its plan calls for one, and
    returns the first step: the move, then (on the next call) the attack, or Wait.
    Nothing is remembered between calls; caches only hold pure results.
    """

    name = "srw"

    def __init__(self, level: str = "normal", *, planner: Planner | None = None) -> None:
        """`planner`: share another controller's planner (of the same difficulty) and its
        caches of pure results, as batch simulations do across runs and sides."""
        self.difficulty: Difficulty = difficulty(level)
        if planner is not None and planner.diff != self.difficulty:
            raise ValueError(f"a {planner.diff.name} planner cannot serve a {level} controller")
        self.planner = planner or Planner(self.difficulty)
        self._devices: dict[tuple[object, ...], bool] = {}  # (unit, pilot, effects) -> has repair/supply
        # Bad `ai:` blocks met so far: the unit plays with the default behaviour instead and
        # the message is kept here for the game to show (validate_ai reports them up front).
        self.problems: list[str] = []

    def next_command(self, state: BattleState) -> Command:
        if state.outcome is not None:
            return EndPhase()
        side = state.side
        pending = [u for u in state.active_units(side) if not (u.moved and u.acted)]
        if not pending:
            return EndPhase()
        ctx = state.ctx
        fronts = [t.pos for t in state.active_units() if ctx.hostile(side, t.side)]
        pending.sort(key=lambda v: self._order(state, v, fronts))
        u, plan = self._choose_unit(state, pending)
        cmd = self.decide(state, u, plan)
        if problem(state, cmd) is None:
            return cmd
        # A planning mistake must never reach the engine: finish the unit instead.
        fallback = Wait(u.uid)
        return fallback if problem(state, fallback) is None else EndPhase()

    def _choose_unit(self, state: BattleState, ordered: list[UnitState]) -> tuple[UnitState, Option | None]:
        """The first unit in acting order; on hard, among the first few fresh units, the one
        with the most valuable attack (so kills land first and the others follow up)."""
        first = ordered[0]
        look = self.difficulty.lookahead
        if look <= 1 or first.moved or first.acted:
            return first, None
        best: tuple[float, UnitState, Option] | None = None
        for v in ordered[:look]:
            if v.moved or v.acted:
                break
            opt = self.planner.plan(state, v, self.behaviour(state, v))
            if opt.attacks and (best is None or opt.score > best[0]):
                best = (opt.score, v, opt)
        if best is None:
            return first, None
        return best[1], best[2]

    def _order(self, state: BattleState, u: UnitState, fronts: list[Pos]) -> tuple[int, int, int, str]:
        """Units that started their action finish it; repairers and suppliers with work to
        do go next (before the hurt unit wanders off); then the unit nearest a hostile."""
        started = 0 if (u.moved or u.acted) else 1
        helper = 0 if self._has_device(state, u) and self._friend_needs_help(state, u) else 1
        near = min((abs(u.x - x) + abs(u.y - y) for x, y in fronts), default=10**6)
        return (started, helper, near, u.uid)

    def _has_device(self, state: BattleState, u: UnitState) -> bool:
        key = (u.unit_id, u.pilot_id, u.effects)
        found = self._devices.get(key)
        if found is None:
            mods = collect(state.ctx, u)
            found = mods.repair > 0 or mods.supply is not None
            self._devices[key] = found
        return found

    @staticmethod
    def _friend_needs_help(state: BattleState, u: UnitState) -> bool:
        ctx = state.ctx
        reach = move_budget(state, u) + 1
        return any(
            f.uid != u.uid
            and ctx.friendly(u.side, f.side)
            and f.hp < max_hp(ctx, f)
            and abs(u.x - f.x) + abs(u.y - f.y) <= reach
            for f in state.active_units()
        )

    def behaviour(self, state: BattleState, u: UnitState) -> Behaviour:
        try:
            return behaviour_of(state, u)
        except BehaviourError as exc:
            if str(exc) not in self.problems:
                self.problems.append(str(exc))
            return Behaviour()

    def plan(self, state: BattleState, u: UnitState) -> Option:
        return self.planner.plan(state, u, self.behaviour(state, u))

    def decide(self, state: BattleState, u: UnitState, plan: Option | None = None) -> Command:
        """The next command for unit `u` (not yet checked against the rules)."""
        b = self.behaviour(state, u)
        opt = plan or self.planner.plan(state, u, b)
        if self.difficulty.spirits and not u.acted:
            cast = choose_spirit(state, u, b, opt, self.planner, self.difficulty.spirits_default_all)
            if cast is not None:
                return cast
        if opt.tile != u.pos and not u.moved:
            return Move(u.uid, opt.tile)
        if opt.action is not None and not u.acted:
            return opt.action
        return Wait(u.uid)

    def react(self, state: BattleState, attack: Attack) -> Attack:
        return choose_reaction(state, attack, self.planner, self.difficulty)
