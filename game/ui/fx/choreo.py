"""How each kind of weapon animation moves and what it draws, over one strike.

A strike runs from p = 0 to 1: wind-up, the weapon's travel, the blow lands at `IMPACT`,
then the target reacts and everyone settles. Each kind shapes the striker's movement and
pose and draws its effects; the target's shake, flash and recoil are common to all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.data.fx_schema import WeaponAnimation
from game.ui.fx.sprites import ATTACK, DASH, HIT, IDLE, READY
from game.ui.render.art import Art

IMPACT = 0.55
MELEE = ("melee_dash", "claw", "ram", "vmax")
Point = tuple[int, int]
Colour = tuple[int, int, int]


def hex_colour(text: str | None, default: Colour) -> Colour:
    if not text:
        return default
    return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))


def ease(k: float) -> float:
    k = max(0.0, min(1.0, k))
    return k * k * (3 - 2 * k)


def span(p: float, a: float, b: float) -> float:
    """Progress 0..1 of p through [a, b]."""
    return max(0.0, min(1.0, (p - a) / (b - a))) if b > a else float(p >= b)


@dataclass
class StrikeView:
    """One strike as the scene sees it, in screen coordinates."""

    anim: WeaponAnimation
    origin: Point  # the striker's stance (midbottom x, y of its sprite's ground line)
    target: Point  # the target's stance
    muzzle: Point  # where shots leave the striker (at its stance)
    centre: Point  # the target's body centre
    hit: bool
    crit: bool
    t: float  # scene clock, for flicker and looping strips
    default_colour: Colour = (160, 230, 255)

    @property
    def facing(self) -> int:
        return 1 if self.target[0] >= self.origin[0] else -1

    @property
    def colour(self) -> Colour:
        return hex_colour(self.anim.colour, self.default_colour)

    @property
    def aim(self) -> Point:
        """Where shots end: the target's centre, or past it for a miss."""
        x, y = self.centre
        return (x + 50 * self.facing, y - 10) if not self.hit else (x, y)


# ---- the striker -------------------------------------------------------------------------------
def striker_offset(sv: StrikeView, p: float) -> tuple[int, int]:
    """How far the striker has moved from its stance."""
    kind = sv.anim.kind
    reach = abs(sv.target[0] - sv.origin[0]) - 70
    if kind in ("melee_dash", "claw"):
        out = ease(span(p, 0.2, 0.48)) - ease(span(p, 0.78, 1.0))
        return (int(sv.facing * reach * out), int(-10 * math.sin(out * math.pi)))
    if kind == "ram":
        out = span(p, 0.25, IMPACT) ** 2 - ease(span(p, 0.8, 1.0))
        return (int(sv.facing * (reach + 20) * max(0.0, out)), 0)
    if kind == "vmax":
        if p < 0.35:  # charging: trembling in place
            k = span(p, 0.05, 0.35)
            return (int(math.sin(sv.t * 90) * 3 * k), int(-6 * k))
        out = span(p, 0.35, IMPACT) ** 1.6 - ease(span(p, 0.82, 1.0))
        return (int(sv.facing * (reach + 30) * max(0.0, out)), int(-6 * (1 - span(p, 0.82, 1.0))))
    if kind == "map_blast" and p < 0.5:
        return (0, int(-8 * ease(span(p, 0.05, 0.4))))
    if kind in ("rifle", "beam", "missile_salvo", "flamethrower") and IMPACT - 0.25 <= p <= IMPACT:
        return (int(-sv.facing * 4 * math.sin(span(p, IMPACT - 0.25, IMPACT) * math.pi)), 0)  # recoil
    return (0, 0)


def striker_pose(sv: StrikeView, p: float) -> int:
    kind = sv.anim.kind
    if kind in ("melee_dash", "claw"):
        if p < 0.2:
            return READY
        if p < 0.44:
            return DASH
        return ATTACK if p < 0.78 else DASH if p < 0.95 else IDLE
    if kind in ("ram", "vmax"):
        if p < 0.3:
            return READY
        return DASH if p < 0.8 else READY if p < 0.95 else IDLE
    if p < 0.25:
        return READY
    return ATTACK if p < 0.75 else IDLE


