from __future__ import annotations

from pathlib import Path

import pytest

from analysis.attribution import attributions_for_scoring
from analysis.loading import load_article
from analysis.paths import BUNDLED_ARTICLE, shared_data_dir

# The public measures that take an article and return a table (a contract: scripts call them).
PUBLIC_MEASURES = (
    "readability_scores",
    "readability_sentences",
    "readability_paragraphs",
    "sentence_sentiment",
    "paragraph_sentiment",
    "find_actors",
    "actor_mentions",
    "find_attributions",
    "actor_sentiment",
)


def scoring_triples(text: str) -> list[tuple[list[str], list[str], list[str]]]:
    """Source, cue and content texts of the attributions the PolNeAR scorer sees."""
    return [
        tuple([text[s:e] for s, e in role] for role in (a.source, a.cue, a.content))
        for a in attributions_for_scoring(text)
    ]


def public_rows(text: str) -> list[tuple[str, str, str]]:
    """(source, cue, content) texts of the rows of the public attribution table."""
    from analysis import find_attributions

    return [
        (r.source_text or "", r.cue_text or "", r.content_text or "")
        for r in find_attributions(text).itertuples()
    ]


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
