"""Humanoid mecha (SPTs and MFs) built from armour parts on a posed skeleton.

One `MechaDesign` per unit drives both sizes: super-deformed (big head, short legs) for the
32x32 map sprite, as Super Robot Wars map sprites are, and real proportions for the battle
scene. Coordinates below are in a 100x100 design space, facing right, ground at the bottom.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np

from .raster import Canvas, Color, Pen, Ramp, mix, ramp, rgb


@dataclass(frozen=True)
class MechaDesign:
    main: str  # armour
    trim: str  # second armour colour (limbs, plates)
    frame: str  # inner frame and joints
    visor: str  # canopy glass or eyes
    accent: str = "#f0c030"  # small marks, vents
    head: str = "dome"  # dome | visor | crest | mask | police | horned
    crest: str = "none"  # none | fin | vee | horns | twin | spikes
    shoulders: str = "round"  # round | block | spike | wide | pod
    shoulder_size: float = 1.0
    bulk: float = 1.0  # torso and limb thickness
    legs: str = "normal"  # normal | heavy | slim
    calf_pods: bool = False
    backpack: str = "standard"  # standard | wings | space | tanks | big | repair | supply | none
    weapon: str = "rifle"  # rifle | twin_rifle | claw | flamer | knuckle | baton | axe | gun
    shield: bool = False
    skirt: bool = False
    thruster: str = "#60d0ff"  # exhaust flame colour
    aura: str | None = None  # a glow around the whole unit (Red Power)
    hunch: float = 0.0  # lean forward (monkey-like Gashlan)
    extras: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Build:
    """Proportions: SD for map sprites, real for the battle scene."""

    head_r: float
    head_y: float
    shoulder_y: float
    hip_y: float
    ground: float
    torso_w: float
    arm_len: float
    leg_len: float
    limb_r: float
    pad_r: float
    cx: float = 50.0


SD = Build(
    head_r=15.0,
    head_y=27.0,
    shoulder_y=45.0,
    hip_y=66.0,
    ground=97.0,
    torso_w=30.0,
    arm_len=14.0,
    leg_len=13.0,
    limb_r=6.2,
    pad_r=11.0,
    cx=43.0,
)
REAL = Build(
    head_r=7.5,
    head_y=19.0,
    shoulder_y=31.0,
    hip_y=56.0,
    ground=95.0,
    torso_w=28.0,
    arm_len=16.0,
    leg_len=17.4,
    limb_r=5.4,
    pad_r=10.5,
    cx=46.0,
)


@dataclass(frozen=True)
class Pose:
    bob: float = 0.0  # vertical offset in design units
    near_arm: tuple[float, float] = (18.0, 70.0)  # upper arm, forearm angles (degrees forward of down)
    far_arm: tuple[float, float] = (-10.0, 35.0)
    flame: float = 1.0  # thruster flame length factor (0 = none)
    glint: bool = False
    firing: bool = False  # muzzle flash / strike effect
    lunge: float = 0.0  # body shift forward for melee


IDLE_FRAMES = (
    Pose(bob=0.0, flame=0.8),
    Pose(bob=-1.0, flame=1.2),
    Pose(bob=-1.0, flame=0.9, glint=True),
    Pose(bob=0.0, flame=0.5),
)
# Map sprites hold the weapon level, clear of the body, so it reads at 32 pixels.
SD_ARMS = {"near_arm": (20.0, 80.0), "far_arm": (-20.0, 40.0)}
SD_FRAMES = tuple(replace(p, bob=p.bob * 3.2, **SD_ARMS) for p in IDLE_FRAMES)


def attack_poses(design: MechaDesign) -> tuple[Pose, Pose]:
    """Wind-up and strike poses fitting the unit's main weapon."""
    if design.weapon in ("claw", "knuckle", "axe", "baton"):
        return (
            Pose(near_arm=(-40.0, 20.0), far_arm=(30.0, 80.0), flame=1.0, lunge=-4.0),
            Pose(near_arm=(68.0, 84.0), far_arm=(-30.0, 10.0), flame=1.6, firing=True, lunge=-6.0),
        )
    return (
        Pose(near_arm=(45.0, 80.0), far_arm=(-5.0, 50.0), flame=0.9, lunge=-4.0),
        Pose(near_arm=(25.0, 90.0), far_arm=(-5.0, 50.0), flame=1.3, firing=True, lunge=-6.0),
    )


def _ang(p: tuple[float, float], deg: float, length: float) -> tuple[float, float]:
    a = math.radians(deg)
    return (p[0] + math.sin(a) * length, p[1] + math.cos(a) * length)


def darker(r: Ramp, amount: float = 0.22) -> Ramp:
    return tuple(mix(c, (20, 16, 40), amount) for c in r)  # type: ignore[return-value]


@dataclass(frozen=True)
class _Palette:
    main: Ramp
    trim: Ramp
    frame: Ramp
    visor: Ramp
    accent: Ramp
    flame: Color


def _palette(d: MechaDesign) -> _Palette:
    return _Palette(ramp(d.main), ramp(d.trim), ramp(d.frame), ramp(d.visor), ramp(d.accent), rgb(d.thruster))


