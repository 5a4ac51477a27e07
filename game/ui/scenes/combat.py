"""The battle scene played for one exchange, from its events.

Both units face each other (the player's side on the right, as in SRW). Each
`StrikeResolved` plays its weapon's animation from the data (`game.ui.fx`): special attacks
and criticals open with the pilot's cut-in, the pilots speak their lines, hits shake and
flash the target, and `UnitDestroyed` plays the destruction. Will, EXP and funds from the
exchange are listed at the end. Confirm skips; holding Fast speeds it up.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.core import BattleState
from game.core import events as ev
from game.core.events import Event
from game.core.stats import pilot_def, unit_def
from game.data.fx_schema import WeaponAnimation
from game.ui.fx import choreo
from game.ui.fx.book import book_for
from game.ui.fx.choreo import IMPACT, Effects, StrikeView
from game.ui.fx.cutin import draw_cut_in
from game.ui.fx.destruction import draw_destruction
from game.ui.fx.quotes import (
    Quote,
    finish_quote,
    reaction_quote,
    shot_down_quote,
    strike_quote,
    support_defend_quote,
)
from game.ui.fx.sprites import ATTACK, DOWN, BattleSprites
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.session import PLAYER_SIDE
from game.ui.render import theme
from game.ui.render.art import TERRAIN_COLOURS
from game.ui.render.text import Fonts
from game.ui.render.widgets import bar, hp_colour
from game.ui.scene import Pop, Scene, Transition
from game.ui.services import Services

INTRO, GUARD, CUTIN, STRIKE, BOOM, OUTRO = "intro", "guard", "cutin", "strike", "boom", "outro"
DURATIONS = {INTRO: 0.7, GUARD: 0.9, CUTIN: 1.0, STRIKE: 1.5, BOOM: 1.6, OUTRO: 1.6}
GROUND = 230  # the units' ground line
STANCES = (150, 490)  # left and right x
REACTION = 0.68  # when the target's own line replaces the striker's


@dataclass
class Segment:
    kind: str
    event: Event | None
    duration: float
    anim: WeaponAnimation | None = None
    quote: Quote | None = None  # said as the segment starts
    reply: Quote | None = None  # the target's line after a strike
    again: bool = False  # the quote was already said (in the cut-in before this strike)


class CombatScene(Scene):
    def __init__(
        self, services: Services, state: BattleState, events: list[Event], before: dict[str, tuple[int, int]]
    ) -> None:
        self.services = services
        self.state = state
        self.book = book_for(services.catalog)
        self.sprites = BattleSprites(services.art)
        self.effects = Effects(services.art)
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
        last_striker: dict[str, str] = {}
        for e in events:
            if isinstance(e, ev.StrikeResolved):
                self.segments += self._strike_segments(e)
                last_striker[e.target] = e.attacker
            elif isinstance(e, (ev.UnitDestroyed, ev.UnitCaptured)):
                quote = shot_down_quote(self.book, state, e.unit) if isinstance(e, ev.UnitDestroyed) else None
                by = last_striker.get(e.unit)
                reply = finish_quote(self.book, state, by, e.unit) if by else None
                self.segments.append(Segment(BOOM, e, DURATIONS[BOOM], quote=quote, reply=reply))
        self.summary = self._summary(events)
        self.segments.append(Segment(OUTRO, None, DURATIONS[OUTRO] if self.summary else 0.5))
        # Everything said in this exchange, in order, whether or not it is skipped.
        self.log: list[Quote] = [
            q for s in self.segments for q in (None if s.again else s.quote, s.reply) if q is not None
        ]
        self.index = 0
        self.local = 0.0
        self.gone: set[str] = set()
        self.message = ""
        self.line: Quote | None = None
        self.t = 0.0
        self._shown_impact = False

    def _strike_segments(self, e: ev.StrikeResolved) -> list[Segment]:
        u = self.state.unit(e.attacker)
        anim = self.book.animation(u.unit_id, unit_def(self.state.ctx, u).weapon(e.weapon))
        quote = strike_quote(self.book, self.state, e)
        top = self.max_hp.get(e.target) or e.hp_before or 1
        guard = e.target == self.start.support_defender and e.target != self.start.defender
        opening = support_defend_quote(self.book, self.state, e) if guard else None
        reply = reaction_quote(self.book, self.state, e, top)
        out = []
        if anim.cut_in or e.crit:
            out.append(Segment(CUTIN, e, DURATIONS[CUTIN], anim, quote))
        out.append(Segment(STRIKE, e, anim.seconds, anim, quote, reply, again=bool(out)))
        if opening is not None:  # the support defender speaks up before the blow
            out.insert(0, Segment(GUARD, e, DURATIONS[GUARD], anim, opening))
        return out

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
        self.line = seg.quote
        if isinstance(e, ev.StrikeResolved):
            striker_right = self._is_right(e.attacker)
            self._stand(e.attacker, striker_right)
            self._stand(e.target, not striker_right)
            w = unit_def(self.state.ctx, self.state.unit(e.attacker)).weapon(e.weapon)
            role = {"support_attack": " (support)", "counter": " (counter)"}.get(e.role, "")
            self.message = f"{self._pilot(e.attacker)}: {w.name}!{role}"
            if seg.kind == GUARD:
                self.message = f"{self._pilot(e.target)} steps in to take the blow!"
            elif seg.kind == STRIKE and seg.anim is not None:
                self.services.audio.sfx(seg.anim.sound_id)
            elif seg.kind == CUTIN:
                self.services.audio.sfx("critical" if e.crit else "spirit")
        elif isinstance(e, (ev.UnitDestroyed, ev.UnitCaptured)):
            name = unit_def(self.state.ctx, self.state.unit(e.unit)).name
            self.message = f"{name} is {'destroyed' if isinstance(e, ev.UnitDestroyed) else 'disabled'}!"
            self.services.audio.sfx("explode")
        elif seg.kind == OUTRO:
            self.message = "" if not self.summary else "Results"

    def _step(self, seg: Segment) -> None:
        e = seg.event
        if seg.kind == STRIKE and isinstance(e, ev.StrikeResolved):
            p = self.local / seg.duration
            if p >= IMPACT:
                if not self._shown_impact:
                    self._shown_impact = True
                    self.services.audio.sfx("critical" if e.crit else "hit" if e.hit else "miss")
                k = min(1.0, (p - IMPACT) / 0.3)
                self.hp[e.target] = e.hp_before + (e.hp_after - e.hp_before) * k
            if p >= REACTION and seg.reply is not None:
                self.line = seg.reply
        elif seg.kind == BOOM and seg.reply is not None and self.local / seg.duration >= 0.7:
            self.line = seg.reply

    def _finish(self, seg: Segment) -> None:
        e = seg.event
        if seg.kind == STRIKE and isinstance(e, ev.StrikeResolved):
            self.hp[e.target] = float(e.hp_after)
        elif isinstance(e, (ev.UnitDestroyed, ev.UnitCaptured)):
            self.gone.add(e.unit)

    def on_enter(self) -> None:
        if self.index == 0 and self.local == 0:
            self.message = f"{self._pilot(self.start.attacker)} attacks!"

    # ---- drawing ---------------------------------------------------------------------------
    def _stances(self, p: float, seg: Segment) -> dict[str, tuple[int, int]]:
        intro = p if seg.kind == INTRO else 1.0
        slide = int((1 - intro) * 200)
        return {self.left: (STANCES[0] - slide, GROUND), self.right: (STANCES[1] + slide, GROUND)}

    def _view(self, e: ev.StrikeResolved, anim: WeaponAnimation, stances: dict[str, tuple[int, int]]) -> StrikeView:
        origin, target = stances[e.attacker], stances[e.target]
        return StrikeView(
            anim,
            origin,
            target,
            self._muzzle(e.attacker, origin),
            (target[0], target[1] - 60),
            e.hit,
            e.crit,
            self.t,
            (160, 230, 255) if self._is_right(e.attacker) else (170, 255, 140),
        )

    def draw(self, surface: pygame.Surface) -> None:
        self._background(surface)
        seg = self.segments[self.index]
        p = min(1.0, self.local / seg.duration) if seg.duration else 1.0
        stances = self._stances(p, seg)
        e = seg.event
        sv = None
        strike = seg.kind == STRIKE and isinstance(e, ev.StrikeResolved) and seg.anim is not None
        if (
            strike
            and isinstance(e, ev.StrikeResolved)
            and seg.anim is not None
            and {e.attacker, e.target} <= set(stances)
        ):
            sv = self._view(e, seg.anim, stances)
        at: dict[str, tuple[int, int]] = dict(stances)
        poses: dict[str, int | None] = {}
        looks: dict[str, str] = {}
        if sv is not None and isinstance(e, ev.StrikeResolved):
            dx, dy = choreo.striker_offset(sv, p)
            at[e.attacker] = (sv.origin[0] + dx, sv.origin[1] + dy)
            poses[e.attacker] = choreo.striker_pose(sv, p)
            tx, ty = choreo.target_offset(sv, p, self.t)
            at[e.target] = (sv.target[0] + tx, sv.target[1] + ty)
            poses[e.target] = choreo.target_pose(sv, p)
            if choreo.target_flashes(sv, p, self.t):
                looks[e.target] = "flash"
        dying = e.unit if isinstance(e, (ev.UnitDestroyed, ev.UnitCaptured)) and seg.kind == BOOM else None
        # the striker is drawn last, in front of the one it strikes
        order = sorted(at, key=lambda uid: uid == (e.attacker if isinstance(e, ev.StrikeResolved) else ""))
        for uid in order:
            if uid in self.gone:
                continue
            if uid == dying and isinstance(e, ev.UnitDestroyed):
                u = self.state.unit(uid)
                facing_left = uid == self.right
                sprite = self.sprites.get(u.unit_id, u.side, DOWN, facing_left)
                burnt = self.sprites.get(u.unit_id, u.side, DOWN, facing_left, "burnt")
                draw_destruction(surface, self.effects, sprite, burnt, at[uid], p, self.t)
                continue
            pose = poses.get(uid)
            self._draw_unit(
                surface, uid, at[uid], pose if pose is not None else int(self.t * 2) % 2, looks.get(uid, "")
            )
        if sv is not None and isinstance(e, ev.StrikeResolved):
            self.effects.draw(surface, sv, p, at[e.attacker])
            flash = choreo.screen_flash(sv, p)
            if flash is not None:
                veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
                veil.fill((*flash[0], flash[1]))
                surface.blit(veil, (0, 0))
            self._draw_numbers(surface, e, stances, p)
            shake = choreo.screen_shake(sv, p, self.t)
            if shake != (0, 0):
                surface.scroll(*shake)
        if dying is not None and isinstance(e, ev.UnitCaptured) and dying in at:
            self.effects.blit(surface, "explosion", (at[dying][0], at[dying][1] - 60), p, 2.0)
        self._draw_bars(surface)
        self._draw_message(surface, seg)
        if seg.kind == CUTIN and isinstance(e, ev.StrikeResolved):
            self._draw_cut_in(surface, seg, e, p)

    def _draw_cut_in(self, surface: pygame.Surface, seg: Segment, e: ev.StrikeResolved, p: float) -> None:
        u = self.state.unit(e.attacker)
        w = unit_def(self.state.ctx, u).weapon(e.weapon)
        art = self.services.art
        portrait = art.portrait(self._portrait(e.attacker), speaking=int(self.t * 8) % 2 == 0, expression="angry")
        colour = seg.anim.colour if seg.anim is not None else None
        edge = choreo.hex_colour(colour, theme.SIDE_COLOURS.get(u.side, theme.ACCENT))
        title = w.name + ("!" if not e.crit else "  —  CRITICAL!")
        draw_cut_in(
            surface,
            self.services.fonts,
            portrait,
            self._pilot(e.attacker),
            title,
            seg.quote.text if seg.quote else "",
            edge,
            p,
            from_right=self._is_right(e.attacker),
        )

    def _portrait(self, uid: str) -> str | None:
        return self.state.unit(uid).pilot_id

    def _draw_message(self, surface: pygame.Surface, seg: Segment) -> None:
        fonts = self.services.fonts
        w, h = surface.get_size()
        box = pygame.Rect(8, h - 66, w - 16, 58)
        fonts.panel(surface, box)
        if seg.kind == OUTRO and self.summary:
            for i, (line, colour) in enumerate(self.summary[:6]):
                col, row = divmod(i, 3)
                fonts.draw(
                    surface, line, (box.x + 10 + col * 310, box.y + 6 + row * 16), size=Fonts.SMALL, colour=colour
                )
        else:
            x = box.x + 10
            speaker = (
                self.line.uid
                if self.line
                else (seg.event.attacker if isinstance(seg.event, ev.StrikeResolved) else None)
            )
            pilot = self._portrait(speaker) if speaker else None
            hurt = self.line is not None and self.line.situation in ("damaged", "heavy_damage", "shot_down")
            portrait = (
                self.services.art.portrait(
                    pilot, speaking=int(self.t * 8) % 2 == 0, expression="hurt" if hurt else "neutral"
                )
                if pilot
                else None
            )
            if portrait is not None:
                surface.blit(pygame.transform.scale(portrait, (48, 48)), (box.x + 5, box.y + 5))
                x = box.x + 60
            if self.line is not None:
                fonts.draw(
                    surface,
                    self._pilot(self.line.uid),
                    (x, box.y + 4),
                    size=Fonts.SMALL,
                    bold=True,
                    colour=theme.ACCENT,
                )
                for i, text in enumerate(fonts.wrap(f'"{self.line.text}"', box.right - x - 12, Fonts.NORMAL)[:2]):
                    fonts.draw(surface, text, (x, box.y + 19 + i * 18), size=Fonts.NORMAL)
            else:
                fonts.draw(surface, self.message, (x, box.y + 10), size=Fonts.NORMAL, bold=True)
        fonts.draw(
            surface,
            self.services.keys("{confirm}: skip  ·  hold {fast}: faster"),
            (box.right - 8, box.y - 16),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
        if self.line is not None and seg.kind in (STRIKE, CUTIN) and self.message:  # the weapon, above the box
            fonts.draw(surface, self.message, (box.x + 4, box.y - 18), size=Fonts.SMALL, bold=True)

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

    def _draw_unit(self, surface: pygame.Surface, uid: str, stance: tuple[int, int], pose: int, look: str) -> None:
        u = self.state.unit(uid)
        img = self.sprites.get(u.unit_id, u.side, pose, uid == self.right, look)
        rect = img.get_rect(midbottom=stance)
        shadow = pygame.Surface((rect.w, 12), pygame.SRCALPHA)
        pygame.draw.ellipse(shadow, (0, 0, 0, 100), shadow.get_rect())
        surface.blit(shadow, (rect.x, GROUND - 6))
        surface.blit(img, rect)

    def _muzzle(self, uid: str, stance: tuple[int, int]) -> tuple[int, int]:
        """Where shots leave the striking unit's sprite, in screen coordinates."""
        u = self.state.unit(uid)
        img = self.sprites.get(u.unit_id, u.side, ATTACK, False)
        rect = img.get_rect(midbottom=stance)
        anchor = self.services.art.battle_anchor(u.unit_id)
        ax, ay = anchor if anchor is not None else (rect.w * 7 // 8, rect.h // 2)
        if uid == self.right:  # facing left: mirror the anchor
            ax = rect.w - ax
        return rect.x + ax, rect.y + ay

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

    def _draw_numbers(
        self, surface: pygame.Surface, e: ev.StrikeResolved, stances: dict[str, tuple[int, int]], p: float
    ) -> None:
        if p < IMPACT:
            return
        rise = int(24 * min(1.0, (p - IMPACT) / 0.3))
        top = (stances[e.target][0], stances[e.target][1] - 120 - rise)
        art = self.services.art
        if not e.hit:
            img = art.effect("miss")
            if img:
                surface.blit(img[0], img[0].get_rect(center=top))
            return
        if e.crit:
            img = art.effect("critical")
            if img:
                big = pygame.transform.scale_by(img[0], 2)
                surface.blit(big, big.get_rect(center=(surface.get_width() // 2, 70)))
        self._draw_number(surface, 0 if e.substitute else e.damage, (top[0], top[1] - 11), e.crit)
        fonts = self.services.fonts
        if e.barrier:
            fonts.draw(surface, f"Barrier -{e.barrier}", (top[0], top[1] - 34), colour=(150, 220, 255), align="center")
        if e.mercy:
            fonts.draw(surface, "Mercy!", (top[0], top[1] - 34), colour=theme.GOOD, align="center")

    def _label(self, uid: str, width: int) -> str:
        """`Unit · Pilot`, or the unit alone when it has no pilot or both do not fit."""
        u = self.state.unit(uid)
        name = unit_def(self.state.ctx, u).name
        pilot = pilot_def(self.state.ctx, u)
        fonts = self.services.fonts
        text = f"{name}  ·  {pilot.name}" if pilot is not None else name
        if fonts.width(text, Fonts.SMALL, True) <= width:
            return text
        while len(name) > 1 and fonts.width(name, Fonts.SMALL, True) > width:
            name = name[:-2] + "."
        return name

    def _draw_bars(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        for uid, rect in ((self.left, pygame.Rect(8, 8, 300, 40)), (self.right, pygame.Rect(332, 8, 300, 40))):
            u = self.state.unit(uid)
            fonts.panel(surface, rect, edge=theme.SIDE_COLOURS.get(u.side, theme.PANEL_EDGE))
            fonts.draw(surface, self._label(uid, rect.w - 16), (rect.x + 8, rect.y + 4), size=Fonts.SMALL, bold=True)
            hp = self.hp.get(uid, float(u.hp))
            top = self.max_hp.get(uid, u.hp or 1)
            bar(surface, pygame.Rect(rect.x + 8, rect.y + 22, rect.w - 90, 10), hp, top, hp_colour(hp, top))
            fonts.draw(surface, f"{int(hp)}/{top}", (rect.right - 8, rect.y + 19), size=Fonts.SMALL, align="right")
