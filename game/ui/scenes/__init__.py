"""The screens of the game. Each scene returns transitions; none holds game rules."""
