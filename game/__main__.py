"""`python -m game`: the same as `run_game.py` and the installed `blue-comet-tactics`."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m game"))
