"""Command-line tools behind `run_game.py` subcommands."""
