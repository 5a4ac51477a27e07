"""The game window: the only pygame game code. A client of the rules engine (`game.core`).

`game.ui.app.run_app(args)` is the composition root; scenes live in `game.ui.scenes`,
input mapping in `game.ui.input`, pure presentation models (no pygame) in `game.ui.model`.
"""
