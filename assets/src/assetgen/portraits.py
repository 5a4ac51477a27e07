"""Who looks like what: one `Character` per portrait id."""

from __future__ import annotations

from pathlib import Path

from . import faces
from .faces import Character
from .pngio import write_png
from .raster import strip

LIGHT, FAIR, TAN, PALE = "#f6d2b4", "#f2c8a4", "#dca27c", "#f4dccb"

CHARACTERS: dict[str, Character] = {
    # Cosmic Culture Club and Earth
    "eiji": Character(FAIR, "#262a40", "spiky", "#3a5a98", "grados_suit", ("#e8ecf4", "#3058b0", "#f0c030"), brow=0.5),
    "anna": Character(
        LIGHT, "#c0703a", "short_girl", "#3a9a60", "dress", ("#f0e070", "#ffffff", "#d04050"), female=True, brow=-0.3
    ),
    "david": Character(
        TAN,
        "#e0b850",
        "spiky_up",
        "#3a78c8",
        "jacket",
        ("#c83a30", "#f0f0f0", "#303038"),
        extras=("headband:#2a50a8",),
        brow=1.0,
    ),
    "simone": Character(
        LIGHT,
        "#4a2a26",
        "bob",
        "#8a6a30",
        "jacket",
        ("#7a3a90", "#f4e8d8", "#e0c040"),
        female=True,
        extras=("earring",),
        brow=0.4,
    ),
    "roan": Character(PALE, "#c8ccd8", "neat", "#70808c", "jacket", ("#50586a", "#d8dce4", "#a03030"), brow=0.2),
    "arthur": Character(
        LIGHT,
        "#c8682c",
        "curly",
        "#7a5030",
        "jacket",
        ("#7a6040", "#e8e0c8", "#306040"),
        extras=("round_glasses", "freckles"),
        brow=-0.8,
    ),
    "elizabeth": Character(
        FAIR,
        "#7a4a2a",
        "bun",
        "#4a7a8a",
        "coat",
        ("#f4f4f0", "#8090b0", "#404858"),
        female=True,
        extras=("glasses", "lipstick"),
        brow=0.2,
    ),
    "bill": Character(
        TAN,
        "#5a4030",
        "buzz",
        "#4a6070",
        "flight",
        ("#6a7a50", "#8a8a6a", "#303020"),
        extras=("cap:#4a5a3a", "stubble"),
        brow=0.6,
    ),
    "danny": Character(
        FAIR,
        "#8a8a90",
        "buzz",
        "#3a5070",
        "flight",
        ("#2a3a6a", "#e8e8f0", "#d0b040"),
        extras=("cap:#1e2a50", "mustache"),
        brow=0.3,
    ),
    # Grados
    "gale": Character(FAIR, "#7a3a28", "neat", "#8a5a30", "uniform", ("#2a3470", "#e8e4d8", "#d8b040"), brow=0.8),
    "julia": Character(
        LIGHT, "#d09a58", "long", "#4a78c8", "uniform", ("#b02a40", "#f4ecec", "#e0c050"), female=True, brow=0.0
    ),
    "le_cain": Character(
        PALE,
        "#fae890",
        "long_blond",
        "#70b8e8",
        "cape",
        ("#f0f0f4", "#5a2a80", "#e0b840"),
        extras=("narrow",),
        brow=1.2,
    ),
    "gosterro": Character(
        "#d8c0b0",
        "#5a2a60",
        "slick",
        "#d8c040",
        "leather",
        ("#2a2228", "#5a2a30", "#b0b0b8"),
        extras=("grin", "scar", "cyborg_eye"),
        brow=1.5,
    ),
    "karla": Character(
        LIGHT,
        "#2a6a6a",
        "ponytail",
        "#9a50c0",
        "uniform",
        ("#3a2a50", "#e0d8e8", "#d0a040"),
        female=True,
        extras=("lipstick", "narrow"),
        brow=1.0,
    ),
    "derro": Character(FAIR, "#c8a060", "buzz", "#507050", "armor", ("#4a5a3a", "#a0a890", "#30382a"), brow=1.2),
    "giulla": Character(
        FAIR,
        "#3a2a22",
        "neat",
        "#6a3a3a",
        "uniform",
        ("#4a2a3a", "#d8d0c8", "#c0a040"),
        extras=("cap:#3a2030",),
        brow=1.3,
    ),
    "gusten": Character(
        TAN, "#6a4a30", "buzz", "#5a5040", "armor", ("#6f8060", "#a9b08c", "#3e4238"), extras=("stubble",), brow=0.7
    ),
    "roberia": Character(
        FAIR, "#b84a28", "spiky", "#607030", "armor", ("#6f8060", "#a9b08c", "#3e4238"), extras=("scar",), brow=1.4
    ),
    "mangello": Character(
        "#d0b090",
        "#4a3a22",
        "wild",
        "#c0a020",
        "leather",
        ("#3a3a22", "#6a5a30", "#b0b0b0"),
        extras=("mask:#e4dcc4", "big_ears", "grin"),
        brow=1.5,
    ),
    "bone": Character(
        "#d8c8b8",
        "#303030",
        "bald",
        "#60c0ff",
        "leather",
        ("#202430", "#3a3a4a", "#a0a0a8"),
        extras=("mask:#d8d4cc", "cracked", "stubble"),
        brow=1.0,
    ),
    "getty": Character(
        TAN,
        "#d03020",
        "mohawk",
        "#e08030",
        "leather",
        ("#202838", "#e07828", "#b0b0b8"),
        extras=("mask:#f0ece0", "grin"),
        brow=1.5,
    ),
    "gresco": Character(
        FAIR,
        "#b8b8c0",
        "slick",
        "#6a7a8a",
        "uniform",
        ("#3a2a5a", "#e8e0d0", "#e0c050"),
        extras=("beard", "wrinkles"),
        brow=0.6,
    ),
    "zuhl": Character(
        FAIR,
        "#5a4a3a",
        "buzz",
        "#7a6a40",
        "uniform",
        ("#2a3a4a", "#d8d8d0", "#c0a040"),
        extras=("narrow", "mustache", "wrinkles"),
        brow=1.2,
    ),
    "nizon": Character(
        PALE,
        "#8aa0a0",
        "neat",
        "#6a8a70",
        "coat",
        ("#e8ecec", "#6a5a8a", "#303840"),
        extras=("glasses", "wrinkles"),
        brow=-0.2,
    ),
    "gilbert": Character(
        FAIR,
        "#d8d8d8",
        "bald",
        "#5a6a80",
        "coat",
        ("#8a7050", "#e8e4d8", "#404040"),
        extras=("beard", "round_glasses", "wrinkles"),
        brow=0.0,
    ),
    "juno": Character(
        LIGHT,
        "#e0c070",
        "short_girl",
        "#5080c0",
        "dress",
        ("#80b0e0", "#ffffff", "#3050a0"),
        female=True,
        extras=("headband:#f06080",),
        brow=-0.4,
    ),
    "matthew": Character(
        TAN,
        "#8a5a30",
        "wild",
        "#6a4a2a",
        "jacket",
        ("#4a70a0", "#e0d8c0", "#c04030"),
        extras=("freckles", "cap:#c03030"),
        brow=0.4,
    ),
    # Generic speakers
    "grados_soldier": Character(
        FAIR,
        "#3a3030",
        "bald",
        "#505050",
        "armor",
        ("#4a4060", "#9a90b0", "#2e2838"),
        extras=("helmet:#4a3a6a", "visor_down"),
        brow=1.0,
    ),
    "grados_elite": Character(
        FAIR,
        "#2a2a30",
        "bald",
        "#a04040",
        "armor",
        ("#5a2a3a", "#c8a848", "#2e2024"),
        extras=("helmet:#6a2a40", "crest"),
        brow=1.3,
    ),
    "resistance_fighter": Character(
        TAN,
        "#4a3420",
        "spiky",
        "#506040",
        "fatigues",
        ("#5a6040", "#a03028", "#2a2a20"),
        extras=("goggles", "stubble"),
        brow=0.8,
    ),
    "soviet_pilot": Character(
        FAIR,
        "#a08060",
        "bald",
        "#506070",
        "flight",
        ("#5a6a70", "#8a9aa0", "#30383c"),
        extras=("helmet:#6a7a6a", "red_star"),
        brow=0.8,
    ),
    "us_pilot": Character(
        TAN,
        "#5a3a20",
        "bald",
        "#3a5a80",
        "flight",
        ("#6a7060", "#b0a888", "#303020"),
        extras=("helmet:#c8ccd4",),
        brow=0.6,
    ),
    "terminator_ai": Character(FAIR, "#000000", "bald", "#ff3030", "robot", ("#2c3346", "#e2e6ee", "#4080ff")),
    "rei": Character(FAIR, "#000000", "bald", "#50e0a8", "console", ("#3a4458", "#06241c", "#90ffaa")),
}


def write(out: Path, only: set[str] | None = None) -> list[Path]:
    written = []
    for pid, ch in CHARACTERS.items():
        if only is not None and pid not in only:
            continue
        path = out / "portraits" / f"{pid}.png"
        write_png(path, strip(faces.frames(ch)))
        written.append(path)
    return written
