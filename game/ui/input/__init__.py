"""Raw pygame input (keyboard, mouse, gamepad) mapped to abstract actions in one place."""