def draw_mecha(
    design: MechaDesign, size: int, pose: Pose, small: bool, marks: dict[str, tuple[float, float]] | None = None
) -> np.ndarray:
    """Render one frame (size x size RGBA) of a humanoid unit; `marks` receives named points."""
    canvas = Canvas(size, size)
    build = SD if small else REAL
    # Battle sprites are drawn a little smaller than the frame so weapons and strikes fit in it.
    fit = 1.0 if small else 0.9
    scale = size / 100.0 * fit
    pen = Pen(canvas, scale, 0.0, size * (1 - fit) * 0.97, small)
    pal = _palette(design)
    b = build
    bulk = design.bulk
    lean = design.hunch
    y0 = pose.bob
    cx = b.cx + pose.lunge
    hip = (cx - lean * 0.3, b.hip_y + y0 + lean * 0.2)
    neck = (cx + 1.5 + lean, b.shoulder_y + y0 - 2 + lean * 0.5)
    shoulder_near = (cx + b.torso_w * 0.42 + lean * 0.8, b.shoulder_y + y0 + 2 + lean * 0.4)
    shoulder_far = (cx - b.torso_w * 0.40 + lean * 0.8, b.shoulder_y + y0 + 1 + lean * 0.4)
    head = (cx + 2 + lean * 1.4, b.head_y + y0 + lean * 0.9)
    tw = b.torso_w * bulk
    lr = b.limb_r * bulk
    heavy = 1.25 if design.legs == "heavy" else (0.85 if design.legs == "slim" else 1.0)

    # Legs: the stance stays planted while the body bobs (knees flex).
    ground = b.ground
    leg = b.leg_len
    far_hip = (hip[0] - tw * 0.18, hip[1] + 2)
    near_hip = (hip[0] + tw * 0.2, hip[1] + 3)
    far_foot = (far_hip[0] - 5 - pose.lunge * 0.6, ground - 3)
    near_foot = (near_hip[0] + 5 + pose.lunge * 0.2, ground - 3)

    def knee(h: tuple[float, float], f: tuple[float, float], fwd: float) -> tuple[float, float]:
        mx, my = (h[0] + f[0]) / 2, (h[1] + f[1]) / 2
        dist = math.dist(h, f)
        bend = math.sqrt(max(0.0, leg * leg - (dist / 2) ** 2))
        return (mx + fwd * max(bend, 1.2), my)

    far_knee = knee(far_hip, far_foot, 1.0)
    near_knee = knee(near_hip, near_foot, 1.0)

    # Shoulders/arms
    na_up, na_lo = pose.near_arm
    fa_up, fa_lo = pose.far_arm
    arm = b.arm_len
    near_elbow = _ang(shoulder_near, na_up, arm * 0.9)
    near_hand = _ang(near_elbow, na_lo, arm)
    far_elbow = _ang(shoulder_far, fa_up, arm * 0.9)
    far_hand = _ang(far_elbow, fa_lo, arm)

    far_main = darker(pal.main)
    far_trim = darker(pal.trim)
    far_frame = darker(pal.frame)

    # --- back layer: backpack and far limbs -------------------------------------------
    _backpack(pen, design, pal, neck, tw, y0, pose, small)
    _leg(pen, design, far_hip, far_knee, far_foot, lr * heavy, far_main, far_trim, far_frame, small, far=True)
    _arm(
        pen,
        design,
        shoulder_far,
        far_elbow,
        far_hand,
        lr,
        far_main,
        far_trim,
        far_frame,
        pal,
        small,
        near=False,
        pose=pose,
    )
    _pad(pen, design, shoulder_far, b.pad_r * design.shoulder_size * 0.9, far_main, far_trim, small)

    # --- body --------------------------------------------------------------------------
    waist_top = hip[1] - (b.hip_y - b.shoulder_y) * 0.38
    pen.part(
        pen.poly(
            [
                (hip[0] - tw * 0.34, waist_top),
                (hip[0] + tw * 0.34, waist_top),
                (hip[0] + tw * 0.3, hip[1] + 5),
                (hip[0] - tw * 0.3, hip[1] + 5),
            ]
        ),
        pal.frame,
    )
    # Crotch / hip armour
    pen.part(
        pen.poly(
            [
                (hip[0] - tw * 0.38, hip[1] - 1),
                (hip[0] + tw * 0.4, hip[1] - 1),
                (hip[0] + tw * 0.12, hip[1] + 8),
                (hip[0] - tw * 0.18, hip[1] + 8),
            ]
        ),
        pal.trim,
    )
    if design.skirt:
        pen.part(
            pen.poly(
                [
                    (hip[0] - tw * 0.5, hip[1] - 2),
                    (hip[0] - tw * 0.05, hip[1] - 1),
                    (hip[0] - tw * 0.25, hip[1] + 14),
                    (hip[0] - tw * 0.62, hip[1] + 11),
                ]
            ),
            pal.main,
        )
    top = neck[1] + 1
    chest = [
        (cx - tw * 0.52 + lean, top + 1),
        (cx + tw * 0.50 + lean, top),
        (cx + tw * 0.46 + lean * 0.6, top + (waist_top - top) * 0.55),
        (hip[0] + tw * 0.34, waist_top + 2),
        (hip[0] - tw * 0.34, waist_top + 2),
        (cx - tw * 0.5 + lean * 0.6, top + (waist_top - top) * 0.55),
    ]
    pen.part(pen.poly(chest), pal.main, gloss=not small)
    # Chest plate details: a lighter front plate and vents.
    front = [
        (cx + tw * 0.02 + lean, top + 2),
        (cx + tw * 0.46 + lean, top + 1),
        (cx + tw * 0.40 + lean * 0.6, top + (waist_top - top) * 0.58),
        (cx + tw * 0.08 + lean * 0.5, top + (waist_top - top) * 0.66),
    ]
    pen.part(pen.poly(front), pal.trim, shadow=0.25)
    if not small:
        for i in range(3):
            vy = top + (waist_top - top) * (0.66 + i * 0.09)
            pen.flat(pen.bar((cx - tw * 0.3 + lean * 0.5, vy), (cx - tw * 0.02 + lean * 0.5, vy), 0.55), pal.frame[0])
        pen.part(pen.ell(cx + tw * 0.26 + lean, top + (waist_top - top) * 0.32, 2.0, 2.0), pal.accent, line=True)
    else:
        pen.flat(pen.ell(cx + tw * 0.26 + lean, top + (waist_top - top) * 0.35, 1.7, 1.7), pal.accent[2])

    # --- near leg and head --------------------------------------------------------------
    _leg(pen, design, near_hip, near_knee, near_foot, lr * heavy, pal.main, pal.trim, pal.frame, small, far=False)
    _head(pen, design, pal, head, build.head_r, pose, small)
    _pad(pen, design, shoulder_near, b.pad_r * design.shoulder_size, pal.main, pal.trim, small)
    _arm(
        pen,
        design,
        shoulder_near,
        near_elbow,
        near_hand,
        lr,
        pal.main,
        pal.trim,
        pal.frame,
        pal,
        small,
        near=True,
        pose=pose,
    )

    canvas.outline()
    if marks is not None:
        marks.update(pen.marks)
        marks["head"] = pen.p(*head)
    if design.aura:
        halo = Canvas(size, size)
        halo.alpha[:] = canvas.alpha
        halo.glow(rgb(design.aura), 3 if small else 7, 0.55)
        behind = (halo.alpha > 0) & (canvas.alpha == 0)
        canvas.rgb[behind] = halo.rgb[behind]
        canvas.alpha[behind] = halo.alpha[behind]
    return canvas.image()


