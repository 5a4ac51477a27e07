"""Presentation models without pygame: what the screens show, computed from the rules engine."""
