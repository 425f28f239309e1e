from __future__ import annotations

from pathlib import Path

import pytest

from analysis.loading import load_article
from analysis.paths import BUNDLED_ARTICLE, shared_data_dir


@pytest.fixture(scope="session")
def seed_article():
    return load_article(BUNDLED_ARTICLE)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared/data; tests that need it skip cleanly on a clone without it."""
    path = shared_data_dir()
    if path is None:
        pytest.skip("../shared/data is absent (reference data is not part of the repository)")
    return path
