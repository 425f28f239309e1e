"""Who the article talks about: actors (people, organisations, places, groups) and their mentions.

Rule-based and offline. Names are runs of capitalised words in the body sentences; a title in
front ("Defense Secretary Pete Hegseth") marks a person and belongs to the mention span but not to
the name; a gazetteer (pycountry plus small lexicons in ``analysis/data/actors_*``) names
countries and well-known organisations with their aliases ("EU" ↔ "European Union"). Later
surnames link to earlier full names; role nouns ("the alliance", "the U.S. president") and
pronouns ("he", "his", "its") link to an actor already mentioned, by salience and recency.

Span conventions (see docs/actors.md): a name mention covers the title and the name, never a
leading "the" nor a possessive "’s" (``possessive`` says it was there); a role mention covers the
whole noun phrase from "the"; a pronoun mention covers the pronoun.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from itertools import chain

import numpy as np
import pandas as pd

from analysis.actors_config import Config, config_key, load_config
from analysis.actors_lexicon import lexicon
from analysis.actors_links import (
    START,
    SpanIndex,
    org_roles,
    person_roles,
    possessive_end,
    pronouns,
)
from analysis.actors_names import (
    Actor,
    Cand,
    Mention,
    link_names,
    lower_words,
    names_in_sentence,
    sentence_tokens,
)
from analysis.article import Article, as_article, frame, string_columns

MENTION_COLUMNS = [
    "actor",
    "kind",
    "start",
    "end",
    "text",
    "sentence_id",
    "linked_by",
    "possessive",
    "paragraph_id",
]
ACTOR_COLUMNS = [
    "actor",
    "kind",
    "n_mentions",
    "first_sentence",
    "aliases",
    "n_sentences",
    "n_name",
    "n_alias",
    "n_role",
    "n_pronoun",
    "first_start",
]
LINKS = ("name", "alias", "pronoun", "role")

# --------------------------------------------------------------------------------------------
# the pipeline and the user config


def _find_literal(article: Article, phrase: str) -> list[tuple[int, int, int]]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")
    return [
        (m.start(), m.end(), s.sentence_id)
        for s in article.sentences
        for m in pattern.finditer(article.text, s.start, s.end)
    ]


def _apply_aliases(
    article: Article, config: Config, actors: dict[str, Actor], mentions: list[Mention]
) -> None:
    """Merge actors named as aliases; add literal alias phrases as mentions."""
    by_name = {a.canonical: key for key, a in actors.items()}
    for target, aliases in config["aliases"].items():
        key = by_name.get(target)
        if key is None:
            key = "=" + target
            actors[key] = Actor(key, target, config["kind"].get(target, "group"))
            by_name[target] = key
        for alias in aliases:
            other = by_name.get(alias)
            if other is not None and other != key:
                for m in mentions:
                    if m.actor == other:
                        m.actor = key
                        m.linked_by = "alias" if m.linked_by == "name" else m.linked_by
                if actors[key].kind == "person" and not actors[key].titles:
                    actors[key].titles = actors[other].titles
                del actors[other]
                del by_name[alias]
                continue
            taken = SpanIndex((m.start, m.end) for m in mentions)
            for s, e, sid in _find_literal(article, alias):
                if not taken.overlaps(s, e):
                    _, poss = possessive_end(article.text, e)
                    mentions.append(Mention(key, s, e, sid, "alias", poss))
    for name, kind in config["kind"].items():
        key = by_name.get(name)
        if key is not None:
            actors[key].kind = kind
    if config["aliases"]:  # every actor of link_names has a mention: only aliases leave one bare
        used = {m.actor for m in mentions}
        for key in [k for k in actors if k not in used]:
            del actors[key]


def _detect(article: Article, key: str) -> tuple[tuple, ...]:
    """All mentions and actors as plain tuples (cached: several tables ask for the same)."""
    config = _DEFAULT_CONFIG if key == _DEFAULT_KEY else json.loads(key)  # read, never changed
    lex = lexicon()
    common = lower_words(article)
    cands: list[Cand] = []
    # a sentence's id is its index
    for sentence_id, tokens in enumerate(sentence_tokens(article)):
        cands.extend(names_in_sentence(article, sentence_id, common, lex, tokens))
    actors, mentions = link_names(cands, lex, common)
    _apply_aliases(article, config, actors, mentions)
    mentions.sort(key=START)
    roles = person_roles(article, actors, mentions, lex)
    if roles:
        spans = SpanIndex((r.start, r.end) for r in roles)
        mentions = [m for m in mentions if not spans.overlaps(m.start, m.end)] + roles
        mentions.sort(key=START)
    described = org_roles(article, actors, mentions, lex)
    if described:  # in about a quarter of the articles: else the mentions stay as they are
        spans = SpanIndex((m.start, m.end) for m in mentions)
        described = [r for r in described if not spans.overlaps(r.start, r.end)]
        mentions = sorted(mentions + described, key=START)
    linked = pronouns(article, actors, mentions)
    if linked:  # the mentions are in order already
        mentions = sorted(mentions + linked, key=START)
    drop, rename = config["drop"], config["rename"]
    names = {k: rename.get(a.canonical, a.canonical) for k, a in actors.items()}
    # an actor is dropped by its canonical name or by its new one
    dropped = {k for k, a in actors.items() if a.canonical in drop or names[k] in drop}
    text, sentences = article.text, article.sentences  # a sentence's id is its index
    return tuple(
        [
            (
                names[m.actor],
                actors[m.actor].kind,
                m.start,
                m.end,
                text[m.start : m.end],
                m.sentence_id,
                m.linked_by,
                m.possessive,
                sentences[m.sentence_id].paragraph_id,
            )
            for m in mentions
            if m.actor not in dropped
        ]
    )


def _resolve_config(config: str | os.PathLike[str] | dict | None) -> str:
    if config is None:
        return _DEFAULT_KEY  # the common case, without a dump per call
    return config_key(load_config(config))


_DEFAULT_KEY = config_key(load_config(None))
_DEFAULT_CONFIG = json.loads(_DEFAULT_KEY)


_MENTION_INDEX = pd.Index(MENTION_COLUMNS)
_ACTOR_INDEX = pd.Index(ACTOR_COLUMNS)


_INT64 = np.dtype("int64")  # a dtype object: NumPy parses a dtype name at every call


def _mention_table(rows: tuple[tuple, ...]) -> pd.DataFrame:
    """The mention table of mention rows (as :data:`MENTION_COLUMNS`). One string array for
    the four text columns, cut (a string array costs several times a cut of one), and one
    NumPy call for the four integer columns (a call costs more than its few dozen values;
    ``np.fromiter`` of them in a row less than ``np.array``, which first inspects the nested
    tuples); ``frame`` lays the rows of the second out as their columns."""
    n = len(rows)
    actor, kind, start, end, text, sentence_id, linked_by, possessive, paragraph_id = (
        zip(*rows, strict=True) if rows else [()] * len(MENTION_COLUMNS)
    )
    actors, kinds, texts, links = string_columns([*actor, *kind, *text, *linked_by], 4)
    ints = np.fromiter(
        chain(start, end, sentence_id, paragraph_id), dtype=_INT64, count=4 * n
    ).reshape(4, n)
    return frame(
        _MENTION_INDEX,
        [
            actors,
            kinds,
            ints[:2],  # start, end
            texts,
            ints[2],
            links,
            np.array(possessive, dtype=bool),
            ints[3],
        ],
    )


def _actor_rows(rows: tuple[tuple, ...]) -> tuple[tuple, ...]:
    """Aggregate mention rows (in text order) per actor, in plain Python: pandas groupby costs
    more than the whole detection on a short article. One tuple per actor, as
    :data:`ACTOR_COLUMNS` (aliases a tuple)."""
    stats: dict[str, list] = {}
    links = {"name": 6, "alias": 7, "role": 8, "pronoun": 9}
    for actor, kind, start, _end, text, sentence_id, linked_by, _poss, _par in rows:
        row = stats.get(actor)
        if row is None:
            row = stats[actor] = [actor, kind, 0, sentence_id, {}, set(), 0, 0, 0, 0, start]
        row[2] += 1
        row[5].add(sentence_id)
        row[links[linked_by]] += 1
        if linked_by != "pronoun":
            row[4].setdefault(text, None)
    ordered = sorted(stats.values(), key=lambda r: (-r[2], r[10]))
    return tuple([(*r[:4], tuple(r[4]), len(r[5]), *r[6:]) for r in ordered])


def _actor_table(actor_rows: tuple[tuple, ...]) -> pd.DataFrame:
    """The actor table from :func:`_actor_rows`, each aliases list a fresh copy; without rows,
    the same columns and types (so tables of several articles concatenate cleanly)."""
    columns = list(zip(*actor_rows, strict=True)) if actor_rows else [()] * len(ACTOR_COLUMNS)
    n = len(actor_rows)
    # each aliases tuple a fresh list, in one conversion (an item assignment per actor cost
    # a NumPy call each)
    aliases = np.fromiter(map(list, columns[4]), dtype=object, count=n)
    names, kinds = string_columns([*columns[0], *columns[1]], 2)  # one string array, cut
    ints = np.fromiter(  # one call for 8 columns
        chain(*columns[2:4], *columns[5:]), dtype=_INT64, count=8 * n
    ).reshape(8, n)
    return frame(_ACTOR_INDEX, [names, kinds, ints[:2], aliases, ints[2:]])


@lru_cache(maxsize=64)
def _tables(article: Article, key: str) -> tuple[tuple[tuple, ...], tuple[tuple, ...]]:
    """(mention rows, actor rows) for an article and config, detected once; each call builds
    its own table from them (the rows are immutable, so no caller can change another's)."""
    rows = _detect(article, key)
    return rows, _actor_rows(rows)


def detection(
    article: Article, *, config: str | os.PathLike[str] | dict | None = None
) -> tuple[tuple[tuple, ...], tuple[tuple, ...]]:
    """(mention rows, actor rows): the rows behind :func:`actor_mentions` (as
    :data:`MENTION_COLUMNS`) and :func:`find_actors` (as :data:`ACTOR_COLUMNS`, aliases a
    tuple), detected once per article and config, for a caller that needs both tables and
    the plain rows (:func:`analysis.analyze`)."""
    return _tables(article, _resolve_config(config))


def mention_table(rows: tuple[tuple, ...]) -> pd.DataFrame:
    """The :func:`actor_mentions` table of mention rows from :func:`detection`."""
    return _mention_table(rows)


def actor_table(actor_rows: tuple[tuple, ...]) -> pd.DataFrame:
    """The :func:`find_actors` table of actor rows from :func:`detection`."""
    return _actor_table(actor_rows)


def actor_mentions(
    text_or_article: str | Article, *, config: str | os.PathLike[str] | dict | None = None
) -> pd.DataFrame:
    """Every mention of every actor, in text order.

    Columns: actor, kind, start, end, text (== article.text[start:end]), sentence_id, linked_by
    (name / alias / role / pronoun), possessive (a "’s" followed the span), paragraph_id.
    ``config`` is an optional actors YAML path or dict (see :mod:`analysis.actors_config`).
    """
    article = as_article(text_or_article)
    return _mention_table(_tables(article, _resolve_config(config))[0])


def find_actors(
    text_or_article: str | Article, *, config: str | os.PathLike[str] | dict | None = None
) -> pd.DataFrame:
    """One row per actor, most mentioned first.

    Columns: actor, kind, n_mentions, first_sentence, aliases (distinct surface forms other than
    pronouns, in order of appearance), n_sentences, n_name / n_alias / n_role / n_pronoun (how
    the mentions were linked), first_start (offset of the first mention).
    """
    article = as_article(text_or_article)
    return _actor_table(_tables(article, _resolve_config(config))[1])