def _leg(
    pen: Pen,
    d: MechaDesign,
    hip: tuple[float, float],
    knee: tuple[float, float],
    foot: tuple[float, float],
    r: float,
    main: Ramp,
    trim: Ramp,
    frame: Ramp,
    small: bool,
    far: bool,
) -> None:
    if small:
        # Super-deformed: short legs are just big armoured boots under the hip.
        ankle = (foot[0], foot[1] - 1.5)
        top = (hip[0] + (knee[0] - hip[0]) * 0.3, hip[1] + 2)
        pen.part(
            pen.poly(
                [
                    (top[0] - r * 0.85, top[1]),
                    (top[0] + r * 0.85, top[1] - 0.5),
                    (ankle[0] + r * 1.25, ankle[1]),
                    (ankle[0] - r * 1.2, ankle[1]),
                ]
            ),
            main,
            line=not far,
        )
        if d.calf_pods:
            pen.part(
                pen.poly(
                    [
                        (top[0] - r * 1.2, top[1] + 5),
                        (top[0] - r * 0.5, top[1] + 4),
                        (ankle[0] - r * 0.9, ankle[1] - 3),
                        (ankle[0] - r * 1.6, ankle[1] - 3),
                    ]
                ),
                trim,
                line=False,
            )
        pen.part(
            pen.poly(
                [
                    (foot[0] - r * 1.3, foot[1] - 2.5),
                    (foot[0] + r * 1.0, foot[1] - 2.5),
                    (foot[0] + r * 1.9, foot[1] + 3),
                    (foot[0] - r * 1.4, foot[1] + 3),
                ]
            ),
            trim,
            line=False,
        )
        return
    pen.part(pen.cap(hip, knee, r * 0.7, r * 0.6), frame)
    pen.part(
        pen.cap(hip, (hip[0] + (knee[0] - hip[0]) * 0.7, hip[1] + (knee[1] - hip[1]) * 0.7), r * 1.05, r * 0.9),
        trim,
        gloss=not small,
    )
    # Shin armour flares toward the foot like an SPT's.
    ankle = (foot[0] - 0.5, foot[1] - 2)
    pen.part(
        pen.poly(
            [
                (knee[0] - r * 0.9, knee[1] - r * 0.3),
                (knee[0] + r * 1.05, knee[1] - r * 0.6),
                (ankle[0] + r * 1.2, ankle[1]),
                (ankle[0] - r * 1.25, ankle[1] + 0.5),
            ]
        ),
        main,
        gloss=not small,
    )
    pen.part(pen.ell(knee[0] + r * 0.35, knee[1] - r * 0.1, r * 0.75, r * 0.75), trim)
    if d.calf_pods:
        pen.part(
            pen.poly(
                [
                    (knee[0] - r * 1.35, knee[1] + r * 0.6),
                    (knee[0] - r * 0.5, knee[1] + r * 0.4),
                    (ankle[0] - r * 0.8, ankle[1] - r * 0.9),
                    (ankle[0] - r * 1.7, ankle[1] - r * 1.1),
                ]
            ),
            trim,
        )
    # Foot
    pen.part(
        pen.poly(
            [
                (foot[0] - r * 1.3, foot[1] - 2.5),
                (foot[0] + r * 0.9, foot[1] - 2.5),
                (foot[0] + r * 2.3, foot[1] + 2.8),
                (foot[0] - r * 1.5, foot[1] + 2.8),
            ]
        ),
        trim,
    )


