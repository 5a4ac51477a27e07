"""The one exception an illegal command raises."""


class IllegalCommand(ValueError):
    """A command the rules do not allow now. The message is written for the player."""
