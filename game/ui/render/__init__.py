"""Drawing helpers shared by scenes: theme, text, panels, unit and terrain graphics."""