def _pad(pen: Pen, d: MechaDesign, at: tuple[float, float], r: float, main: Ramp, trim: Ramp, small: bool) -> None:
    x, y = at
    if d.shoulders == "round":
        pen.part(pen.ell(x, y, r, r * 0.82), main, gloss=True)
        pen.part(
            pen.poly(
                [
                    (x - r * 0.9, y + r * 0.25),
                    (x + r * 0.95, y + r * 0.2),
                    (x + r * 0.7, y + r * 0.75),
                    (x - r * 0.75, y + r * 0.8),
                ]
            ),
            trim,
            shadow=0.2,
        )
    elif d.shoulders == "block":
        pen.part(
            pen.poly(
                [(x - r, y - r * 0.8), (x + r * 0.9, y - r * 0.9), (x + r, y + r * 0.7), (x - r * 0.95, y + r * 0.8)]
            ),
            main,
        )
        pen.part(
            pen.poly([(x - r, y + r * 0.35), (x + r, y + r * 0.3), (x + r, y + r * 0.7), (x - r * 0.95, y + r * 0.8)]),
            trim,
            shadow=0.1,
        )
    elif d.shoulders == "spike":
        pen.part(pen.ell(x, y, r * 0.95, r * 0.8), main, gloss=True)
        for dx, dy in ((-0.4, -1.0), (0.35, -1.05)):
            pen.part(
                pen.poly(
                    [
                        (x + dx * r - r * 0.3, y - r * 0.4),
                        (x + dx * r + r * 0.3, y - r * 0.4),
                        (x + dx * r + r * 0.15, y + dy * r * 1.5),
                    ]
                ),
                trim,
                shadow=0.2,
            )
    elif d.shoulders == "wide":
        pen.part(
            pen.poly(
                [
                    (x - r * 1.3, y - r * 0.3),
                    (x - r * 0.2, y - r * 1.0),
                    (x + r * 1.2, y - r * 0.7),
                    (x + r * 1.35, y + r * 0.5),
                    (x - r * 1.2, y + r * 0.7),
                ]
            ),
            main,
            gloss=True,
        )
        pen.part(
            pen.poly(
                [
                    (x - r * 1.2, y + r * 0.25),
                    (x + r * 1.35, y + r * 0.15),
                    (x + r * 1.35, y + r * 0.5),
                    (x - r * 1.2, y + r * 0.7),
                ]
            ),
            trim,
            shadow=0.1,
        )
    else:  # pod: missile/flamer tank on the shoulder
        pen.part(
            pen.poly(
                [(x - r, y - r * 0.9), (x + r * 0.8, y - r), (x + r * 0.95, y + r * 0.6), (x - r * 0.95, y + r * 0.7)]
            ),
            main,
        )
        for i in range(3):
            px = x - r * 0.55 + i * r * 0.55
            pen.flat(pen.ell(px, y - r * 0.2, max(0.9, r * 0.18), max(0.9, r * 0.18)), (30, 26, 36))


