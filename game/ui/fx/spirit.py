"""A spirit command being cast, over the map: the pilot's cut-in with the spirit's name and
a line, and the spirit's own effect (a burst in its colour, with its own shape). Confirm
skips; holding Fast speeds it up."""

from __future__ import annotations

import math

import pygame

from game.core import BattleState
from game.core import events as ev
from game.core.stats import pilot_def
from game.ui.fx.book import book_for
from game.ui.fx.choreo import ease, span
from game.ui.fx.cutin import draw_cut_in
from game.ui.fx.quotes import Quote, spirit_quote
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.session import PLAYER_SIDE
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Scene, Transition
from game.ui.services import Services

DURATION = 1.5
# Each spirit's colour and the shape of its burst: rings (defence, focus), rays (power),
# rising sparks (Will and morale), a cross (healing and support).
LOOKS: dict[str, tuple[tuple[int, int, int], str]] = {
    "focus": ((120, 220, 255), "rings"),
    "alert": ((230, 240, 255), "rings"),
    "guard": ((110, 150, 255), "rings"),
    "scan": ((160, 255, 220), "rings"),
    "strike": ((255, 230, 90), "rays"),
    "snipe": ((255, 230, 90), "rays"),
    "valor": ((255, 90, 60), "rays"),
    "soul": ((255, 60, 40), "rays"),
    "fury": ((255, 120, 40), "rays"),
    "zeal": ((255, 200, 80), "sparks"),
    "spirit": ((255, 160, 200), "sparks"),
    "rouse": ((255, 160, 200), "sparks"),
    "drive": ((255, 200, 120), "sparks"),
    "accel": ((150, 255, 150), "sparks"),
    "luck": ((255, 220, 120), "sparks"),
    "gain": ((200, 160, 255), "sparks"),
    "bless": ((255, 240, 160), "sparks"),
    "cheer": ((200, 255, 160), "sparks"),
    "enable": ((150, 255, 200), "cross"),
    "trust": ((120, 255, 140), "cross"),
    "vigor": ((120, 255, 140), "cross"),
    "resupply": ((120, 220, 255), "cross"),
    "mercy": ((170, 255, 200), "cross"),
}
DEFAULT_LOOK = ((180, 220, 255), "rings")


class SpiritScene(Scene):
    opaque = False  # the map stays visible behind it

    def __init__(self, services: Services, state: BattleState, event: ev.SpiritCast) -> None:
        self.services = services
        self.state = state
        self.event = event
        spirit = state.ctx.defs.spirits.get(event.spirit)
        self.name = spirit.name if spirit is not None else event.spirit
        unit = state.unit(event.unit)
        pilot = pilot_def(state.ctx, unit)
        self.pilot_name = pilot.name if pilot is not None else ""
        self.portrait_id = unit.pilot_id
        self.quote: Quote | None = spirit_quote(
            book_for(services.catalog), state, event.unit, event.spirit, event.sp_left
        )
        self.colour, self.shape = LOOKS.get(event.spirit, DEFAULT_LOOK)
        self.elapsed = 0.0
        self.t = 0.0
        ctx = state.ctx
        # the player's team speaks from the right, as it stands in the battle scene
        self.from_right = ctx.has_side(PLAYER_SIDE) and ctx.team(unit.side) == ctx.team(PLAYER_SIDE)

    def handle(self, e: InputEvent) -> Transition | None:
        if e.kind is Kind.PRESS and e.action in (Action.CONFIRM, Action.CANCEL):
            return Pop(None)
        return None

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        self.elapsed += dt * (4.0 if self.services.input.is_held(Action.FAST) else 1.0)
        return Pop(None) if self.elapsed >= DURATION else None

    @property
    def progress(self) -> float:
        return min(1.0, self.elapsed / DURATION)

    def draw(self, surface: pygame.Surface) -> None:
        p = self.progress
        w, h = surface.get_size()
        veil = pygame.Surface((w, h), pygame.SRCALPHA)
        veil.fill((0, 0, 10, int(150 * (ease(span(p, 0, 0.1)) - ease(span(p, 0.9, 1.0))))))
        surface.blit(veil, (0, 0))
        self._burst(surface, (w // 2, h // 2 + 60), p)
        fonts = self.services.fonts
        portrait = self.services.art.portrait(self.portrait_id, speaking=int(self.t * 8) % 2 == 0)
        draw_cut_in(
            surface,
            fonts,
            portrait,
            self.pilot_name,
            "",
            self.quote.text if self.quote else "",
            self.colour,
            p,
            from_right=self.from_right,
            y=40,
        )
        grow = ease(span(p, 0.15, 0.35))
        if grow > 0 and p < 0.92:  # the spirit's name, large in its colour
            text = self.name.upper() + "!"
            fonts.draw(
                surface,
                text,
                (w // 2, h // 2 + 40 - int(10 * grow)),
                size=Fonts.HUGE,
                bold=True,
                colour=self.colour,
                align="center",
            )

    def _burst(self, surface: pygame.Surface, centre: tuple[int, int], p: float) -> None:
        k = span(p, 0.15, 0.85)
        if k <= 0 or k >= 1:
            return
        layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        alpha = int(220 * (1 - k))
        cx, cy = centre
        if self.shape == "rings":
            for i in range(3):
                r = int(20 + 180 * ((k + i * 0.2) % 1.0))
                pygame.draw.circle(layer, (*self.colour, alpha), centre, r, 4)
        elif self.shape == "rays":
            for i in range(12):
                a = i * math.pi / 6 + k
                r0, r1 = 20 + 60 * k, 60 + 200 * k
                start = (cx + math.cos(a) * r0, cy + math.sin(a) * r0)
                end = (cx + math.cos(a) * r1, cy + math.sin(a) * r1)
                pygame.draw.line(layer, (*self.colour, alpha), start, end, 5)
        elif self.shape == "sparks":
            for i in range(24):
                x = cx + ((i * 53) % 240 - 120)
                y = cy + 60 - ((k * 260 + i * 37) % 220)
                pygame.draw.circle(layer, (*self.colour, alpha), (int(x), int(y)), 3 + i % 3)
        else:  # cross
            size = int(30 + 90 * ease(k))
            pygame.draw.rect(layer, (*self.colour, alpha), (cx - size // 5, cy - size, 2 * (size // 5), 2 * size))
            pygame.draw.rect(layer, (*self.colour, alpha), (cx - size, cy - size // 5, 2 * size, 2 * (size // 5)))
        pygame.draw.circle(layer, (255, 255, 255, alpha // 2), centre, int(30 * (1 - k)) + 4)
        surface.blit(layer, (0, 0))
