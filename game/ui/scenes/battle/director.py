"""Directing the playback of events on the map: each event becomes a beat, a change of the
map view, or a scene to show on top (the battle scene of an exchange, dialogue)."""

from __future__ import annotations

from collections.abc import Callable

from game.core import BattleState
from game.core import events as ev
from game.core.events import Event
from game.ui.model.dialogue import display_lines
from game.ui.model.music import is_boss
from game.ui.model.session import PLAYER_SIDE
from game.ui.render import theme
from game.ui.scene import Scene
from game.ui.scenes.battle.playback import (
    BannerBeat,
    FadeBeat,
    MapCombatBeat,
    MoveBeat,
    PauseBeat,
    Playback,
    Popup,
    exchange_group,
    strike_popup,
)
from game.ui.scenes.battle.view import MapView
from game.ui.services import Services


class Director:
    def __init__(
        self, services: Services, view: MapView, playback: Playback, music: str, on_phase: Callable[[str], None]
    ) -> None:
        self.services = services
        self.view = view
        self.playback = playback
        self.music = music
        self.on_phase = on_phase  # the battle scene resets its per-phase bookkeeping

    def run(self, dt: float, state: BattleState, *, skipping: bool) -> Scene | None:
        """Advance the beat in progress and start the next ones; returns a scene to push."""
        pb = self.playback
        pb.tick_popups(dt * (20 if skipping else 1))
        if pb.blocked:
            return None
        while True:
            if pb.beat is not None:
                if skipping:
                    pb.beat.finish()
                    pb.beat = None
                    continue
                if pb.beat.update(dt):
                    pb.beat = None
                    dt = 0.0
                    continue
                return None
            if not pb.queue:
                return None
            scene = self._next(state, skipping)
            if scene is not None:
                pb.blocked = True  # until the pushed scene is popped
                return scene

    def _next(self, state: BattleState, skipping: bool) -> Scene | None:
        from game.ui.scenes.combat import CombatScene
        from game.ui.scenes.dialogue import DialogueScene

        pb = self.playback
        e = pb.queue.popleft()
        units = self.view.units
        services = self.services
        if isinstance(e, ev.UnitMoved) and e.unit in units and not skipping:
            pb.beat = MoveBeat(units[e.unit], list(e.path), pb.unit_speed)
            services.audio.sfx("move")
        elif isinstance(e, ev.ExchangeStarted):
            group = exchange_group(pb.queue, e)
            strikes = [s for s in group if isinstance(s, ev.StrikeResolved)]
            mode = "off" if skipping else services.settings.animation
            if mode == "full" and strikes:
                before = {uid: (v.hp, v.max_hp) for uid, v in units.items()}
                self._apply_group(group, explode=True)
                return CombatScene(services, state, group, before)
            if mode == "map":
                shown: list[Event] = [
                    x for x in group if isinstance(x, (ev.StrikeResolved, ev.UnitDestroyed, ev.UnitCaptured))
                ]
                pb.beat = MapCombatBeat(self.view, pb.popups, shown, services.audio.sfx)
                return None
            self._apply_group(group, explode=not skipping)
            for s in strikes:
                t = units.get(s.target)
                tile = (t.x, t.y) if t is not None else state.unit(s.target).pos
                pb.popups.append(strike_popup(s, tile))
        elif isinstance(e, ev.UnitDestroyed) and e.unit in units and not skipping:
            pb.beat = FadeBeat(self.view, units[e.unit], appear=False, explode=True)
            services.audio.sfx("explode")
        elif isinstance(e, (ev.UnitRetreated, ev.UnitCaptured)) and e.unit in units and not skipping:
            u = units[e.unit]
            text = "Retreat" if isinstance(e, ev.UnitRetreated) else "Captured!"
            pb.popups.append(Popup(text, theme.ACCENT, (u.x, u.y), 1.2))
            pb.beat = FadeBeat(self.view, u, appear=False)
        elif isinstance(e, ev.UnitSpawned):
            pb.apply_now(e)
            if is_boss(state.ctx.defs.units[e.unit_id], e.side) and self.music != "boss":
                self.music = "boss"
                services.audio.music("boss")
            spawned = units[e.unit]
            if not skipping:
                spawned.alpha = 0
                pb.beat = FadeBeat(self.view, spawned, appear=True)
        elif isinstance(e, ev.PhaseStarted):
            pb.apply_now(e)
            self.on_phase(e.side)
            side = next(s for s in state.ctx.sides if s.id == e.side)
            if not (services.settings.skip_enemy_animations and e.side != PLAYER_SIDE):
                colour = theme.SIDE_COLOURS.get(e.side, theme.ACCENT)
                pb.beat = BannerBeat(f"{side.name.upper()} PHASE", f"Turn {e.turn}", colour)
                services.audio.sfx("phase")
        elif isinstance(e, ev.DialogueShown):
            if e.lines:
                return DialogueScene(services, display_lines(state.ctx.defs, e.lines))
        elif isinstance(e, ev.SpiritCast):
            return self._spirit(e, state, skipping)
        elif isinstance(e, (ev.UnitHealed, ev.UnitRecovered)):
            pb.apply_now(e)
            v = units.get(e.unit)
            if v is not None and e.hp > 0:
                pb.popups.append(Popup(f"+{e.hp}", theme.GOOD, (v.x, v.y), 1.0))
                if isinstance(e, ev.UnitHealed) and not skipping:
                    pb.beat = PauseBeat(0.4, (v.x, v.y))
        elif isinstance(e, ev.ObjectivesChanged) and not skipping:
            hint = services.keys("Press {objectives} to review them")
            pb.beat = BannerBeat("OBJECTIVES UPDATED", hint, theme.ACCENT, 1.4)
        elif isinstance(e, ev.UnitRefreshed):
            v = units.get(e.unit)
            if v is not None:
                v.done = False
                pb.popups.append(Popup("Again!", theme.ACCENT, (v.x, v.y), 1.0))
        elif isinstance(e, ev.StatusApplied):
            v = units.get(e.unit)
            status = state.ctx.defs.statuses.get(e.status)
            if v is not None:
                pb.popups.append(Popup(status.name if status else e.status, theme.WARNING, (v.x, v.y), 1.0))
        else:
            pb.apply_now(e)
        return None

    def _spirit(self, e: ev.SpiritCast, state: BattleState, skipping: bool) -> Scene | None:
        pb = self.playback
        units = self.view.units
        spirit = state.ctx.defs.spirits.get(e.spirit)
        name = spirit.name if spirit is not None else e.spirit
        for uid in e.targets or (e.unit,):
            v = units.get(uid)
            if v is not None:
                pb.popups.append(Popup(name + "!", (150, 220, 255), (v.x, v.y), 1.0))
                v.flash = 0.3
        caster = units.get(e.unit)
        self.services.audio.sfx("spirit")
        if caster is not None and not skipping:
            pb.beat = PauseBeat(0.6, (caster.x, caster.y))
            if self.services.settings.animation == "full":
                from game.ui.fx.spirit import SpiritScene

                return SpiritScene(self.services, state, e)
        return None

    def _apply_group(self, group: list[Event], *, explode: bool) -> None:
        """Apply an exchange's HP changes to the view; destroyed units then explode on the map."""
        pb = self.playback
        for e in group:
            if isinstance(e, ev.StrikeResolved):
                pb.apply_now(e)
        gone = [e for e in group if isinstance(e, (ev.UnitDestroyed, ev.UnitCaptured))]
        if explode:
            for e in reversed(gone):
                pb.queue.appendleft(e)
        else:
            for e in gone:
                pb.apply_now(e)