def _arm(
    pen: Pen,
    d: MechaDesign,
    shoulder: tuple[float, float],
    elbow: tuple[float, float],
    hand: tuple[float, float],
    r: float,
    main: Ramp,
    trim: Ramp,
    frame: Ramp,
    pal: _Palette,
    small: bool,
    near: bool,
    pose: Pose,
) -> None:
    if not (small and not near):
        pen.part(pen.cap(shoulder, elbow, r * 0.8), frame, line=not small)
        # Forearm armour: a block that widens to the wrist.
        pen.part(pen.cap(elbow, hand, r * 0.95, r * 1.15), main, gloss=not small)
        if not small:
            pen.part(pen.ell(elbow[0], elbow[1], r * 0.7, r * 0.7), trim)
    dx, dy = hand[0] - elbow[0], hand[1] - elbow[1]
    length = max(math.hypot(dx, dy), 1e-6)
    ux, uy = dx / length, dy / length
    fist = (hand[0] + ux * r * 0.9, hand[1] + uy * r * 0.9)
    if not near:
        if d.shield:
            # A folding large shield on the far arm (Doll).
            sx, sy = elbow[0] + 2, elbow[1] - 1
            pen.part(
                pen.poly(
                    [(sx - 6, sy - 12), (sx + 5, sy - 13), (sx + 7, sy + 12), (sx - 2, sy + 16), (sx - 7, sy + 10)]
                ),
                darker(pal.trim, 0.1),
                gloss=True,
            )
            pen.part(
                pen.poly([(sx - 3, sy - 8), (sx + 2, sy - 9), (sx + 3, sy + 8), (sx - 3, sy + 9)]),
                darker(pal.main, 0.1),
            )
        else:
            pen.part(pen.ell(*fist, r * 0.8, r * 0.8), frame)
        return
    weapon = d.weapon
    if weapon in ("rifle", "twin_rifle", "gun"):
        pen.part(pen.ell(*fist, r * 0.85, r * 0.85), frame)
        length_w = (24 if weapon != "gun" else 14) * (0.9 if small else 1.0)
        # The gun hangs just under the forearm so it does not merge with the armour.
        nx0, ny0 = -uy, ux
        drop = r * 0.9
        fist = (fist[0] + nx0 * drop - ux * 3, fist[1] + ny0 * drop - uy * 3)
        muzzle = (fist[0] + ux * length_w, fist[1] + uy * length_w)
        pen.mark("muzzle", *muzzle)
        stock = (fist[0] - ux * 6, fist[1] - uy * 6)
        body_r = 2.0 if weapon != "twin_rifle" else 2.6
        gun = ramp("#3a3e4c")
        pen.part(pen.bar(stock, (fist[0] + ux * 12, fist[1] + uy * 12), body_r * 1.15), gun, shadow=0.2)
        barrel_col = gun if weapon != "twin_rifle" else pal.trim
        if weapon == "twin_rifle":
            nx, ny = -uy, ux
            for off in (-1.1, 1.1):
                pen.part(
                    pen.bar(
                        (fist[0] + nx * off, fist[1] + ny * off), (muzzle[0] + nx * off, muzzle[1] + ny * off), 0.9
                    ),
                    barrel_col,
                    shadow=0,
                )
        else:
            pen.part(pen.bar(fist, muzzle, 1.1), barrel_col, shadow=0)
        pen.part(
            pen.bar((fist[0] + ux * 3, fist[1] + uy * 3), (fist[0] + ux * 11, fist[1] + uy * 11), 1.5),
            pal.trim if weapon != "gun" else pal.accent,
            shadow=0.2,
            line=not small,
        )
        # Sight / emitter light
        pen.flat(pen.ell(fist[0] + ux * 6 - uy * 2.2, fist[1] + uy * 6 + ux * 2.2, 0.9, 0.9), pal.visor[3])
        if pose.firing:
            _flash(pen, muzzle, (ux, uy), pal.visor[4], pal.visor[3], small)
    elif weapon == "claw":
        # Horn on Arm: a gauntlet with three long curved blades.
        blade = ramp("#dfe4f0")
        pen.part(pen.cap((hand[0] - ux * 4, hand[1] - uy * 4), fist, r * 1.25, r * 1.35), pal.trim, gloss=True)
        base_ang = math.atan2(uy, ux)
        reach = (17 if pose.firing else 13) * (0.75 if small else 1.0)
        for k, spread in enumerate((-0.42, 0.0, 0.42)):
            ang = base_ang + spread
            bend = ang + 0.35
            root = (fist[0] + math.cos(ang) * r * 0.8, fist[1] + math.sin(ang) * r * 0.8)
            mid = (root[0] + math.cos(bend) * reach * 0.55, root[1] + math.sin(bend) * reach * 0.55)
            tip = (mid[0] + math.cos(ang - 0.25) * reach * 0.5, mid[1] + math.sin(ang - 0.25) * reach * 0.5)
            if k == 1:
                pen.mark("muzzle", *tip)
            w = 2.2 if not small else 2.6
            nx, ny = -math.sin(ang), math.cos(ang)
            pen.part(
                pen.poly(
                    [
                        (root[0] - nx * w, root[1] - ny * w),
                        (mid[0] - nx * w * 0.6, mid[1] - ny * w * 0.6),
                        tip,
                        (mid[0] + nx * w * 0.4, mid[1] + ny * w * 0.4),
                        (root[0] + nx * w, root[1] + ny * w),
                    ]
                ),
                blade,
                shadow=0.25,
                line=k != 1 or not small,
            )
        if pose.firing:
            _slash(pen, (fist[0] + ux * 6, fist[1] + uy * 6), (ux, uy), small)
    elif weapon == "flamer":
        pen.part(pen.ell(*fist, r * 0.85, r * 0.85), frame)
        nozzle = (fist[0] + ux * 12, fist[1] + uy * 12)
        pen.mark("muzzle", *nozzle)
        pen.part(pen.bar((fist[0] - ux * 3, fist[1] - uy * 3), nozzle, 2.4, 1.6), pal.frame)
        pen.part(pen.ell(fist[0] - uy * 2.5, fist[1] + ux * 2.5, 3.0, 3.0), pal.accent, gloss=True)
        if pose.firing:
            _flame_burst(pen, nozzle, (ux, uy), small)
    elif weapon == "knuckle":
        pen.mark("muzzle", *fist)
        big = 1.5 if pose.firing else 1.2
        pen.part(pen.ell(*fist, r * big, r * big), pal.trim, gloss=True)
        if pose.firing:
            _punch_lines(pen, fist, (ux, uy), pal.visor[3], small)
    elif weapon == "axe":
        pen.part(pen.ell(*fist, r * 0.85, r * 0.85), frame)
        head_at = (fist[0] + ux * 11, fist[1] + uy * 11)
        pen.mark("muzzle", *head_at)
        pen.part(pen.bar((fist[0] - ux * 3, fist[1] - uy * 3), head_at, 1.0), ramp("#6a4a30"), shadow=0)
        nx, ny = -uy, ux
        pen.part(
            pen.poly(
                [
                    (head_at[0] - ux * 3, head_at[1] - uy * 3),
                    (head_at[0] + nx * 7 - ux * 5, head_at[1] + ny * 7 - uy * 5),
                    (head_at[0] + nx * 8 + ux * 3, head_at[1] + ny * 8 + uy * 3),
                    (head_at[0] + ux * 1.5, head_at[1] + uy * 1.5),
                ]
            ),
            ramp("#c0c4cc"),
            gloss=True,
        )
        if pose.firing:
            _slash(pen, head_at, (ux, uy), small)
    elif weapon == "baton":
        pen.part(pen.ell(*fist, r * 0.85, r * 0.85), frame)
        tip = (fist[0] + ux * 13, fist[1] + uy * 13)
        pen.mark("muzzle", *tip)
        pen.part(pen.bar((fist[0] - ux * 2, fist[1] - uy * 2), tip, 1.3), ramp("#303040"), shadow=0)
        pen.flat(pen.ell(*tip, 1.6, 1.6), (120, 200, 255))
        if pose.firing:
            _punch_lines(pen, tip, (ux, uy), (160, 220, 255), small)
    else:
        pen.part(pen.ell(*fist, r * 0.85, r * 0.85), frame)


def _flash(pen: Pen, at: tuple[float, float], u: tuple[float, float], core: Color, glow: Color, small: bool) -> None:
    ux, uy = u
    nx, ny = -uy, ux
    size = 5.0 if small else 5.5
    star = [
        (at[0] + ux * size * 1.6, at[1] + uy * size * 1.6),
        (at[0] + nx * size * 0.35 + ux * size * 0.3, at[1] + ny * size * 0.35 + uy * size * 0.3),
        (at[0] + nx * size, at[1] + ny * size),
        (at[0] + nx * size * 0.2 - ux * size * 0.2, at[1] + ny * size * 0.2 - uy * size * 0.2),
        (at[0] - nx * size, at[1] - ny * size),
        (at[0] - nx * size * 0.35 + ux * size * 0.3, at[1] - ny * size * 0.35 + uy * size * 0.3),
    ]
    pen.c.fill(pen.poly(star), glow)
    pen.c.fill(pen.ell(at[0] + ux * 1.5, at[1] + uy * 1.5, size * 0.35, size * 0.35), core)


