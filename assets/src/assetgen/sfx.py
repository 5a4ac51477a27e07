"""Sound effects, synthesised: interface blips, weapons, impacts, V-MAX, level up, spirits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from .synth import (
    decay_env,
    echo,
    envelope,
    lowpass,
    noise,
    phase,
    saw,
    seconds,
    sine,
    square,
    sweep,
    triangle,
    write_wav,
)


def _cat(*parts: np.ndarray) -> np.ndarray:
    return np.concatenate(parts)


def _mix(length: int, *layers: tuple[int, np.ndarray]) -> np.ndarray:
    out = np.zeros(length)
    for start, x in layers:
        end = min(length, start + len(x))
        out[start:end] += x[: end - start]
    return out


def _tone(freq: float, dur: float, duty: float = 0.5, vol: float = 0.5, power: int = 2) -> np.ndarray:
    n = seconds(dur)
    return square(phase(freq, n), duty) * decay_env(n, power) * vol


def cursor() -> np.ndarray:
    return _tone(1568, 0.035, 0.5, 0.35, 1)


def confirm() -> np.ndarray:
    return _cat(_tone(1047, 0.05, 0.25, 0.4, 1), _tone(1568, 0.09, 0.25, 0.4, 2))


def cancel() -> np.ndarray:
    return _cat(_tone(784, 0.05, 0.25, 0.4, 1), _tone(523, 0.09, 0.25, 0.4, 2))


def error() -> np.ndarray:
    n = seconds(0.12)
    buzz = (square(phase(98, n)) + square(phase(104, n), 0.3)) * 0.3 * envelope(n, 0.002, 0.02, 0.8, 0.02)
    return _cat(buzz, np.zeros(seconds(0.04)), buzz)


def move_step() -> np.ndarray:
    n = seconds(0.09)
    thud = triangle(phase(sweep(140, 60, n), n)) * decay_env(n, 3) * 0.6
    servo = square(phase(sweep(420, 380, n), n), 0.125) * decay_env(n, 2) * 0.08
    grit = lowpass(noise(n, 4), 0.6) * decay_env(n, 4) * 0.5
    return thud + servo + grit


def beam() -> np.ndarray:
    """Layzered Rifle: a falling zap with a bright chorus and a crackle."""
    n = seconds(0.42)
    f = sweep(2600, 520, n, 2)
    zap = square(phase(f, n), 0.25) * 0.35 + square(phase(f * 1.012, n), 0.5) * 0.2 + sine(phase(f * 0.5, n)) * 0.25
    crackle = noise(n, 1) * decay_env(n, 6) * 0.25
    return (zap + crackle) * envelope(n, 0.003, 0.05, 0.7, 0.2)


def missile() -> np.ndarray:
    n = seconds(0.75)
    whoosh = lowpass(noise(n, 2), 0.35) * envelope(n, 0.05, 0.1, 0.8, 0.5) * 0.7
    launch = triangle(phase(sweep(180, 60, seconds(0.2)), seconds(0.2))) * decay_env(seconds(0.2), 2) * 0.7
    hiss = square(phase(sweep(300, 900, n), n), 0.125) * envelope(n, 0.1, 0.2, 0.3, 0.3) * 0.08
    return _mix(n, (0, whoosh), (0, launch), (0, hiss))


def knuckle() -> np.ndarray:
    """Knuckle Shot: an electromagnetic crackle then a heavy punch."""
    charge_n = seconds(0.12)
    charge = square(phase(sweep(900, 2400, charge_n), charge_n), 0.5) * noise(charge_n, 3) * 0.25
    n = seconds(0.3)
    body = sine(phase(sweep(180, 45, n, 2), n)) * decay_env(n, 2) * 0.9
    crack = lowpass(noise(n, 1), 0.2) * decay_env(n, 5) * 0.6
    return _cat(charge, body + crack)


def claw() -> np.ndarray:
    """Horn on Arm: a fast slash and a metallic ring."""
    n = seconds(0.35)
    slash_n = seconds(0.12)
    slash = noise(slash_n, 1) * envelope(slash_n, 0.02, 0.02, 0.9, 0.06) * 0.6
    ring = (square(phase(1760, n), 0.5) * 0.12 + square(phase(2637, n), 0.25) * 0.08) * decay_env(n, 3)
    return _mix(n, (0, slash), (seconds(0.06), ring))


def flamethrower() -> np.ndarray:
    n = seconds(0.95)
    wobble = 0.75 + 0.25 * sine(phase(9.0, n))
    roar = lowpass(noise(n, 3), 0.55) * 1.4 + lowpass(noise(n, 1, 999), 0.2) * 0.3
    return roar * wobble * envelope(n, 0.06, 0.1, 0.85, 0.35) * 0.6


def ram() -> np.ndarray:
    """V-MAX body ram: a rushing roar that ends in a crash."""
    rush_n = seconds(0.35)
    rush = lowpass(noise(rush_n, 1), 0.3) * envelope(rush_n, 0.25, 0.0, 1.0, 0.02) * 0.5
    rush += saw(phase(sweep(200, 800, rush_n, 2), rush_n)) * envelope(rush_n, 0.25, 0.0, 1.0, 0.02) * 0.15
    crash = explosion_layer(0.55, 0.9)
    return _cat(rush, crash)


def explosion_layer(dur: float, vol: float) -> np.ndarray:
    n = seconds(dur)
    boom = sine(phase(sweep(90, 28, n, 2), n)) * decay_env(n, 2) * 0.8
    # Noise that gets lower as it fades, like a tracker explosion.
    parts = []
    step = n // 4
    for i, div in enumerate((1, 2, 4, 7)):
        parts.append(noise(step if i < 3 else n - 3 * step, div, i * 1000))
    rumble = np.concatenate(parts) * decay_env(n, 2)
    return (boom + lowpass(rumble, 0.3)) * vol


def hit() -> np.ndarray:
    n = seconds(0.16)
    crunch = noise(n, 2) * decay_env(n, 3) * 0.7
    thump = square(phase(sweep(220, 70, n), n), 0.5) * decay_env(n, 2) * 0.35
    return crunch + thump


def critical() -> np.ndarray:
    n = seconds(0.5)
    ring = (square(phase(1319, n), 0.25) * 0.15 + square(phase(1976, n), 0.5) * 0.1) * decay_env(n, 2)
    return _mix(n, (0, hit() * 1.2), (0, explosion_layer(0.3, 0.5)), (seconds(0.02), ring))


def miss() -> np.ndarray:
    n = seconds(0.28)
    parts = [noise(n // 4, d, d * 77) for d in (6, 3, 1, 2)]
    swish = np.concatenate([*parts, noise(n - 4 * (n // 4), 4)])
    return lowpass(swish, 0.25) * envelope(n, 0.08, 0.05, 0.8, 0.15) * 0.5


def explosion() -> np.ndarray:
    return explosion_layer(1.3, 1.0)


def vmax() -> np.ndarray:
    """V-MAX activation: armour panels open, a rising scream, and the blue comet's flash."""
    n = seconds(1.3)
    f = sweep(160, 1900, n, 2)
    vib = 1 + 0.02 * sine(phase(11.0, n))
    scream = saw(phase(f * vib, n)) * 0.25 + square(phase(f * 1.5 * vib, n), 0.25) * 0.12
    scream *= envelope(n, 0.3, 0.0, 1.0, 0.08)
    clanks = _mix(n, *((seconds(t), _tone(f0, 0.05, 0.5, 0.35, 3)) for t, f0 in ((0.0, 220), (0.08, 247), (0.16, 294))))
    flash_n = seconds(0.7)
    arps = np.concatenate([_tone(fr, 0.05, 0.125, 0.25, 1) for fr in (1047, 1319, 1568, 2093) * 3])
    flash = _mix(flash_n, (0, arps), (0, lowpass(noise(flash_n, 1), 0.1) * decay_env(flash_n, 3) * 0.35))
    return _cat(scream + clanks, echo(flash, 0.09, 0.35))


