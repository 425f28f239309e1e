"""News-article analysis: structure, readability, tone, actors and who gets to speak.

The public functions below are a contract: external scripts call them by these names. Each
accepts an :class:`Article` or a str of article text, and returns plain Python or pandas objects
whose spans are character offsets into ``Article.text``. Names resolve lazily so that importing
the package stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Article": "analysis.article",
    "Paragraph": "analysis.article",
    "Sentence": "analysis.article",
    "as_article": "analysis.article",
    "load_article": "analysis.loading",
    "AnalysisError": "analysis.errors",
    "InputError": "analysis.errors",
    "EncodingError": "analysis.errors",
    "ConfigError": "analysis.errors",
    "split_sentences": "analysis.segment",
    "readability_scores": "analysis.readability",
    "readability_sentences": "analysis.readability",
    "readability_paragraphs": "analysis.readability",
    "hardest_sentences": "analysis.readability",
    "grade_bands": "analysis.readability",
    "flesch_band": "analysis.readability",
    "sentence_sentiment": "analysis.sentiment",
    "paragraph_sentiment": "analysis.sentiment",
    "sentiment_arc": "analysis.sentiment",
    "sentiment_summary": "analysis.sentiment",
    "reading_view": "analysis.reading_view",
    "ReadingView": "analysis.reading_view",
    "find_actors": "analysis.actors",
    "actor_mentions": "analysis.actors",
    "target_sentiment": "analysis.targeted",
    "TargetSentiment": "analysis.targeted",
    "target_sentiments": "analysis.targeted",
    "actor_sentiment": "analysis.portrayal",
    "find_attributions": "analysis.attribution",
    "analyze": "analysis.pipeline",
    "analyze_corpus": "analysis.corpus",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
