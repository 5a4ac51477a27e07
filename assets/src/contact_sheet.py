#!/usr/bin/env python3
"""Tile shipped images into contact sheets for eyeballing: `python assets/src/contact_sheet.py [--out shots]`.

Writes units.png (map sprites x3), battle.png, portraits.png (x2), effects.png and ui.png.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from assetgen.pngio import decode_png, write_png  # noqa: E402

BG = np.array([36, 40, 56])


def _labelled(img: np.ndarray, label: str, scale: int) -> np.ndarray:
    from assetgen.font import render_text

    big = np.kron(img, np.ones((scale, scale, 1), np.uint8))
    text = render_text(label, "small")
    width = max(big.shape[1], text.shape[1])
    out = np.zeros((big.shape[0] + text.shape[0] + 2, width, 4), np.uint8)
    out[: big.shape[0], : big.shape[1]] = big
    out[big.shape[0] + 2 :, : text.shape[1]] = text
    return out


def sheet(paths: list[Path], scale: int, columns: int) -> np.ndarray:
    tiles = [_labelled(decode_png(p.read_bytes()), p.stem, scale) for p in paths]
    cell_w = max(t.shape[1] for t in tiles) + 8
    cell_h = max(t.shape[0] for t in tiles) + 8
    rows = (len(tiles) + columns - 1) // columns
    canvas = np.zeros((rows * cell_h, columns * cell_w, 3), np.float64)
    canvas[:] = BG
    for i, t in enumerate(tiles):
        y, x = (i // columns) * cell_h + 4, (i % columns) * cell_w + 4
        a = t[:, :, 3:4] / 255.0
        region = canvas[y : y + t.shape[0], x : x + t.shape[1]]
        region[:] = t[:, :, :3] * a + region * (1 - a)
    out = np.zeros((*canvas.shape[:2], 4), np.uint8)
    out[:, :, :3] = canvas.round().astype(np.uint8)
    out[:, :, 3] = 255
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--assets", type=Path, default=HERE.parent)
    parser.add_argument("--out", type=Path, default=HERE.parent.parent / "shots")
    args = parser.parse_args()
    a = args.assets
    plans = {
        "units": (sorted((a / "sprites" / "units").glob("*.png")), 3, 3),
        "battle": (sorted((a / "sprites" / "battle").glob("*.png")), 1, 2),
        "portraits": (sorted((a / "portraits").glob("*.png")), 2, 2),
        "effects": (sorted((a / "effects").glob("*.png")), 2, 2),
        "ui": (sorted(p for p in (a / "ui").glob("*.png") if p.stem not in ("title_background", "logo")), 3, 4),
    }
    for name, (paths, scale, columns) in plans.items():
        if paths:
            write_png(args.out / f"{name}.png", sheet(paths, scale, columns))
            print(args.out / f"{name}.png")
    title = a / "ui" / "title_background.png"
    if title.exists():
        write_png(args.out / "title.png", title_mock(title, a / "ui" / "logo.png"))
        print(args.out / "title.png")
    return 0


def title_mock(background: Path, logo: Path) -> np.ndarray:
    """The title screen as the game would compose it: the logo over the background."""
    bg = decode_png(background.read_bytes()).astype(np.float64)
    lg = decode_png(logo.read_bytes())
    y, x = 40, (bg.shape[1] - lg.shape[1]) // 2 - 120
    a = lg[:, :, 3:4] / 255.0
    region = bg[y : y + lg.shape[0], x : x + lg.shape[1], :3]
    region[:] = lg[:, :, :3] * a + region * (1 - a)
    return np.kron(bg.round().astype(np.uint8), np.ones((2, 2, 1), np.uint8))


if __name__ == "__main__":
    sys.exit(main())
