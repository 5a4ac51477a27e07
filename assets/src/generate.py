#!/usr/bin/env python3
"""Regenerate the game's art and sound into assets/ (or --out DIR).

    python assets/src/generate.py                 # everything
    python assets/src/generate.py --only sprites  # one kind
    python assets/src/generate.py --out /tmp/x    # somewhere else (the tests compare)

Needs numpy and soundfile (see assets/src/README.md); the game itself needs neither.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from assetgen import jobs  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=HERE.parent, help="assets folder to write (default: assets/)")
    parser.add_argument("--only", action="append", choices=sorted(jobs.JOBS), help="generate only this kind")
    args = parser.parse_args(argv)
    for name in args.only or list(jobs.JOBS):
        start = time.perf_counter()
        written = jobs.JOBS[name](args.out)
        print(f"{name}: {len(written)} files in {time.perf_counter() - start:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
