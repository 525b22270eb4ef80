"""Where mtcheck keeps what it can rebuild: translations, converted models, the gazetteer."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_CACHE_DIR = "MTCHECK_CACHE_DIR"


def cache_dir() -> Path:
    """``$MTCHECK_CACHE_DIR``, else the platform's user cache folder + ``mtcheck``."""
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "mtcheck"
