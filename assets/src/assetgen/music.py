"""Chiptune music: a step sequencer playing hand-written melodies over chord-driven bass,
arpeggios and drums. Loops are rendered seamlessly (the tail of the last bar wraps to the
start), so the game loops the whole file; stings play once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .synth import RATE, decay_env, echo, envelope, noise, phase, seconds, sine, square, sweep, triangle, write_ogg

# The libsndfile the committed .ogg files were encoded with (Ogg bytes depend on it).
ENCODER = "1.2.2"
_NOTE = re.compile(r"^([A-G])(#|b)?(-?\d)$")
_SEMI = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_QUALITY = {
    "": (0, 4, 7),
    "m": (0, 3, 7),
    "7": (0, 4, 7, 10),
    "m7": (0, 3, 7, 10),
    "maj7": (0, 4, 7, 11),
    "dim": (0, 3, 6),
    "sus4": (0, 5, 7),
    "5": (0, 7, 12),
}


def midi(name: str) -> int:
    m = _NOTE.match(name)
    if not m:
        raise ValueError(f"bad note {name!r}")
    letter, acc, octave = m.groups()
    return 12 * (int(octave) + 1) + _SEMI[letter] + {"#": 1, "b": -1, None: 0}[acc]


def freq(note: int) -> float:
    return 440.0 * 2.0 ** ((note - 69) / 12)


def chord_notes(symbol: str) -> tuple[int, tuple[int, ...]]:
    """'Am' -> (root midi in octave 2, intervals)."""
    m = re.match(r"^([A-G])(#|b)?(.*)$", symbol)
    if not m:
        raise ValueError(f"bad chord {symbol!r}")
    letter, acc, quality = m.groups()
    root = midi(f"{letter}{acc or ''}2")
    return root, _QUALITY[quality]


@dataclass(frozen=True)
class Song:
    bpm: int
    chords: str  # one chord per bar, space separated
    melody: str  # bars separated by '|', tokens NOTE:steps or r:steps (16 steps a bar)
    drums: str  # 16-step patterns per bar, '|' separated, cycled: k kick, s snare, h hat, o open hat
    lead_duty: float = 0.5
    lead_wave: str = "square"  # square | triangle
    arp: str = "0 1 2 1"  # chord tone indices cycled in 16ths ('' = no arpeggio)
    arp_octave: int = 2
    bass: str = "root8"  # root8 | pulse | walk | long
    loop: bool = True
    lead_echo: float = 0.0
    volume: float = 1.0


def _steps(song: Song) -> int:
    return len(song.chords.split()) * 16


def _step_len(song: Song) -> float:
    return 60.0 / song.bpm / 4


def _place(buf: np.ndarray, start: int, x: np.ndarray) -> None:
    end = min(len(buf), start + len(x))
    buf[start:end] += x[: end - start]


def _lead_note(song: Song, note: int, length: int, hold: int) -> np.ndarray:
    f = freq(note)
    # Delayed vibrato, as chiptune leads do.
    vib_start = min(hold, seconds(0.18))
    depth = np.concatenate([np.zeros(vib_start), np.full(length - vib_start, 0.006)])
    fr = f * (1 + depth * sine(phase(5.5, length)))
    ph = phase(fr, length)
    tone = square(ph, song.lead_duty) if song.lead_wave == "square" else triangle(ph)
    env = envelope(length, 0.004, 0.08, 0.65, 0.0)
    env[hold:] *= decay_env(length - hold, 2)
    return tone * env


def _drum(kind: str) -> np.ndarray:
    if kind == "k":
        n = seconds(0.14)
        return sine(phase(sweep(160, 42, n, 2), n)) * decay_env(n, 2) * 1.1
    if kind == "s":
        n = seconds(0.14)
        return noise(n, 1) * decay_env(n, 3) * 0.55 + triangle(phase(190, n)) * decay_env(n, 4) * 0.4
    if kind == "h":
        n = seconds(0.03)
        return noise(n, 1, 500) * decay_env(n, 2) * 0.22
    if kind == "o":
        n = seconds(0.12)
        return noise(n, 1, 900) * decay_env(n, 1) * 0.18
    if kind == "t":
        n = seconds(0.16)
        return triangle(phase(sweep(220, 110, n), n)) * decay_env(n, 2) * 0.7
    raise ValueError(kind)


def render(song: Song) -> np.ndarray:
    step = _step_len(song)
    total_steps = _steps(song)
    length = round(total_steps * step * RATE)
    tail = seconds(1.5)
    lead = np.zeros(length + tail)
    harm = np.zeros(length + tail)
    bass = np.zeros(length + tail)
    drums = np.zeros(length + tail)

    def at(s: int) -> int:
        return round(s * step * RATE)

    # Melody
    bars = [b.split() for b in song.melody.split("|")]
    s = 0
    for bar_no, bar in enumerate(bars):
        used = 0
        for token in bar:
            name, _, count = token.partition(":")
            n_steps = int(count or 1)
            if name != "r":
                hold = at(s + n_steps) - at(s)
                _place(lead, at(s), _lead_note(song, midi(name), hold + seconds(0.08), max(1, hold - seconds(0.02))))
            s += n_steps
            used += n_steps
        if used != 16:
            raise ValueError(f"melody bar {bar_no + 1} has {used} steps, not 16")
    if s != total_steps:
        raise ValueError(f"melody has {s} steps, chords need {total_steps}")

    # Chords: bass line and arpeggio
    arp = [int(i) for i in song.arp.split()] if song.arp else []
    for bar_no, symbol in enumerate(song.chords.split()):
        root, intervals = chord_notes(symbol)
        base = bar_no * 16
        if song.bass == "root8":
            pattern = [(0, 2, 0), (2, 2, 12), (4, 2, 0), (6, 2, 12), (8, 2, 0), (10, 2, 12), (12, 2, 0), (14, 2, 7)]
        elif song.bass == "pulse":
            pattern = [(i, 1, 0 if i % 4 else 12) for i in range(0, 16, 2)] + [(i, 1, 0) for i in range(1, 16, 2)]
        elif song.bass == "walk":
            pattern = [(0, 4, 0), (4, 4, intervals[1]), (8, 4, intervals[2]), (12, 4, 12)]
        else:
            pattern = [(0, 12, 0), (12, 4, 7)]
        for off, dur, interval in pattern:
            n = at(base + off + dur) - at(base + off)
            tone = triangle(phase(freq(root + 12 + interval), n + seconds(0.02)))
            _place(bass, at(base + off), tone * envelope(len(tone), 0.003, 0.05, 0.85, 0.02))
        if arp:
            for i in range(16):
                idx = arp[i % len(arp)] % len(intervals)
                octave = 12 * (song.arp_octave + arp[i % len(arp)] // len(intervals))
                n = at(base + i + 1) - at(base + i)
                tone = square(phase(freq(root + octave + intervals[idx]), n), 0.125)
                _place(harm, at(base + i), tone * decay_env(n, 2))

    # Drums
    patterns = song.drums.split("|")
    if song.drums:
        for i in range(total_steps):
            pat = patterns[(i // 16) % len(patterns)]
            ch = pat[i % 16]
            if ch != ".":
                _place(drums, at(i), _drum(ch))

    if song.lead_echo:
        lead = echo(lead, step * 3, song.lead_echo)
    mix = lead * 0.2 + harm * 0.08 + bass * 0.28 + drums * 0.22
    if song.loop:
        # Wrap the tail around so the loop point is seamless.
        mix[:tail] += mix[length:]
        return mix[:length] * song.volume
    fade = decay_env(tail, 2)
    mix[length:] *= fade
    return mix * song.volume


SONGS: dict[str, Song] = {
    # Mars, 1996: tense and heroic, A minor.
    "mars": Song(
        bpm=132,
        chords="Am F C G Am F G E F G Em Am Dm Em F E",
        melody=(
            "E5:4 A5:4 G5:2 E5:2 C5:4|D5:3 C5:1 A4:4 C5:4 F5:4|E5:6 D5:2 C5:4 G4:4|B4:4 D5:4 G5:6 r:2|"
            "A5:4 G5:2 E5:2 A5:4 B5:4|C6:6 B5:2 A5:4 F5:4|G5:4 F5:2 E5:2 D5:4 B4:4|G#4:4 B4:4 E5:8|"
            "A4:2 C5:2 F5:4 E5:4 C5:4|D5:2 G5:2 B5:4 A5:4 G5:4|G5:6 E5:2 B4:4 E5:4|A5:8 C6:4 B5:4|"
            "A5:4 F5:4 D5:4 F5:4|G5:4 E5:4 B4:4 G5:4|A5:4 C6:4 A5:4 F5:4|G#5:8 B5:4 E5:4"
        ),
        drums="k.h.s.h.k.k.s.h.|k.h.s.h.k.h.s.hh",
        lead_duty=0.25,
        arp="0 1 2 1",
        bass="root8",
    ),
    # Mars orbit and space: slow, wide, echoing. D dorian.
    "space": Song(
        bpm=96,
        chords="Dm7 G Dm7 Am7 Bbmaj7 C Dm7 A7 Dm7 G Dm7 Am7 Bbmaj7 C Dm7 A7",
        melody=(
            "D5:8 F5:4 A5:4|B5:8 A5:4 G5:4|A5:12 F5:4|E5:8 C5:4 E5:4|"
            "D5:8 F5:4 A5:4|G5:8 E5:4 C5:4|D5:6 E5:2 F5:4 A5:4|C#5:8 E5:4 A4:4|"
            "F5:4 A5:4 C6:8|B5:4 D6:4 B5:8|A5:4 F5:4 D5:8|C5:4 E5:4 G5:8|"
            "F5:8 D5:4 F5:4|E5:8 G5:4 C6:4|A5:16|G5:4 E5:4 C#5:8"
        ),
        drums="k.......h.......|........s.....h.",
        lead_wave="triangle",
        arp="0 1 2 3 2 1",
        arp_octave=3,
        bass="long",
        lead_echo=0.35,
    ),
    # Occupied Earth, 1999: a somber resistance march. E minor.
    "occupied_earth": Song(
        bpm=92,
        chords="Em C Am B7 Em C D B7 G D Em C Am B7 Em Em",
        melody=(
            "E5:6 F#5:2 G5:4 E5:4|G5:6 A5:2 G5:4 E5:4|C5:4 E5:4 A5:6 G5:2|F#5:8 D#5:4 B4:4|"
            "E5:6 F#5:2 G5:4 B5:4|C6:6 B5:2 A5:4 G5:4|F#5:4 A5:4 D5:4 F#5:4|B5:8 r:4 B4:4|"
            "D5:4 G5:4 B5:6 A5:2|A5:8 F#5:4 D5:4|G5:4 E5:4 B4:4 E5:4|C5:8 E5:4 G5:4|"
            "A5:6 G5:2 E5:4 C5:4|D#5:4 F#5:4 B5:8|E6:4 B5:4 G5:4 E5:4|E5:12 r:4"
        ),
        drums="k...s...k.k.s.ss|k...s...k...s.s.",
        lead_duty=0.5,
        arp="0 2 1 2",
        bass="walk",
    ),
    # Boss battles: fast and driving. C minor.
    "boss": Song(
        bpm=152,
        chords="Cm Cm Ab Bb Cm Cm Db G Fm G Cm Ab Fm G Ab G",
        melody=(
            "C5:2 C5:2 Eb5:2 G5:4 F5:2 Eb5:2 D5:2|C5:4 G4:2 C5:2 Eb5:4 D5:4|C5:2 Eb5:2 Ab5:4 G5:2 F5:2 Eb5:4|"
            "D5:4 F5:4 Bb5:6 r:2|G5:2 G5:2 Ab5:2 G5:4 F5:2 Eb5:2 F5:2|G5:4 C6:4 Bb5:4 G5:4|"
            "Ab5:4 F5:4 Db5:4 F5:4|G5:4 B5:4 D6:8|F5:2 Ab5:2 C6:4 Bb5:2 Ab5:2 G5:4|G5:4 B4:4 D5:4 F5:4|"
            "Eb5:2 G5:2 C6:4 D6:4 Eb6:4|C6:8 Ab5:4 Eb5:4|F5:4 Ab5:4 C6:4 F6:4|D6:4 B5:4 G5:4 D5:4|"
            "Eb5:2 Ab5:2 C6:4 Bb5:4 Ab5:4|B5:8 D6:4 G5:4"
        ),
        drums="k.hsk.hsk.hsk.hs|k.hsk.hskkhsk.ss",
        lead_duty=0.25,
        arp="0 1 2 3",
        bass="pulse",
    ),
    # Title: a heroic anthem for the blue comet. C major.
    "title": Song(
        bpm=120,
        chords="C G Am F C G F G",
        melody=(
            "E5:4 G5:4 C6:6 B5:2|D6:4 B5:4 G5:8|A5:4 C6:4 E6:6 D6:2|C6:4 A5:4 F5:8|"
            "G5:4 E5:2 G5:2 C6:4 E6:4|D6:6 C6:2 B5:4 G5:4|A5:4 C6:4 F6:4 E6:2 D6:2|D6:12 r:4"
        ),
        drums="k.h.s.h.k.h.s.hh|k.h.s.h.k.k.s.o.",
        lead_duty=0.5,
        arp="0 1 2 1",
        bass="root8",
        lead_echo=0.2,
    ),
    "victory": Song(
        bpm=140,
        chords="C C G C",
        melody="C5:2 E5:2 G5:2 C6:2 r:2 G5:2 C6:4|E6:16|D6:2 B5:2 G5:2 D6:2 r:2 B5:2 D6:4|C6:16",
        drums="k.s.k.s.k.s.kkss|o...............|k.s.k.s.k.s.kkss|k...............",
        arp="0 1 2 1",
        bass="long",
        loop=False,
    ),
    "defeat": Song(
        bpm=76,
        chords="Cm Ab Fm G",
        melody="G4:4 F4:4 Eb4:4 D4:4|C4:8 Eb4:4 C4:4|Ab4:4 G4:4 F4:4 Ab4:4|G4:16",
        drums="",
        lead_wave="triangle",
        arp="",
        bass="long",
        loop=False,
        lead_echo=0.3,
    ),
}


def write(out: Path, only: set[str] | None = None) -> list[Path]:
    written = []
    for name, song in SONGS.items():
        if only is not None and name not in only:
            continue
        path = out / "music" / f"{name}.ogg"
        write_ogg(path, render(song))
        written.append(path)
    return written
