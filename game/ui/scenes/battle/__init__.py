"""The battle map: camera, unit views, event playback, HUD and the player's input modes."""
