"""The one exception type for asset problems: a missing id, a broken file, a bad id."""

from __future__ import annotations


class AssetError(Exception):
    """An asset could not be found or read; the message names the id and the files involved."""
