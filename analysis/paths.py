"""Where things live: the project root, bundled data, reports and the optional ../shared data."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
BUNDLED_ARTICLE = RAW_DIR / "seed-article.txt"
REPORTS_DIR = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
PACKAGE_DATA_DIR = PACKAGE_DIR / "data"


def shared_data_dir() -> Path | None:
    """The reference data folder (``../shared/data`` or $NEWS_ANALYSIS_SHARED), if present."""
    env = os.environ.get("NEWS_ANALYSIS_SHARED")
    candidates = [Path(env)] if env else []
    candidates.append(PROJECT_ROOT.parent / "shared" / "data")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None