def _slash(pen: Pen, at: tuple[float, float], u: tuple[float, float], small: bool) -> None:
    ux, uy = u
    for k in range(3):
        off = (k - 1) * (2.2 if small else 3.0)
        a = (at[0] + ux * 4 - uy * off - 4, at[1] + uy * 4 + ux * off - 9)
        b = (at[0] + ux * 16 - uy * off, at[1] + uy * 16 + ux * off + 7)
        pen.c.fill(pen.bar(a, b, 0.8, 0.3), (255, 250, 230))


def _punch_lines(pen: Pen, at: tuple[float, float], u: tuple[float, float], color: Color, small: bool) -> None:
    ux, uy = u
    for k in (-1, 0, 1):
        off = k * (3.0 if small else 4.0)
        a = (at[0] - ux * 10 - uy * off, at[1] - uy * 10 + ux * off)
        b = (at[0] - ux * 3 - uy * off, at[1] - uy * 3 + ux * off)
        pen.c.fill(pen.bar(a, b, 0.5), color)
    pen.c.fill(pen.ell(at[0] + ux * 4, at[1] + uy * 4, 3.0, 3.0), (255, 255, 220))


def _flame_burst(pen: Pen, at: tuple[float, float], u: tuple[float, float], small: bool) -> None:
    ux, uy = u
    nx, ny = -uy, ux
    reach = 14 if small else 24
    for scale, col in ((1.0, (230, 70, 20)), (0.72, (255, 160, 30)), (0.42, (255, 240, 150))):
        pts = [(at[0] - nx * 1.5 * scale, at[1] - ny * 1.5 * scale)]
        for i in range(1, 6):
            t = i / 5
            wob = (1 if i % 2 else -1) * 1.2
            w = (2 + t * 7) * scale + wob
            pts.append((at[0] + ux * reach * t * scale - nx * w, at[1] + uy * reach * t * scale - ny * w))
        pts.append((at[0] + ux * reach * scale * 1.1, at[1] + uy * reach * scale * 1.1))
        for i in range(5, 0, -1):
            t = i / 5
            wob = (1 if i % 2 == 0 else -1) * 1.2
            w = (2 + t * 7) * scale + wob
            pts.append((at[0] + ux * reach * t * scale + nx * w, at[1] + uy * reach * t * scale + ny * w))
        pts.append((at[0] + nx * 1.5 * scale, at[1] + ny * 1.5 * scale))
        pen.c.fill(pen.poly(pts), col)


def _backpack(
    pen: Pen, d: MechaDesign, pal: _Palette, neck: tuple[float, float], tw: float, y0: float, pose: Pose, small: bool
) -> None:
    if d.backpack == "none":
        return
    bx = neck[0] - tw * 0.55
    by = neck[1] + 2
    dark_main = darker(pal.main, 0.15)
    dark_trim = darker(pal.trim, 0.15)
    flame_len = 7.0 * pose.flame
    nozzles: list[tuple[float, float]] = []
    if d.backpack in ("standard", "repair", "supply"):
        pen.part(pen.poly([(bx - 8, by - 1), (bx + 6, by - 3), (bx + 7, by + 17), (bx - 9, by + 15)]), dark_main)
        nozzles = [(bx - 7, by + 16)]
        if d.backpack == "repair":
            pen.part(
                pen.poly([(bx - 15, by + 1), (bx - 5, by - 1), (bx - 4, by + 13), (bx - 15, by + 14)]), ramp("#e8e8e0")
            )
            pen.flat(pen.bar((bx - 12.5, by + 6.5), (bx - 6.5, by + 6.0), 1.3), (40, 180, 80))
            pen.flat(pen.bar((bx - 9.6, by + 3), (bx - 9.3, by + 10), 1.3), (40, 180, 80))
        elif d.backpack == "supply":
            pen.part(pen.cap((bx - 10, by + 1), (bx - 10, by + 14), 4.0), ramp("#d8b030"), gloss=True)
            pen.flat(pen.bar((bx - 14, by + 8), (bx - 6, by + 8), 0.8), (40, 34, 30))
    elif d.backpack == "wings":
        pen.part(pen.poly([(bx + 2, by + 2), (bx - 22, by - 16), (bx - 26, by - 12), (bx - 6, by + 12)]), dark_trim)
        pen.part(pen.poly([(bx + 2, by + 6), (bx - 18, by + 12), (bx - 20, by + 16), (bx - 4, by + 14)]), dark_main)
        pen.part(pen.poly([(bx - 6, by - 2), (bx + 6, by - 3), (bx + 6, by + 13), (bx - 7, by + 13)]), dark_main)
        nozzles = [(bx - 5, by + 14)]
    elif d.backpack == "space":
        for off in (0.0, 5.0):
            pen.part(
                pen.cap((bx - 4 - off, by - 6 + off * 0.2), (bx - 8 - off, by + 16 + off * 0.2), 3.6, 4.2),
                dark_trim if off else dark_main,
                gloss=True,
            )
        nozzles = [(bx - 9, by + 20), (bx - 14, by + 21)]
    elif d.backpack == "tanks":
        pen.part(pen.cap((bx - 7, by - 1), (bx - 7, by + 17), 5.0), ramp("#a06028"), gloss=True)
        pen.part(pen.poly([(bx - 3, by - 3), (bx + 6, by - 3), (bx + 6, by + 13), (bx - 3, by + 14)]), dark_main)
        pen.flat(pen.bar((bx - 12, by + 6), (bx - 2, by + 6), 0.7), (40, 30, 26))
        nozzles = [(bx - 7, by + 22)]
    elif d.backpack == "big":
        pen.part(pen.poly([(bx - 12, by - 6), (bx + 6, by - 4), (bx + 7, by + 18), (bx - 14, by + 16)]), dark_main)
        pen.part(pen.poly([(bx - 18, by - 14), (bx - 8, by - 4), (bx - 10, by + 2), (bx - 22, by - 10)]), dark_trim)
        nozzles = [(bx - 10, by + 17), (bx - 3, by + 18)]
    for nx, ny in nozzles:
        pen.part(
            pen.poly([(nx - 2.5, ny - 1), (nx + 2.5, ny - 1), (nx + 3.2, ny + 3), (nx - 3.2, ny + 3)]),
            pal.frame,
            shadow=0.2,
        )
        if flame_len > 0.5:
            tip = (nx - flame_len * 0.5, ny + 3 + flame_len)
            pen.c.fill(pen.poly([(nx - 2.6, ny + 3), (nx + 2.6, ny + 3), tip]), pal.flame)
            core = (nx - flame_len * 0.25, ny + 3 + flame_len * 0.5)
            pen.c.fill(pen.poly([(nx - 1.3, ny + 3), (nx + 1.3, ny + 3), core]), (255, 255, 240))


