"""Blue Comet Tactics: an SRW-style tactics game set in Blue Comet SPT Layzner."""

__version__ = "0.1.0"
