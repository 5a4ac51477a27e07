"""Deterministic integer hash noise: the same numbers on every machine and numpy version."""

from __future__ import annotations

import numpy as np


def hash2(x: np.ndarray, y: np.ndarray, seed: int) -> np.ndarray:
    """A value in [0, 1) per integer lattice point."""
    with np.errstate(over="ignore"):
        h = (
            x.astype(np.uint32) * np.uint32(374761393)
            + y.astype(np.uint32) * np.uint32(668265263)
            + np.uint32(seed * 2654435761 % 2**32)
        )
        h = (h ^ (h >> np.uint32(13))) * np.uint32(1274126177)
        h = h ^ (h >> np.uint32(16))
    return (h & np.uint32(0xFFFFFF)).astype(np.float64) / float(0x1000000)


def value_noise(width: int, height: int, cell: int, seed: int) -> np.ndarray:
    """Smooth noise in [0, 1): lattice values every `cell` pixels, blended with smoothstep."""
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float64)
    gx, gy = xs / cell, ys / cell
    x0, y0 = np.floor(gx).astype(np.int64), np.floor(gy).astype(np.int64)
    tx, ty = gx - x0, gy - y0
    tx, ty = tx * tx * (3 - 2 * tx), ty * ty * (3 - 2 * ty)
    a, b = hash2(x0, y0, seed), hash2(x0 + 1, y0, seed)
    c, d = hash2(x0, y0 + 1, seed), hash2(x0 + 1, y0 + 1, seed)
    return (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty


def fractal(width: int, height: int, cell: int, seed: int, octaves: int = 4) -> np.ndarray:
    total = np.zeros((height, width))
    weight = 0.0
    amp = 1.0
    for i in range(octaves):
        total += value_noise(width, height, max(1, cell >> i), seed + i * 101) * amp
        weight += amp
        amp *= 0.5
    return total / weight
