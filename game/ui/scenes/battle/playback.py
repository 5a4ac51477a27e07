"""Playing back the engine's events on the map, one beat at a time.

Each event becomes a beat (a walk along a path, a phase banner, a popup, an explosion),
an immediate change of the map view, or a scene pushed on top (battle scene, dialogue).
Fast-forward multiplies time; skipping makes every beat finish at once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.core import events as ev
from game.core.events import Event
from game.core.state import BattleState
from game.core.stats import max_hp
from game.ui.render import theme
from game.ui.render.text import Fonts
from game.ui.scenes.battle.view import MapView, UnitView

UNIT_SPEEDS = {"slow": 5.0, "normal": 9.0, "fast": 16.0}  # tiles per second


@dataclass
class Popup:
    text: str
    colour: tuple[int, int, int]
    tile: tuple[float, float]
    life: float = 0.9
    age: float = 0.0


class Beat:
    duration = 0.5

    def __init__(self) -> None:
        self.elapsed = 0.0

    @property
    def progress(self) -> float:
        return min(1.0, self.elapsed / self.duration) if self.duration > 0 else 1.0

    def update(self, dt: float) -> bool:
        self.elapsed += dt
        self.step()
        return self.elapsed >= self.duration

    def step(self) -> None:
        pass

    def finish(self) -> None:
        self.elapsed = self.duration
        self.step()

    def focus(self) -> tuple[float, float] | None:
        """The tile the camera should follow during this beat."""
        return None


class MoveBeat(Beat):
    def __init__(self, unit: UnitView, path: list[tuple[int, int]], speed: float) -> None:
        super().__init__()
        self.unit = unit
        self.path = path
        self.duration = max(0.05, (len(path) - 1) / speed)

    def step(self) -> None:
        segments = len(self.path) - 1
        if segments <= 0:
            return
        pos = self.progress * segments
        i = min(int(pos), segments - 1)
        f = pos - i
        (ax, ay), (bx, by) = self.path[i], self.path[i + 1]
        self.unit.x = ax + (bx - ax) * f
        self.unit.y = ay + (by - ay) * f

    def focus(self) -> tuple[float, float] | None:
        return (self.unit.x, self.unit.y)


class BannerBeat(Beat):
    def __init__(self, text: str, sub: str, colour: tuple[int, int, int], duration: float = 1.3) -> None:
        super().__init__()
        self.text, self.sub, self.colour = text, sub, colour
        self.duration = duration


class PauseBeat(Beat):
    def __init__(self, duration: float, tile: tuple[float, float] | None = None) -> None:
        super().__init__()
        self.duration = duration
        self.tile = tile

    def focus(self) -> tuple[float, float] | None:
        return self.tile


class FadeBeat(Beat):
    """A unit fading out (retreat, destruction) or in (reinforcements)."""

    def __init__(self, view: MapView, unit: UnitView, *, appear: bool, explode: bool = False) -> None:
        super().__init__()
        self.view, self.unit, self.appear, self.explode = view, unit, appear, explode
        self.duration = 0.7 if explode else 0.5

    def step(self) -> None:
        p = self.progress
        self.unit.alpha = int(255 * (p if self.appear else 1 - p))
        if self.explode:
            self.unit.flash = max(0.0, 0.3 - p)
        if p >= 1 and not self.appear:
            self.view.units.pop(self.unit.uid, None)

    def focus(self) -> tuple[float, float] | None:
        return (self.unit.x, self.unit.y)


class MapStrikeBeat(Beat):
    """One blow shown on the map: the attacker flashes, a tracer flies, the target reacts."""

    def __init__(self, view: MapView, strike: ev.StrikeResolved, popups: list[Popup]) -> None:
        super().__init__()
        self.view, self.strike, self.popups = view, strike, popups
        self.duration = 0.75
        self.hit_shown = False
        self.start_hp = strike.hp_before

    def step(self) -> None:
        a = self.view.units.get(self.strike.attacker)
        t = self.view.units.get(self.strike.target)
        p = self.progress
        if a is not None:
            a.flash = 0.2 if p < 0.2 else 0.0
        if t is None:
            return
        if p >= 0.45 and not self.hit_shown:
            self.hit_shown = True
            self.popups.append(strike_popup(self.strike, (t.x, t.y)))
            if self.strike.hit:
                t.flash = 0.2
        if p >= 0.45:
            k = min(1.0, (p - 0.45) / 0.4)
            t.hp = int(self.start_hp + (self.strike.hp_after - self.start_hp) * k)

    def draw(self, surface: pygame.Surface, offset: tuple[int, int]) -> None:
        a = self.view.units.get(self.strike.attacker)
        t = self.view.units.get(self.strike.target)
        p = self.progress
        if a is None or t is None or not 0.15 <= p <= 0.5:
            return
        k = (p - 0.15) / 0.35
        T = theme.TILE
        ax, ay = a.x * T - offset[0] + T / 2, a.y * T - offset[1] + T / 2
        tx, ty = t.x * T - offset[0] + T / 2, t.y * T - offset[1] + T / 2
        hx, hy = ax + (tx - ax) * k, ay + (ty - ay) * k
        pygame.draw.line(
            surface, (255, 250, 200), (ax + (tx - ax) * max(0, k - 0.3), ay + (ty - ay) * max(0, k - 0.3)), (hx, hy), 3
        )
        pygame.draw.circle(surface, (255, 255, 255), (int(hx), int(hy)), 3)

    def focus(self) -> tuple[float, float] | None:
        t = self.view.units.get(self.strike.target)
        return (t.x, t.y) if t is not None else None


class MapCombatBeat(Beat):
    """Map-only combat: the strikes of an exchange one after another, then explosions."""

    def __init__(self, view: MapView, popups: list[Popup], items: list[Event], sfx: Callable[[str], None]) -> None:
        super().__init__()
        self.view, self.popups, self.items, self.sfx = view, popups, list(items), sfx
        self.current: Beat | None = None
        self.duration = 1e9  # ends when the last item has played
        self._next()

    def _next(self) -> None:
        while self.items:
            item = self.items.pop(0)
            if isinstance(item, ev.StrikeResolved):
                self.current = MapStrikeBeat(self.view, item, self.popups)
                self.sfx("hit" if item.hit else "miss")
                return
            u = self.view.units.get(getattr(item, "unit", ""))
            if u is not None:
                self.current = FadeBeat(self.view, u, appear=False, explode=True)
                self.sfx("explode")
                return
        self.current = None

    def update(self, dt: float) -> bool:
        if self.current is not None and self.current.update(dt):
            self._next()
        return self.current is None

    def finish(self) -> None:
        while self.current is not None:
            self.current.finish()
            self._next()

    def focus(self) -> tuple[float, float] | None:
        return self.current.focus() if self.current is not None else None

    def draw(self, surface: pygame.Surface, offset: tuple[int, int]) -> None:
        if isinstance(self.current, MapStrikeBeat):
            self.current.draw(surface, offset)


def strike_popup(strike: ev.StrikeResolved, tile: tuple[float, float]) -> Popup:
    if not strike.hit:
        return Popup("MISS", (200, 220, 255), tile)
    if strike.substitute:
        return Popup("Survived!", theme.ACCENT, tile)
    text = str(strike.damage)
    if strike.crit:
        text = f"{strike.damage}!"
    return Popup(text, (255, 200, 80) if strike.crit else (255, 255, 255), tile)


def exchange_group(queue: deque[Event], first: ev.ExchangeStarted) -> list[Event]:
    """The events of one exchange, from `first` through its ExchangeEnded (taken off the queue)."""
    group: list[Event] = [first]
    while queue:
        e = queue.popleft()
        group.append(e)
        if isinstance(e, ev.ExchangeEnded):
            break
    return group


@dataclass
class Playback:
    """The queue of events still to show and the beat in progress."""

    view: MapView
    final: BattleState
    unit_speed: float = UNIT_SPEEDS["normal"]
    queue: deque[Event] = field(default_factory=deque)
    beat: Beat | None = None
    popups: list[Popup] = field(default_factory=list)
    blocked: bool = False  # a pushed scene (battle scene, dialogue) is showing events

    @property
    def busy(self) -> bool:
        return bool(self.queue) or self.beat is not None or self.blocked or bool(self.popups)

    def add(self, events: list[Event], final: BattleState) -> None:
        self.queue.extend(events)
        self.final = final

    def focus(self) -> tuple[float, float] | None:
        return self.beat.focus() if self.beat is not None else None

    def tick_popups(self, dt: float) -> None:
        for p in self.popups:
            p.age += dt
        self.popups[:] = [p for p in self.popups if p.age < p.life]

    def draw_popups(self, surface: pygame.Surface, fonts: Fonts, offset: tuple[int, int]) -> None:
        T = theme.TILE
        for p in self.popups:
            rise = int(14 * min(1.0, p.age / 0.4))
            x = int(p.tile[0] * T - offset[0] + T / 2)
            y = int(p.tile[1] * T - offset[1] - rise)
            fonts.draw(surface, p.text, (x, y), size=Fonts.NORMAL, bold=True, colour=p.colour, align="center")

    # ---- immediate effects of events on the view ----------------------------------------
    def apply_now(self, e: Event) -> None:
        """Change the view for an event without animating it."""
        units = self.view.units
        if isinstance(e, ev.StrikeResolved):
            t = units.get(e.target)
            if t is not None:
                t.hp = e.hp_after
        elif isinstance(e, (ev.UnitDestroyed, ev.UnitCaptured, ev.UnitRetreated)):
            units.pop(e.unit, None)
        elif isinstance(e, ev.UnitMoved):
            u = units.get(e.unit)
            if u is not None:
                u.x, u.y = e.path[-1]
        elif isinstance(e, ev.MoveCancelled):
            u = units.get(e.unit)
            if u is not None:
                u.x, u.y = e.back_to
        elif isinstance(e, ev.UnitHealed):
            u = units.get(e.unit)
            if u is not None:
                u.hp = e.hp_after
        elif isinstance(e, ev.UnitRecovered):
            u = units.get(e.unit)
            if u is not None:
                u.hp = min(u.max_hp, u.hp + e.hp)
        elif isinstance(e, ev.UnitSpawned):
            self._spawn(e)
        elif isinstance(e, ev.UnitTookOff):
            u = units.get(e.unit)
            if u is not None:
                u.flying = True
        elif isinstance(e, ev.UnitLanded):
            u = units.get(e.unit)
            if u is not None:
                u.flying = False
        elif isinstance(e, ev.UnitWaited):
            u = units.get(e.unit)
            if u is not None:
                u.done = True
        elif isinstance(e, ev.PhaseStarted):
            for u in units.values():
                u.done = False

    def _spawn(self, e: ev.UnitSpawned) -> UnitView:
        st = self.final.units.get(e.unit)
        hp = st.hp if st is not None else 1
        top = max_hp(self.final.ctx, st) if st is not None else 1
        v = UnitView(
            e.unit, e.unit_id, e.side, float(e.pos[0]), float(e.pos[1]), hp, top, flying=bool(st and st.flying)
        )
        self.view.units[e.unit] = v
        return v