# ---- the target --------------------------------------------------------------------------------
def target_offset(sv: StrikeView, p: float, t: float) -> tuple[int, int]:
    if not sv.hit:  # a dodge: a quick hop aside
        k = math.sin(span(p, IMPACT - 0.08, IMPACT + 0.3) * math.pi)
        return (int(sv.facing * 34 * k), int(-14 * k))
    if p < IMPACT:
        return (0, 0)
    k = span(p, IMPACT, IMPACT + 0.3)
    power = (2.0 if sv.crit else 1.0) * (1.6 if sv.anim.kind in ("vmax", "map_blast", "ram") else 1.0)
    shake = int(math.sin(t * 95) * 5 * power * (1 - k))
    knock = int(sv.facing * 14 * power * math.sin(k * math.pi) * (1 - k * 0.5))
    return (knock + shake, int(math.cos(t * 80) * 2 * power * (1 - k)))


def target_pose(sv: StrikeView, p: float) -> int | None:
    return HIT if sv.hit and IMPACT <= p < 0.85 else None


def target_flashes(sv: StrikeView, p: float, t: float) -> bool:
    """White on the blow, flickering on criticals."""
    if not sv.hit or p < IMPACT:
        return False
    if p < IMPACT + 0.06:
        return True
    return sv.crit and p < IMPACT + 0.25 and int(t * 24) % 2 == 0


def screen_shake(sv: StrikeView, p: float, t: float) -> tuple[int, int]:
    big = sv.anim.kind in ("vmax", "map_blast") or sv.crit
    if not sv.hit or not big or not IMPACT <= p < IMPACT + 0.25:
        return (0, 0)
    k = 1 - span(p, IMPACT, IMPACT + 0.25)
    a = 6 * k * sv.anim.scale
    return (int(math.sin(t * 70) * a), int(math.cos(t * 90) * a * 0.6))


def screen_flash(sv: StrikeView, p: float) -> tuple[Colour, int] | None:
    """A full-screen flash: the V-MAX and MAP blasts as they land."""
    if sv.anim.kind not in ("vmax", "map_blast"):
        return None
    if IMPACT <= p < IMPACT + 0.12:
        alpha = int(200 * (1 - span(p, IMPACT, IMPACT + 0.12)))
        return ((255, 255, 255) if sv.anim.kind == "map_blast" else sv.colour, alpha)
    return None


