"""A small deterministic chiptune synthesiser: oscillators, envelopes, mixing, WAV/OGG output.

Determinism: oscillators run on integer phase accumulators and table look-ups (tables built
with Python's `math`), and everything else is element-wise arithmetic, so the same script
gives the same samples, bit for bit, on any machine.
"""

from __future__ import annotations

import io
import math
import struct
import wave
import zlib
from pathlib import Path

import numpy as np

RATE = 22050
PHASE_BITS = 32
_ONE = 1 << PHASE_BITS
_SINE = np.array([math.sin(2 * math.pi * i / 4096) for i in range(4096)])


def _noise_table() -> np.ndarray:
    """15-bit LFSR noise, as the NES noise channel makes it."""
    state = 1
    out = np.empty(32767)
    for i in range(32767):
        bit = (state ^ (state >> 1)) & 1
        state = (state >> 1) | (bit << 14)
        out[i] = 1.0 if state & 1 else -1.0
    return out


_NOISE = _noise_table()


def seconds(n: float) -> int:
    return round(n * RATE)


def phase(freq: np.ndarray | float, length: int, start: int = 0) -> np.ndarray:
    """Integer phase (0..2^32) per sample for a constant or per-sample frequency in Hz."""
    if np.isscalar(freq):
        inc = np.full(length, round(float(freq) * _ONE / RATE), np.int64)
    else:
        inc = np.round(np.asarray(freq, np.float64) * _ONE / RATE).astype(np.int64)
    return (np.cumsum(inc) - inc[0] + start) % _ONE


def square(ph: np.ndarray, duty: float = 0.5) -> np.ndarray:
    return np.where(ph < round(duty * _ONE), 1.0, -1.0)


def triangle(ph: np.ndarray) -> np.ndarray:
    # 16-step quantised triangle, like the NES.
    step = (ph >> (PHASE_BITS - 5)).astype(np.int64)
    level = np.where(step < 16, step, 31 - step)
    return level / 7.5 - 1.0


def saw(ph: np.ndarray) -> np.ndarray:
    return ph / (_ONE / 2) - 1.0


def sine(ph: np.ndarray) -> np.ndarray:
    return _SINE[(ph >> (PHASE_BITS - 12)).astype(np.int64)]


def noise(length: int, rate_div: int = 1, offset: int = 0) -> np.ndarray:
    """Noise held for `rate_div` samples per step (bigger = lower, rougher)."""
    idx = (np.arange(length) // max(1, rate_div) + offset) % len(_NOISE)
    return _NOISE[idx]


def envelope(
    length: int, attack: float = 0.005, decay: float = 0.1, sustain: float = 0.7, release: float = 0.05
) -> np.ndarray:
    """Linear ADSR over `length` samples; the release happens at the end."""
    env = np.full(length, sustain, np.float64)
    a = min(length, seconds(attack))
    d = min(length - a, seconds(decay))
    r = min(length, seconds(release))
    if a:
        env[:a] = np.arange(a) / a
    if d:
        env[a : a + d] = 1.0 - (1.0 - sustain) * np.arange(d) / d
    if r:
        env[length - r :] *= np.arange(r, 0, -1) / r
    return env


def decay_env(length: int, power: int = 2) -> np.ndarray:
    """(1 - t)^power by repeated multiplication (no float pow: identical bits everywhere)."""
    base = 1.0 - np.arange(length) / max(1, length)
    out = np.ones(length)
    for _ in range(power):
        out = out * base
    return out


def sweep(f0: float, f1: float, length: int, curve: int = 1) -> np.ndarray:
    base = np.arange(length) / max(1, length - 1)
    t = np.ones(length)
    for _ in range(curve):
        t = t * base
    return f0 + (f1 - f0) * t


def lowpass(x: np.ndarray, amount: float) -> np.ndarray:
    """One-pole low-pass (0 = none, toward 1 = darker). Sequential, so use on short sounds."""
    out = np.empty_like(x)
    acc = 0.0
    k = 1.0 - amount
    for i, v in enumerate(x.tolist()):
        acc += (v - acc) * k
        out[i] = acc
    return out


def echo(x: np.ndarray, delay: float, feedback: float, taps: int = 3) -> np.ndarray:
    d = seconds(delay)
    out = x.copy()
    gain = 1.0
    for i in range(1, taps + 1):
        gain *= feedback
        if d * i >= len(x):
            break
        out[d * i :] += x[: len(x) - d * i] * gain
    return out


def to_pcm16(x: np.ndarray, peak: float = 0.9) -> bytes:
    top = float(np.max(np.abs(x))) if len(x) else 0.0
    scale = peak / top if top > peak else 1.0
    pcm = np.clip(np.round(x * scale * 32767), -32768, 32767).astype("<i2")
    return pcm.tobytes()


def write_wav(path: Path, x: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(to_pcm16(x))
    path.write_bytes(buf.getvalue())


# --- Ogg Vorbis ----------------------------------------------------------------------
def _ogg_crc_table() -> list[int]:
    table = []
    for i in range(256):
        r = i << 24
        for _ in range(8):
            r = ((r << 1) ^ 0x04C11DB7) if r & 0x80000000 else (r << 1)
        table.append(r & 0xFFFFFFFF)
    return table


_OGG_CRC = _ogg_crc_table()


def _ogg_crc(data: bytes) -> int:
    crc = 0
    for b in data:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ _OGG_CRC[((crc >> 24) & 0xFF) ^ b]
    return crc


def normalise_ogg(data: bytes, serial: int) -> bytes:
    """Give every page a fixed stream serial (libvorbis picks a random one) and fix the CRCs."""
    out = bytearray(data)
    pos = 0
    while pos < len(out):
        if out[pos : pos + 4] != b"OggS":
            raise ValueError(f"bad Ogg page at byte {pos}")
        nsegs = out[pos + 26]
        body = sum(out[pos + 27 : pos + 27 + nsegs])
        end = pos + 27 + nsegs + body
        out[pos + 14 : pos + 18] = struct.pack("<I", serial)
        out[pos + 22 : pos + 26] = b"\0\0\0\0"
        out[pos + 22 : pos + 26] = struct.pack("<I", _ogg_crc(bytes(out[pos:end])))
        pos = end
    return bytes(out)


def encode_ogg(x: np.ndarray, name: str) -> bytes:
    import soundfile  # generation-time only

    pcm = np.frombuffer(to_pcm16(x), "<i2")
    buf = io.BytesIO()
    soundfile.write(buf, pcm, RATE, format="OGG", subtype="VORBIS")
    return normalise_ogg(buf.getvalue(), zlib.crc32(name.encode()) & 0xFFFFFFFF)


def write_ogg(path: Path, x: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode_ogg(x, path.stem))