def _head(pen: Pen, d: MechaDesign, pal: _Palette, at: tuple[float, float], hr: float, pose: Pose, small: bool) -> None:
    x, y = at
    # Neck
    pen.part(pen.bar((x - hr * 0.3, y + hr * 0.4), (x - hr * 0.4, y + hr * 1.25), hr * 0.35), pal.frame, shadow=0)
    if d.crest in ("horns", "twin"):
        for dx, back in ((-0.1, 1.0), (0.25, 0.0)):
            shades = darker(pal.accent, 0.15) if back else pal.accent
            pen.part(
                pen.poly(
                    [
                        (x + dx * hr - hr * 0.15, y - hr * 0.6),
                        (x + dx * hr + hr * 0.35, y - hr * 0.7),
                        (x + dx * hr - hr * 0.6, y - hr * 2.0),
                    ]
                ),
                shades,
                shadow=0.2,
            )
    if d.crest == "spikes":
        for k in range(3):
            sx = x - hr * 0.7 + k * hr * 0.55
            pen.part(
                pen.poly(
                    [(sx - hr * 0.22, y - hr * 0.55), (sx + hr * 0.22, y - hr * 0.6), (sx - hr * 0.25, y - hr * 1.35)]
                ),
                pal.accent,
                shadow=0.2,
            )
    if d.head in ("dome", "crest"):
        # Helmet shell with the glass canopy dome at the front: the SPT cockpit is in the head.
        pen.part(
            pen.poly(
                [
                    (x - hr * 1.0, y - hr * 0.2),
                    (x - hr * 0.6, y - hr * 0.9),
                    (x + hr * 0.4, y - hr * 0.95),
                    (x + hr * 1.0, y - hr * 0.3),
                    (x + hr * 0.95, y + hr * 0.6),
                    (x + hr * 0.2, y + hr * 0.95),
                    (x - hr * 0.9, y + hr * 0.7),
                ]
            ),
            pal.trim,
            gloss=True,
        )
        pen.part(pen.ell(x + hr * 0.28, y - hr * 0.05, hr * 0.68, hr * 0.62), pal.visor, gloss=True, shadow=0.35)
        # Canopy frame rib and chin guard
        pen.part(
            pen.poly(
                [
                    (x - hr * 0.55, y + hr * 0.35),
                    (x + hr * 1.05, y + hr * 0.38),
                    (x + hr * 0.85, y + hr * 0.9),
                    (x - hr * 0.5, y + hr * 0.85),
                ]
            ),
            pal.main,
            shadow=0.2,
        )
        pen.part(
            pen.poly(
                [
                    (x - hr * 1.05, y - hr * 0.45),
                    (x - hr * 0.5, y - hr * 0.5),
                    (x - hr * 0.55, y + hr * 0.6),
                    (x - hr * 1.05, y + hr * 0.5),
                ]
            ),
            pal.main,
            shadow=0.2,
        )
        if not small:
            pen.flat(pen.ell(x + hr * 0.5, y - hr * 0.1, hr * 0.12, hr * 0.12), pal.visor[0])
        if d.crest == "fin":
            pen.part(
                pen.poly([(x - hr * 0.5, y - hr * 0.75), (x + hr * 0.2, y - hr * 0.9), (x - hr * 0.9, y - hr * 1.7)]),
                pal.main,
                shadow=0.2,
            )
        elif d.crest == "vee":
            pen.part(
                pen.poly(
                    [
                        (x + hr * 0.15, y - hr * 0.7),
                        (x + hr * 0.45, y - hr * 0.75),
                        (x + hr * 1.1, y - hr * 1.6),
                        (x + hr * 0.85, y - hr * 1.65),
                    ]
                ),
                pal.accent,
                shadow=0.2,
            )
            pen.part(
                pen.poly(
                    [
                        (x - hr * 0.1, y - hr * 0.7),
                        (x + hr * 0.2, y - hr * 0.72),
                        (x - hr * 0.6, y - hr * 1.65),
                        (x - hr * 0.85, y - hr * 1.55),
                    ]
                ),
                darker(pal.accent, 0.2),
                shadow=0.2,
            )
    elif d.head in ("visor", "police"):
        pen.part(
            pen.poly(
                [
                    (x - hr * 0.95, y - hr * 0.75),
                    (x + hr * 0.7, y - hr * 0.9),
                    (x + hr * 1.05, y - hr * 0.1),
                    (x + hr * 0.9, y + hr * 0.8),
                    (x - hr * 0.9, y + hr * 0.8),
                ]
            ),
            pal.main,
            gloss=True,
        )
        pen.part(
            pen.poly(
                [
                    (x - hr * 0.1, y - hr * 0.25),
                    (x + hr * 1.05, y - hr * 0.3),
                    (x + hr * 1.0, y + hr * 0.15),
                    (x - hr * 0.05, y + hr * 0.15),
                ]
            ),
            pal.visor,
            shadow=0.1,
            gloss=True,
        )
        pen.part(
            pen.poly(
                [
                    (x - hr * 0.2, y + hr * 0.35),
                    (x + hr * 0.95, y + hr * 0.35),
                    (x + hr * 0.85, y + hr * 0.85),
                    (x - hr * 0.2, y + hr * 0.85),
                ]
            ),
            pal.trim,
            shadow=0.1,
        )
        if d.head == "police":
            pen.part(
                pen.poly(
                    [
                        (x - hr * 0.6, y - hr * 0.75),
                        (x + hr * 0.5, y - hr * 0.85),
                        (x + hr * 0.45, y - hr * 1.15),
                        (x - hr * 0.55, y - hr * 1.05),
                    ]
                ),
                pal.trim,
                shadow=0,
            )
            blink = pose.glint or pose.firing
            pen.flat(
                pen.ell(x - hr * 0.35, y - hr * 1.25, hr * 0.28, hr * 0.25),
                (255, 60, 60) if not blink else (255, 200, 200),
            )
            pen.flat(
                pen.ell(x + hr * 0.3, y - hr * 1.3, hr * 0.28, hr * 0.25), (60, 120, 255) if blink else (180, 210, 255)
            )
    elif d.head == "mask":
        # Demon Squad: a hockey-mask face plate with glowing eye holes.
        pen.part(
            pen.poly(
                [
                    (x - hr * 1.0, y - hr * 0.6),
                    (x - hr * 0.3, y - hr * 1.0),
                    (x + hr * 0.5, y - hr * 0.9),
                    (x + hr * 0.9, y + hr * 0.1),
                    (x + hr * 0.6, y + hr * 0.9),
                    (x - hr * 0.9, y + hr * 0.8),
                ]
            ),
            pal.main,
        )
        pen.part(
            pen.poly(
                [
                    (x - hr * 0.05, y - hr * 0.8),
                    (x + hr * 0.6, y - hr * 0.75),
                    (x + hr * 1.15, y - hr * 0.1),
                    (x + hr * 1.05, y + hr * 0.7),
                    (x + hr * 0.5, y + hr * 1.1),
                    (x - hr * 0.1, y + hr * 0.8),
                ]
            ),
            ramp("#e8e4d8"),
            gloss=True,
            shadow=0.3,
        )
        eye = pal.visor[4] if pose.glint or pose.firing else pal.visor[3]
        pen.flat(
            pen.poly(
                [
                    (x + hr * 0.25, y - hr * 0.3),
                    (x + hr * 0.65, y - hr * 0.35),
                    (x + hr * 0.6, y - hr * 0.05),
                    (x + hr * 0.25, y - hr * 0.05),
                ]
            ),
            eye,
        )
        pen.flat(
            pen.poly(
                [
                    (x + hr * 0.78, y - hr * 0.33),
                    (x + hr * 1.02, y - hr * 0.3),
                    (x + hr * 1.0, y - hr * 0.07),
                    (x + hr * 0.78, y - hr * 0.05),
                ]
            ),
            eye,
        )
        if not small:
            for k in range(3):
                pen.flat(pen.ell(x + hr * (0.35 + k * 0.22), y + hr * 0.5, hr * 0.07, hr * 0.1), (40, 30, 30))
        else:
            pen.flat(pen.ell(x + hr * 0.6, y + hr * 0.5, hr * 0.12, hr * 0.08), (40, 30, 30))
    if pose.glint and d.head in ("dome", "crest", "visor"):
        gx, gy = x + hr * 0.45, y - hr * 0.35
        if small:
            pen.flat(pen.ell(gx, gy, 1.8, 1.8), (255, 255, 255))
        else:
            pen.flat(pen.bar((gx - 3, gy), (gx + 3, gy), 0.5), (255, 255, 255))
            pen.flat(pen.bar((gx, gy - 3), (gx, gy + 3), 0.5), (255, 255, 255))


def frames(design: MechaDesign, size: int, small: bool) -> list[np.ndarray]:
    poses = list(SD_FRAMES) if small else [IDLE_FRAMES[0], IDLE_FRAMES[2], *attack_poses(design)]
    return [draw_mecha(design, size, p, small) for p in poses]


def anchors(design: MechaDesign, size: int) -> dict[str, tuple[float, float]]:
    """Where the attack frame's weapon fires from and where the head is, in battle-sprite pixels."""
    marks: dict[str, tuple[float, float]] = {}
    draw_mecha(design, size, attack_poses(design)[1], False, marks)
    return marks


def red_power(design: MechaDesign) -> MechaDesign:
    """Zakarl's V-MAX Red Power form: the gold armour runs red-hot and a red glow surrounds it."""
    return replace(design, main="#e87a30", trim="#f0c040", thruster="#ff4030", aura="#ff3020")
