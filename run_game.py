#!/usr/bin/env python3
"""Blue Comet Tactics: `python run_game.py` plays; `python run_game.py --help` lists the tools."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
