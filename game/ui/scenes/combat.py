"""The battle scene played for one exchange, from its events.

Both units face each other (the player's side on the right, as in SRW); each
`StrikeResolved` becomes a wind-up, the weapon's effect and the impact: damage numbers,
MISS or CRITICAL, a draining HP bar; `UnitDestroyed` an explosion. Will, EXP and funds
from the exchange are listed at the end. Confirm skips; holding Fast speeds it up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.core import BattleState
from game.core import events as ev
from game.core.events import Event
from game.core.stats import pilot_def, unit_def
from game.ui.audio import weapon_sound
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.session import PLAYER_SIDE
from game.ui.render import theme
from game.ui.render.art import TERRAIN_COLOURS
from game.ui.render.text import Fonts
from game.ui.render.widgets import bar, hp_colour
from game.ui.scene import Pop, Scene, Transition
from game.ui.services import Services

INTRO, STRIKE, BOOM, OUTRO = "intro", "strike", "boom", "outro"
DURATIONS = {INTRO: 0.7, STRIKE: 1.5, BOOM: 1.1, OUTRO: 1.6}


@dataclass
class Segment:
    kind: str
    event: Event | None
    duration: float


class CombatScene(Scene):
    def __init__(
        self, services: Services, state: BattleState, events: list[Event], before: dict[str, tuple[int, int]]
    ) -> None:
        self.services = services
        self.state = state
        start = next(e for e in events if isinstance(e, ev.ExchangeStarted))
        self.start = start
        # The attacker's side stands on the right when it is the player's (as in SRW), else
        # on the left. Each strike then puts its striker on its own side and its target
        # on the other, so both are always on screen, whichever sides fight.
        ctx = state.ctx
        player_team = ctx.team(PLAYER_SIDE) if ctx.has_side(PLAYER_SIDE) else None
        self.attacker_right = player_team is not None and ctx.team(state.unit(start.attacker).side) == player_team
        self.defending = {start.defender} | ({start.support_defender} if start.support_defender else set())
        self.hp: dict[str, float] = {uid: float(v[0]) for uid, v in before.items()}
        self.max_hp: dict[str, int] = {uid: v[1] for uid, v in before.items()}
        self.left, self.right = start.attacker, start.defender
        if self.attacker_right:
            self.left, self.right = self.right, self.left
        if start.support_defender is not None:
            self._stand(start.support_defender, self._is_right(start.support_defender))
        self.segments = [Segment(INTRO, None, DURATIONS[INTRO])]
        for e in events:
            if isinstance(e, ev.StrikeResolved):
                self.segments.append(Segment(STRIKE, e, DURATIONS[STRIKE]))
            elif isinstance(e, (ev.UnitDestroyed, ev.UnitCaptured)):
                self.segments.append(Segment(BOOM, e, DURATIONS[BOOM]))
        self.summary = self._summary(events)
        self.segments.append(Segment(OUTRO, None, DURATIONS[OUTRO] if self.summary else 0.5))
        self.index = 0
        self.local = 0.0
        self.gone: set[str] = set()
        self.message = ""
        self.t = 0.0
        self._shown_impact = False

    def _is_right(self, uid: str) -> bool:
        """Whether `uid` fights from the right: the attacker's side or the defender's."""
        return (uid in self.defending) != self.attacker_right

    def _stand(self, uid: str, right: bool) -> None:
        if right:
            self.right = uid
        else:
            self.left = uid

    def _summary(self, events: list[Event]) -> list[tuple[str, tuple[int, int, int]]]:
        ctx = self.state.ctx
        out = []
        for e in events:
            if isinstance(e, ev.ExpGained):
                line = f"{self._pilot(e.unit)}: EXP +{e.amount}"
                if e.level_after > e.level_before:
                    line += f"  LEVEL UP! Lv{e.level_after}"
                out.append((line, theme.ACCENT if e.level_after > e.level_before else theme.TEXT))
            elif isinstance(e, ev.FundsGained) and e.side == PLAYER_SIDE:
                out.append((f"Funds +{e.amount}", theme.GOOD))
            elif isinstance(e, ev.WillChanged):
                out.append((f"{self._pilot(e.unit)}: Will {e.before} → {e.after}", (150, 200, 255)))
            elif isinstance(e, ev.UnitCaptured):
                out.append((f"{unit_def(ctx, self.state.unit(e.unit)).name} was captured!", theme.ACCENT))
        return out[:7]

    def _pilot(self, uid: str) -> str:
        u = self.state.unit(uid)
        p = pilot_def(self.state.ctx, u)
        return p.name if p is not None else unit_def(self.state.ctx, u).name

    # ---- flow ------------------------------------------------------------------------------
    def handle(self, e: InputEvent) -> Transition | None:
        if e.kind is Kind.PRESS and e.action in (Action.CONFIRM, Action.CANCEL):
            return Pop(None)
        return None

    def update(self, dt: float) -> Transition | None:
        speed = 4.0 if self.services.input.is_held(Action.FAST) else 1.0
        self.t += dt
        self.local += dt * speed
        seg = self.segments[self.index]
        self._step(seg)
        while self.local >= seg.duration:
            self._finish(seg)
            self.local -= seg.duration
            self.index += 1
            self._shown_impact = False
            if self.index >= len(self.segments):
                return Pop(None)
            seg = self.segments[self.index]
            self._begin(seg)
        return None

    def _begin(self, seg: Segment) -> None:
        e = seg.event
        if isinstance(e, ev.StrikeResolved):
            striker_right = self._is_right(e.attacker)
            self._stand(e.attacker, striker_right)
            self._stand(e.target, not striker_right)
            w = unit_def(self.state.ctx, self.state.unit(e.attacker)).weapon(e.weapon)
            who = self._pilot(e.attacker)
            role = {"support_attack": " (support)", "counter": " (counter)"}.get(e.role, "")
            self.message = f"{who}: {w.name}!{role}"
            self.services.audio.sfx(weapon_sound(w))
        elif isinstance(e, (ev.UnitDestroyed, ev.UnitCaptured)):
            name = unit_def(self.state.ctx, self.state.unit(e.unit)).name
            self.message = f"{name} is {'destroyed' if isinstance(e, ev.UnitDestroyed) else 'disabled'}!"
            self.services.audio.sfx("explode")
        elif seg.kind == OUTRO:
            self.message = "" if not self.summary else "Results"

    def _step(self, seg: Segment) -> None:
        e = seg.event
        if isinstance(e, ev.StrikeResolved):
            p = self.local / seg.duration
            if p >= 0.55:
                if not self._shown_impact:
                    self._shown_impact = True
                    self.services.audio.sfx("critical" if e.crit else "hit" if e.hit else "miss")
                k = min(1.0, (p - 0.55) / 0.3)
                self.hp[e.target] = e.hp_before + (e.hp_after - e.hp_before) * k

    def _finish(self, seg: Segment) -> None:
        e = seg.event
        if isinstance(e, ev.StrikeResolved):
            self.hp[e.target] = float(e.hp_after)
        elif isinstance(e, (ev.UnitDestroyed, ev.UnitCaptured)):
            self.gone.add(e.unit)

    def on_enter(self) -> None:
        if self.index == 0 and self.local == 0:
            self.message = f"{self._pilot(self.start.attacker)} attacks!"

    # ---- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        w, h = surface.get_size()
        self._background(surface)
        seg = self.segments[self.index]
        p = min(1.0, self.local / seg.duration) if seg.duration else 1.0
        intro = p if seg.kind == INTRO else 1.0
        positions = {self.left: [150 - int((1 - intro) * 200), 150], self.right: [490 + int((1 - intro) * 200), 150]}
        e = seg.event
        shake = 0
        if isinstance(e, ev.StrikeResolved) and e.attacker in positions and e.target in positions:
            w_def = unit_def(self.state.ctx, self.state.unit(e.attacker)).weapon(e.weapon)
            ax = positions[e.attacker][0]
            tx = positions[e.target][0]
            if w_def.melee and 0.2 <= p <= 0.6:
                k = math.sin((p - 0.2) / 0.4 * math.pi)
                positions[e.attacker][0] = int(ax + (tx - ax) * 0.7 * k)
            if e.hit and 0.55 <= p <= 0.8:
                shake = int(4 * math.sin(self.t * 80))
                positions[e.target][0] += shake
            if not e.hit and 0.5 <= p <= 0.85:
                positions[e.target][0] += int((30 if tx < ax else -30) * math.sin((p - 0.5) / 0.35 * math.pi))
        for uid, (x, y) in positions.items():
            if uid in self.gone:
                continue
            self._draw_unit(surface, uid, x, y, facing_left=uid == self.right, pose=self._pose(uid, seg, p))
        if isinstance(e, ev.StrikeResolved):
            self._draw_effect(surface, e, positions, p)
        if isinstance(e, (ev.UnitDestroyed, ev.UnitCaptured)) and e.unit in positions:
            self._draw_explosion(surface, positions[e.unit], p)
        self._draw_bars(surface)
        # message box
        box = pygame.Rect(8, h - 58, w - 16, 50)
        fonts.panel(surface, box)
        if seg.kind == OUTRO and self.summary:
            for i, (line, colour) in enumerate(self.summary[:6]):
                col, row = divmod(i, 3)
                fonts.draw(
                    surface, line, (box.x + 10 + col * 310, box.y + 4 + row * 15), size=Fonts.SMALL, colour=colour
                )
        else:
            x = box.x + 10
            speaker = e.attacker if isinstance(e, ev.StrikeResolved) else None
            pilot = self.state.unit(speaker).pilot_id if speaker else None
            portrait = self.services.art.portrait(pilot, speaking=int(self.t * 8) % 2 == 0) if pilot else None
            if portrait is not None:
                surface.blit(pygame.transform.scale(portrait, (42, 42)), (box.x + 4, box.y + 4))
                x = box.x + 54
            fonts.draw(surface, self.message, (x, box.y + 8), size=Fonts.NORMAL, bold=True)
        fonts.draw(
            surface,
            self.services.keys("{confirm}: skip  ·  hold {fast}: faster"),
            (box.right - 8, box.bottom - 16),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )

    def _background(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        ctx = self.state.ctx
        defender = self.state.unit(self.start.defender)
        terrain = ctx.grid.terrain_id(defender.pos)
        ground = TERRAIN_COLOURS.get(terrain, (120, 90, 70))
        space = ctx.grid.space
        for y in range(0, 200, 4):
            k = y / 200
            sky = (
                (int(10 + 20 * k), int(10 + 20 * k), int(30 + 40 * k))
                if space
                else (int(60 + 120 * k), int(40 + 70 * k), int(50 + 40 * k))
            )
            surface.fill(sky, (0, y, w, 4))
        if not space:
            surface.fill(ground, (0, 200, w, h - 200))
            for i in range(12):
                x = (i * 97 + int(self.t * 60)) % (w + 80) - 40
                pygame.draw.line(
                    surface,
                    tuple(max(0, c - 30) for c in ground),
                    (x, 210 + (i % 4) * 20),
                    (x + 30, 210 + (i % 4) * 20),
                    2,
                )
        else:
            surface.fill((6, 8, 20), (0, 200, w, h - 200))
        for i in range(30):
            x = (i * 53 + int(self.t * (40 + i % 3 * 30))) % w
            pygame.draw.line(
                surface,
                (255, 255, 255, 60) if space else (255, 230, 200),
                (w - x, 40 + i * 5),
                (w - x - 18, 40 + i * 5),
                1,
            )

    def _pose(self, uid: str, seg: Segment, p: float) -> int:
        """Battle sprite frame: ready, then attacking while striking; else idle (two frames)."""
        e = seg.event
        if isinstance(e, ev.StrikeResolved) and e.attacker == uid:
            if p < 0.25:
                return 2
            if p < 0.7:
                return 3
        return int(self.t * 2) % 2

    def _sprite(self, uid: str, pose: int, facing_left: bool) -> pygame.Surface:
        u = self.state.unit(uid)
        img = self.services.art.battle_sprite(u.unit_id, u.side, pose)
        return pygame.transform.flip(img, True, False) if facing_left else img

    def _draw_unit(self, surface: pygame.Surface, uid: str, x: int, y: int, *, facing_left: bool, pose: int) -> None:
        img = self._sprite(uid, pose, facing_left)
        rect = img.get_rect(midbottom=(x, y + 80))
        shadow = pygame.Surface((rect.w, 12), pygame.SRCALPHA)
        pygame.draw.ellipse(shadow, (0, 0, 0, 100), shadow.get_rect())
        surface.blit(shadow, (rect.x, rect.bottom - 6))
        surface.blit(img, rect)

    def _muzzle(self, uid: str, x: int, y: int) -> tuple[int, int]:
        """Where shots leave the striking unit's sprite, in screen coordinates."""
        img = self._sprite(uid, 3, False)
        rect = img.get_rect(midbottom=(x, y + 80))
        anchor = self.services.art.battle_anchor(self.state.unit(uid).unit_id)
        ax, ay = anchor if anchor is not None else (rect.w * 7 // 8, rect.h // 2)
        if uid == self.right:  # facing left: mirror the anchor
            ax = rect.w - ax
        return rect.x + ax, rect.y + ay

    def _center(self, x: int, y: int) -> tuple[int, int]:
        return x, y + 80 - 60

    def _draw_strip(
        self, surface: pygame.Surface, name: str, center: tuple[int, int], k: float, scale: int = 1
    ) -> bool:
        """Draw frame k (0..1 through the animation) of an effect strip centred at `center`."""
        strip = self.services.art.effect(name)
        if not strip:
            return False
        frame = strip[min(len(strip) - 1, int(k * len(strip)))]
        if scale > 1:
            frame = pygame.transform.scale_by(frame, scale)
        surface.blit(frame, frame.get_rect(center=center))
        return True

    def _draw_number(self, surface: pygame.Surface, value: int, center: tuple[int, int], crit: bool) -> None:
        digits = self.services.art.effect("digits_critical" if crit else "digits")
        if not digits:
            self.services.fonts.draw(surface, str(value), center, size=Fonts.HUGE, bold=True, align="center")
            return
        text = str(value)
        w = digits[0].get_width()
        x = center[0] - w * len(text) // 2
        for ch in text:
            surface.blit(digits[int(ch)], (x, center[1]))
            x += w

    def _draw_effect(
        self, surface: pygame.Surface, e: ev.StrikeResolved, positions: dict[str, list[int]], p: float
    ) -> None:
        if e.attacker not in positions or e.target not in positions:
            return
        w = unit_def(self.state.ctx, self.state.unit(e.attacker)).weapon(e.weapon)
        mx, my = self._muzzle(e.attacker, *positions[e.attacker])
        tx, ty = self._center(*positions[e.target])
        if not e.hit:  # a miss flies past the target
            tx += 40 if tx > mx else -40
        flip = tx < mx
        if not w.melee and 0.3 <= p <= 0.6:
            k = (p - 0.3) / 0.3
            if w.type == "beam":
                self._draw_beam(surface, (mx, my), (tx, ty), k, self._is_right(e.attacker))
            else:
                x = mx + (tx - mx) * k
                y = my + (ty - my) * k
                strip = self.services.art.effect("missile")
                if strip:
                    frame = strip[int(self.t * 12) % len(strip)]
                    surface.blit(pygame.transform.flip(frame, flip, False), frame.get_rect(center=(int(x), int(y))))
                else:
                    pygame.draw.circle(surface, (255, 200, 90), (int(x), int(y)), 4)
        if e.hit and 0.55 <= p <= 0.8:
            k = (p - 0.55) / 0.25
            if w.melee:
                name = "claw" if "claw" in w.id else "knuckle_shot"
                self._draw_strip(surface, name, (tx, ty), k)
            if not self._draw_strip(surface, "hit_spark", (tx, ty), k, 2):
                pygame.draw.circle(surface, (255, 240, 180), (tx, ty), int(10 + 40 * k), 4)
        if p >= 0.55:
            rise = int(24 * min(1.0, (p - 0.55) / 0.3))
            top = (positions[e.target][0], positions[e.target][1] - 40 - rise)
            art = self.services.art
            if not e.hit:
                img = art.effect("miss")
                if img:
                    surface.blit(img[0], img[0].get_rect(center=top))
            else:
                if e.crit:
                    img = art.effect("critical")
                    if img:
                        surface.blit(
                            pygame.transform.scale_by(img[0], 2),
                            pygame.transform.scale_by(img[0], 2).get_rect(center=(320, 70)),
                        )
                self._draw_number(surface, 0 if e.substitute else e.damage, (top[0], top[1] - 11), e.crit)
                fonts = self.services.fonts
                if e.barrier:
                    fonts.draw(
                        surface, f"Barrier -{e.barrier}", (top[0], top[1] - 34), colour=(150, 220, 255), align="center"
                    )
                if e.mercy:
                    fonts.draw(surface, "Mercy!", (top[0], top[1] - 34), colour=theme.GOOD, align="center")

    def _draw_beam(
        self, surface: pygame.Surface, start: tuple[int, int], end: tuple[int, int], k: float, blue: bool
    ) -> None:
        """The beam grows from the muzzle to the target, tiled from the effect strip."""
        strip = self.services.art.effect("beam_blue" if blue else "beam")
        x0, y0 = start
        x1 = x0 + (end[0] - x0) * min(1.0, k * 1.6)
        if not strip:
            pygame.draw.line(surface, (120, 220, 255), start, (x1, end[1]), 5)
            return
        frame = strip[int(self.t * 16) % len(strip)]
        length = int(abs(x1 - x0))
        if length <= 0:
            return
        piece = pygame.Surface((length, frame.get_height()), pygame.SRCALPHA)
        for x in range(0, length, frame.get_width()):
            piece.blit(frame, (x, 0))
        if x1 < x0:
            piece = pygame.transform.flip(piece, True, False)
        surface.blit(piece, (min(x0, int(x1)), y0 - frame.get_height() // 2))

    def _draw_explosion(self, surface: pygame.Surface, pos: list[int], p: float) -> None:
        center = self._center(pos[0], pos[1])
        if self._draw_strip(surface, "explosion", center, min(0.999, p * 1.2), 2):
            return
        pygame.draw.circle(surface, (255, 200, 80), center, int(8 + 60 * p))

    def _draw_bars(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        for uid, rect in ((self.left, pygame.Rect(8, 8, 300, 40)), (self.right, pygame.Rect(332, 8, 300, 40))):
            u = self.state.unit(uid)
            fonts.panel(surface, rect, edge=theme.SIDE_COLOURS.get(u.side, theme.PANEL_EDGE))
            name = unit_def(self.state.ctx, u).name
            fonts.draw(surface, f"{name}  ·  {self._pilot(uid)}", (rect.x + 8, rect.y + 4), size=Fonts.SMALL, bold=True)
            hp = self.hp.get(uid, float(u.hp))
            top = self.max_hp.get(uid, u.hp or 1)
            bar(surface, pygame.Rect(rect.x + 8, rect.y + 22, rect.w - 90, 10), hp, top, hp_colour(hp, top))
            fonts.draw(surface, f"{int(hp)}/{top}", (rect.right - 8, rect.y + 19), size=Fonts.SMALL, align="right")
