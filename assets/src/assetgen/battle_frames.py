"""The battle sheet's action frames after the four idle/attack ones: dash, hit recoil and
shot down. Mecha are posed for them; vehicles and buildings reuse their first frame (the
game shakes and flashes it), and every "down" frame is scorched."""

from __future__ import annotations

import numpy as np

from . import craft, mecha
from .noise import hash2
from .units import MECHA

# Dashing: arms swept back, thrusters at full.
DASH = mecha.Pose(bob=-2.0, near_arm=(-55.0, -20.0), far_arm=(-65.0, -30.0), flame=2.4, lunge=-2.0)
# Hit: thrown back, arms flung up, thrusters sputtering.
HIT = mecha.Pose(bob=1.5, near_arm=(-95.0, -60.0), far_arm=(-110.0, -80.0), flame=0.3, lunge=-8.0)
# Shot down: slumped, arms limp, no thrust.
DOWN = mecha.Pose(bob=5.0, near_arm=(6.0, 10.0), far_arm=(2.0, 6.0), flame=0.0, lunge=-4.0)


def scorched(image: np.ndarray, seed: int) -> np.ndarray:
    """Darkened armour with soot patches and a few glowing embers."""
    out = image.copy()
    h, w = out.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w]
    solid = out[..., 3] > 0
    rgb = out[..., :3].astype(np.int32) * 3 // 5
    soot = (hash2(xs // 3, ys // 3, seed) < 0.28) & solid
    rgb[soot] = rgb[soot] * 2 // 5
    ember = (hash2(xs // 2, ys // 2, seed + 7) < 0.025) & solid
    rgb[ember] = np.array([255, 150, 60])
    out[..., :3] = rgb.astype(np.uint8)
    return out


def extra_frames(unit_id: str, size: int) -> list[np.ndarray]:
    if unit_id in MECHA:
        design = MECHA[unit_id]
        dash, hit, down = (mecha.draw_mecha(design, size, pose, False) for pose in (DASH, HIT, DOWN))
    else:
        first = craft.draw_craft(unit_id, size, 0, False)
        dash, hit, down = craft.draw_craft(unit_id, size, 2, False), first, first
    return [dash, hit, scorched(down, sum(map(ord, unit_id)))]