def level_up() -> np.ndarray:
    notes = (523, 659, 784, 1047)
    run = np.concatenate([_tone(f, 0.07, 0.5, 0.35, 1) for f in notes])
    n = seconds(0.5)
    chord = sum(square(phase(f, n), 0.25) * 0.14 for f in (1047, 1319, 1568)) * envelope(n, 0.005, 0.1, 0.6, 0.3)
    return echo(_cat(run, chord), 0.11, 0.3)


def spirit() -> np.ndarray:
    """Spirit command: a rising sparkle of bell tones."""
    n = seconds(0.9)
    out = np.zeros(n)
    for i, f in enumerate((880, 1175, 1397, 1760, 2349)):
        m = seconds(0.3)
        bell = (sine(phase(f, m)) * 0.4 + sine(phase(f * 2.01, m)) * 0.15) * decay_env(m, 2)
        start = seconds(0.06 * i)
        out[start : start + m] += bell[: n - start]
    return echo(out, 0.08, 0.4)


SOUNDS: dict[str, Callable[[], np.ndarray]] = {
    "cursor": cursor,
    "confirm": confirm,
    "cancel": cancel,
    "error": error,
    "move_step": move_step,
    "beam": beam,
    "missile": missile,
    "knuckle": knuckle,
    "claw": claw,
    "flamethrower": flamethrower,
    "ram": ram,
    "hit": hit,
    "critical": critical,
    "miss": miss,
    "explosion": explosion,
    "vmax": vmax,
    "level_up": level_up,
    "spirit": spirit,
}


def write(out: Path, only: set[str] | None = None) -> list[Path]:
    written = []
    for name, make in SOUNDS.items():
        if only is not None and name not in only:
            continue
        path = out / "sounds" / f"{name}.wav"
        write_wav(path, make())
        written.append(path)
    return written