# ---- effects -----------------------------------------------------------------------------------
class Effects:
    """Draws the effects of the kinds, with the art's effect strips (plain shapes without)."""

    def __init__(self, art: Art) -> None:
        self.art = art
        self._scaled: dict[tuple[str, int, float, bool], pygame.Surface] = {}

    def frame(self, name: str, k: float, scale: float = 1.0, flip: bool = False) -> pygame.Surface | None:
        strip = self.art.effect(name)
        if not strip:
            return None
        i = min(len(strip) - 1, max(0, int(k * len(strip))))
        key = (name, i, round(scale, 2), flip)
        found = self._scaled.get(key)
        if found is None:
            img = strip[i]
            if scale != 1.0:
                img = pygame.transform.scale_by(img, scale)
            if flip:
                img = pygame.transform.flip(img, True, False)
            found = self._scaled[key] = img
        return found

    def blit(
        self, surface: pygame.Surface, name: str, centre: Point, k: float, scale: float = 1.0, flip: bool = False
    ) -> bool:
        img = self.frame(name, k, scale, flip)
        if img is None:
            return False
        surface.blit(img, img.get_rect(center=centre))
        return True

    def draw(self, surface: pygame.Surface, sv: StrikeView, p: float, striker_at: Point) -> None:
        kind = sv.anim.kind
        draw = {
            "beam": self._beam,
            "rifle": self._rifle,
            "missile_salvo": self._missiles,
            "flamethrower": self._flame,
            "map_blast": self._map_blast,
            "vmax": self._vmax,
        }.get(kind)
        if draw is not None:
            draw(surface, sv, p, striker_at)
        if kind in ("melee_dash", "claw", "ram"):
            self._melee(surface, sv, p, striker_at)
        if sv.hit and IMPACT <= p < IMPACT + 0.3 and kind not in ("rifle", "missile_salvo"):
            k = span(p, IMPACT, IMPACT + 0.3)
            if not self.blit(surface, "hit_spark", sv.centre, k, 2.0 * sv.anim.scale):
                pygame.draw.circle(surface, (255, 240, 180), sv.centre, int(10 + 40 * k), 4)

    def _beam(self, surface: pygame.Surface, sv: StrikeView, p: float, at: Point) -> None:
        if not 0.3 <= p <= 0.68:
            return
        k = span(p, 0.3, 0.45)
        fade = 1 - span(p, 0.6, 0.68)
        mx, my = sv.muzzle
        ex, ey = sv.aim
        x1 = int(mx + (ex - mx) * k)
        strip = self.art.effect(sv.anim.effect_id)
        for n in range(sv.anim.shots):
            dy = (n - (sv.anim.shots - 1) / 2) * 10
            y0 = int(my + dy)
            y1 = int(my + dy + (ey - my) * k)
            if not strip:
                pygame.draw.line(surface, sv.colour, (mx, y0), (x1, y1), max(1, int(6 * fade * sv.anim.scale)))
                continue
            frame = strip[int(sv.t * 16) % len(strip)]
            length = abs(x1 - mx)
            if length <= 0:
                continue
            h = max(2, int(frame.get_height() * sv.anim.scale * (0.4 + 0.6 * fade)))
            piece = pygame.Surface((length, h), pygame.SRCALPHA)
            tile = pygame.transform.scale(frame, (frame.get_width(), h))
            for x in range(0, length, tile.get_width()):
                piece.blit(tile, (x, 0))
            if x1 < mx:
                piece = pygame.transform.flip(piece, True, False)
            surface.blit(piece, (min(mx, x1), y0 - h // 2 + (y1 - y0) // 2))
            pygame.draw.circle(surface, (255, 255, 255), (mx, y0), int(5 + 3 * math.sin(sv.t * 40)))

    def _rifle(self, surface: pygame.Surface, sv: StrikeView, p: float, at: Point) -> None:
        mx, my = sv.muzzle
        ex, ey = sv.aim
        for n in range(sv.anim.shots):
            fired = 0.3 + n * (0.22 / max(1, sv.anim.shots))
            k = span(p, fired, fired + 0.1)
            if fired <= p < fired + 0.03:  # muzzle flash
                pygame.draw.circle(surface, (255, 250, 220), (mx, my), 7)
                pygame.draw.circle(surface, sv.colour, (mx, my), 10, 2)
            if 0 < k < 1:
                jitter = ((n * 37) % 13 - 6) * 2
                x = mx + (ex - mx) * k
                y = my + (ey + jitter - my) * k
                tail = (x - sv.facing * 22, y - (ey + jitter - my) * 0.1)
                pygame.draw.line(surface, sv.colour, tail, (x, y), 4)
                pygame.draw.line(surface, (255, 255, 255), tail, (x, y), 2)
            if sv.hit and k >= 1 and p < fired + 0.1 + 0.12:
                jitter = ((n * 37) % 13 - 6) * 2
                self.blit(
                    surface,
                    sv.anim.effect_id,
                    (sv.centre[0], sv.centre[1] + jitter),
                    span(p, fired + 0.1, fired + 0.22),
                    1.5,
                )

    def _missiles(self, surface: pygame.Surface, sv: StrikeView, p: float, at: Point) -> None:
        mx, my = sv.muzzle
        ex, ey = sv.aim
        shots = sv.anim.shots
        for n in range(shots):
            launched = 0.22 + n * 0.05
            arrive = IMPACT + n * 0.03
            k = span(p, launched, arrive)
            lift = 40 + 18 * (n % 3)
            if 0 < k < 1:
                pts = [
                    _arc((mx, my), (ex, int(ey + (n - shots / 2) * 6)), lift, max(0.0, k - j * 0.05)) for j in range(5)
                ]
                for j, pt in enumerate(pts[1:], 1):  # smoke behind
                    pygame.draw.circle(surface, (200, 200, 200), pt, max(1, 5 - j))
                x, y = pts[0]
                img = self.frame(sv.anim.effect_id, (sv.t * 12) % 1.0, sv.anim.scale, sv.facing < 0)
                if img is not None:
                    surface.blit(img, img.get_rect(center=(x, y)))
                else:
                    pygame.draw.circle(surface, (255, 200, 90), (x, y), 4)
            if sv.hit and k >= 1 and p < arrive + 0.2:
                off = ((n * 29) % 21 - 10, (n * 17) % 19 - 9)
                centre = (sv.centre[0] + off[0], sv.centre[1] + off[1])
                if not self.blit(
                    surface, "explosion_small", centre, span(p, arrive, arrive + 0.2), 1.5 * sv.anim.scale
                ):
                    pygame.draw.circle(surface, (255, 180, 80), centre, 12)

    def _flame(self, surface: pygame.Surface, sv: StrikeView, p: float, at: Point) -> None:
        if not 0.28 <= p <= 0.78:
            return
        reach = ease(span(p, 0.28, 0.5)) * (1 - span(p, 0.7, 0.78) * 0.7)
        mx, my = sv.muzzle
        ex, ey = sv.centre
        for n in range(sv.anim.shots):
            dy = (n - (sv.anim.shots - 1) / 2) * 14
            steps = 7
            for i in range(steps):
                k = (i + 1) / steps * reach
                x = int(mx + (ex - mx) * k)
                y = int(my + dy + (ey - my) * k + math.sin(sv.t * 30 + i) * 3)
                scale = sv.anim.scale * (0.5 + 0.9 * (i / steps))
                phase = (sv.t * 10 + i * 0.3) % 1.0
                if not self.blit(surface, sv.anim.effect_id, (x, y), phase, scale, sv.facing < 0):
                    pygame.draw.circle(surface, (255, 140, 40), (x, y), int(6 + i * 2))

    def _melee(self, surface: pygame.Surface, sv: StrikeView, p: float, at: Point) -> None:
        kind = sv.anim.kind
        if 0.2 <= p < IMPACT:  # speed lines behind the dashing unit
            for i in range(6):
                y = at[1] - 20 - i * 14
                x = at[0] - sv.facing * (30 + (i * 23) % 40)
                pygame.draw.line(surface, (255, 255, 255), (x, y), (x - sv.facing * (40 + i * 6), y), 2)
        if not sv.hit or not IMPACT - 0.04 <= p < IMPACT + 0.3:
            return
        k = span(p, IMPACT - 0.04, IMPACT + 0.3)
        name = sv.anim.effect_id
        self.blit(surface, name, sv.centre, k, 1.6 * sv.anim.scale, sv.facing < 0)
        if kind == "claw" and k < 0.6:  # three raking slashes
            cx, cy = sv.centre
            for i in range(3):
                off = (i - 1) * 14
                a = (cx - 30 * sv.facing, cy - 34 + off)
                b = (cx + 30 * sv.facing, cy + 20 + off)
                pygame.draw.line(surface, sv.colour if sv.anim.colour else (255, 255, 255), a, b, 3)

    def _map_blast(self, surface: pygame.Surface, sv: StrikeView, p: float, at: Point) -> None:
        if p < IMPACT:
            k = span(p, 0.1, IMPACT)
            r = int(10 + 30 * k * sv.anim.scale)
            pygame.draw.circle(surface, sv.colour, (at[0], at[1] - 60), r, 3)
            pygame.draw.circle(surface, (255, 255, 255), (at[0], at[1] - 60), max(2, r // 3))
            return
        k = span(p, IMPACT, 0.95)
        w = surface.get_width()
        radius = int(40 + w * 0.6 * k)
        ring = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        pygame.draw.circle(ring, (*sv.colour, int(180 * (1 - k))), sv.centre, radius, max(2, int(18 * (1 - k))))
        surface.blit(ring, (0, 0))
        for n in range(3):
            off = ((n * 53) % 90 - 45, (n * 31) % 50 - 25)
            self.blit(
                surface,
                sv.anim.effect_id,
                (sv.centre[0] + off[0], sv.centre[1] + off[1]),
                span(p, IMPACT + n * 0.06, 0.95),
                2.0 * sv.anim.scale,
            )

    def _vmax(self, surface: pygame.Surface, sv: StrikeView, p: float, at: Point) -> None:
        scale = sv.anim.scale
        body = (at[0], at[1] - 60)
        if p < 0.4:  # charge: the LCM field gathers around the unit
            k = span(p, 0.02, 0.35)
            glow = pygame.Surface((260, 260), pygame.SRCALPHA)
            for i in range(4):
                r = int((30 + 60 * k + i * 12 * math.sin(sv.t * 20 + i)) * scale * 0.8)
                pygame.draw.circle(
                    glow,
                    (*sv.colour, int((40 if i == 0 else 90) * k)),
                    (130, 130),
                    max(4, min(128, r)),
                    0 if i == 0 else 3,
                )
            surface.blit(glow, glow.get_rect(center=body))
            for i in range(8):  # sparks streaming in
                a = i * math.pi / 4 + sv.t * 3
                d = (90 - 70 * ((sv.t * 2 + i / 8) % 1.0)) * scale
                pygame.draw.circle(
                    surface, (255, 255, 255), (int(body[0] + math.cos(a) * d), int(body[1] + math.sin(a) * d)), 2
                )
        if 0.35 <= p < 0.85:  # the comet streak, from the stance to the unit
            fade = 1 - span(p, IMPACT + 0.1, 0.85)
            start = sv.origin[0]
            length = abs(at[0] - start) + 40
            if length > 4 and sv.anim.trail:
                strip = self.art.effect(sv.anim.trail)
                if strip:
                    frame = strip[int(sv.t * 20) % len(strip)]
                    h = int(frame.get_height() * 1.8 * scale)
                    tile = pygame.transform.scale(frame, (frame.get_width(), h))
                    piece = pygame.Surface((length, h), pygame.SRCALPHA)
                    for x in range(0, length, tile.get_width()):
                        piece.blit(tile, (x, 0))
                    if sv.facing > 0:  # the strip's head is on its left; the comet flies right
                        piece = pygame.transform.flip(piece, True, False)
                    piece.set_alpha(int(255 * fade))
                    x0 = min(start, at[0]) - (40 if sv.facing < 0 else 0)
                    surface.blit(piece, (x0, body[1] - h // 2))
            head = pygame.Surface((160, 160), pygame.SRCALPHA)
            pygame.draw.circle(head, (*sv.colour, int(80 * fade)), (80, 80), min(70, int(48 * scale)))
            pygame.draw.circle(head, (255, 255, 255, int(160 * fade)), (80, 80), int(24 * scale))
            surface.blit(head, head.get_rect(center=body))
        if sv.hit and IMPACT <= p < 0.95:
            k = span(p, IMPACT, 0.95)
            self.blit(surface, "explosion", sv.centre, k, 2.2 * scale)
            r = int((20 + 140 * k) * scale)
            pygame.draw.circle(surface, sv.colour, sv.centre, r, max(1, int(10 * (1 - k))))


def _arc(a: Point, b: Point, lift: float, k: float) -> Point:
    """A point k of the way along a missile's curve from a to b, rising by `lift`."""
    k = max(0.0, min(1.0, k))
    x = a[0] + (b[0] - a[0]) * k
    y = a[1] + (b[1] - a[1]) * k - lift * math.sin(k * math.pi)
    return (int(x), int(y))
