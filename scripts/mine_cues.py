"""Mine the attribution cue lexicon from PolNeAR train (deterministic).

For every annotated cue phrase (lower-cased tokens, curly apostrophes folded) count how often it
was annotated as a cue (``n_cue``) and how often the same token sequence occurs anywhere in the
train texts (``n_seen``); their ratio is the phrase's precision as a cue. Phrases annotated at
least ``--min-count`` times are kept, plus the hand-listed speech-act phrases of
``analysis/data/cues_extra.txt`` (counted the same way). Each entry gets a lemma (irregular
table + suffix rules, candidate stems chosen by train-vocabulary frequency), a part of speech
and its framing class. Only derived counts are written; no PolNeAR text is copied. The
``contexts`` block (cue rate per kind of neighbouring word) serves the rules when the cue
classifier's file is absent; the ``neighbours`` block maps words of the package's word vectors
that the lexicon lacks to their nearest single-word cue (cosine ≥ NEIGHBOUR_COSINE); the
classifier itself is trained next, on this lexicon's candidates,
by ``scripts/train_attribution_cues.py``.

    python scripts/mine_cues.py ../shared/data/polnear/train analysis/data/cues.json
    python scripts/train_attribution_cues.py ../shared/data/polnear/train
"""

from __future__ import annotations

import argparse
import json
import sys
from bisect import bisect_right
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import attribution as rules
from analysis.article import Article
from analysis.attribution import attribution_regions
from analysis.attribution_lexicon import (
    CUE_TOKEN_RE,
    FUNCTION_WORDS,
    cue_class,
    head_word,
    lemmatize,
    normalize,
    part_of_speech,
)
from analysis.attribution_quotes import find_quotes
from analysis.paths import PACKAGE_DATA_DIR
from analysis.validation.polnear import load_split

# Words after a cue verb that are not its object ("said in", "called for", "told reporters").
OBJECT_STOP = frozenset(
    """in to of for on at about with by from that as into over against up down back after before
    during while when if whether what how why who reporters him them us me it monday tuesday
    wednesday thursday friday saturday sunday""".split()
)


# A context seen fewer times than this in train keeps the phrase's own precision.
CONTEXT_MIN_SEEN = 20
# A word of the shipped word vectors that the lexicon lacks becomes a candidate when its cosine
# to a single-word cue candidate reaches this (chosen on train 0-199 with the lexicon from 200-839).
NEIGHBOUR_COSINE = 0.7
# A phrase that extends a shorter mined phrase ("said of", "expected to") is left out when train
# marks the shorter one alone, with the extension following it, more often than the whole
# phrase ("he said of Cruz": *said* 31 times, *said of* 22 in train articles 200–839), so the
# rules match the shorter one there.
PREFER_SHORTER = True


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    article = Article.from_text(text)
    quotes = find_quotes(text, attribution_regions(article))
    return sorted(f for q in quotes for f in q.fragments)


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    i = bisect_right(ranges, (offset, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]


def mine(train_dir: Path, min_count: int, extra: list[str]) -> dict[str, object]:
    docs = load_split(train_dir)
    vocabulary: Counter[str] = Counter()
    token_docs: list[list[str | None]] = []
    cue_counts: Counter[tuple[str, ...]] = Counter()
    gold_spans: list[set[tuple[int, int]]] = []  # per document, one-fragment cues as token ranges
    for doc in docs:
        quoted = _quoted_ranges(doc.text)
        matches = list(CUE_TOKEN_RE.finditer(doc.text))
        toks = [normalize(m.group()) for m in matches]
        first = {m.start(): t for t, m in enumerate(matches)}
        after = {m.end(): t + 1 for t, m in enumerate(matches)}
        gold_spans.append(
            {
                (first[s], after[e])
                for att in doc.attributions
                if len(att.cue) == 1
                for s, e in att.cue
                if s in first and e in after
            }
        )
        # occurrences inside quotations do not count: annotators (and the rules) skip them
        token_docs.append(
            [None if _inside(quoted, m.start()) else t for m, t in zip(matches, toks, strict=True)]
        )
        vocabulary.update(toks)
        for att in doc.attributions:
            if not att.cue:
                continue
            # discontinuous cues ("said ... in a statement") count by their fragments' words
            words = [
                normalize(m.group())
                for s, e in att.cue
                for m in CUE_TOKEN_RE.finditer(doc.text[s:e])
            ]
            if words and len(words) <= 6:
                cue_counts[tuple(words)] += 1
    phrases = {p for p, n in cue_counts.items() if n >= min_count}
    extra_phrases = {tuple(normalize(t) for t in CUE_TOKEN_RE.findall(p)) for p in extra}
    phrases |= extra_phrases
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        by_first.setdefault(p[0], []).append(p)
    seen: Counter[tuple[str, ...]] = Counter()
    shorter: Counter[tuple[str, ...]] = Counter()  # marked as a shorter mined phrase alone
    for toks, spans in zip(token_docs, gold_spans, strict=True):
        for i, tok in enumerate(toks):
            for p in by_first.get(tok, ()):
                if tuple(toks[i : i + len(p)]) == p:
                    seen[p] += 1
                    if any((i, i + m) in spans and p[:m] in phrases for m in range(1, len(p))):
                        shorter[p] += 1
    rows = []
    for p in sorted(phrases):
        if PREFER_SHORTER and p not in extra_phrases and shorter[p] > cue_counts[p]:
            continue
        head = head_word(list(p))
        lemma = "according to" if p[:2] == ("according", "to") else lemmatize(head, vocabulary)
        # a verb with its object noun keeps it: "raise doubts", "express skepticism"
        nxt = p[p.index(head) + 1] if head in p and p.index(head) + 1 < len(p) else ""
        if (
            nxt.isalpha()
            and nxt not in FUNCTION_WORDS
            and nxt not in OBJECT_STOP
            and not nxt.endswith("ly")
        ):
            lemma = f"{lemma} {nxt}"
        rows.append(
            {
                "phrase": " ".join(p),
                "lemma": lemma,
                "pos": part_of_speech(list(p), head),
                "cue_class": cue_class(lemma),
                "n_cue": cue_counts[p],
                "n_seen": max(seen[p], cue_counts[p]),
                "extra": p in extra_phrases,
            }
        )
    candidates = {
        tuple(r["phrase"].split(" "))
        for r in rows
        if r["n_cue"] >= rules.MIN_CUE_COUNT
        and r["n_cue"] / r["n_seen"] >= rules.CANDIDATE_PRECISION
        and r["pos"] != "punctuation"
    }
    return {
        "source": "PolNeAR train (networkdynamics/PolNeAR), mined by scripts/mine_cues.py",
        "min_count": min_count,
        "n_documents": len(docs),
        "contexts": mine_contexts(docs, candidates),
        "neighbours": neighbours(rows),
        "cues": rows,
    }


def neighbours(rows: list[dict], cosine: float = NEIGHBOUR_COSINE) -> dict[str, list]:
    """Words of the package's word vectors (analysis/data/target_sentiment_vectors.npz) that
    the lexicon lacks, each with its nearest single-word cue candidate and their cosine, when
    that reaches ``cosine``: mostly the same family ("warns" ~ "warned", "observed" ~
    "observation"), which train would need to show twice to mine."""
    index, unit = rules.unit_vectors()
    known = {r["phrase"] for r in rows}
    cues = sorted(
        r["phrase"]
        for r in rows
        if " " not in r["phrase"]
        and r["phrase"] in index
        and r["pos"] != "punctuation"
        and r["n_cue"] >= rules.MIN_CUE_COUNT
        and r["n_cue"] / r["n_seen"] >= rules.MODEL_CANDIDATE_PRECISION
    )
    words = sorted(
        w
        for w in index
        if w.isalpha()
        and w.islower()
        and len(w) >= 4
        and w not in known
        and w not in FUNCTION_WORDS
    )
    if not cues or not words:
        return {}
    sims = unit[[index[w] for w in words]] @ unit[[index[c] for c in cues]].T
    best = sims.argmax(axis=1)
    out = {}
    for w, j, row in zip(words, best, sims, strict=True):
        if row[j] >= cosine:
            out[w] = [cues[j], round(float(row[j]), 2)]
    return out


def mine_contexts(docs: list, phrases: set[tuple[str, ...]]) -> dict[str, object]:
    """How often a candidate phrase is a cue in each context (``rules.cue_context``): the kind
    of word before it and after it. Occurrences are matched as the rules match them (longest
    phrase first, outside quotations); an occurrence is a cue when it overlaps a gold cue."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for p in sorted(phrases, key=len, reverse=True):
        by_first.setdefault(p[0], []).append(p)
    seen: Counter[str] = Counter()
    cue: Counter[str] = Counter()
    for doc in docs:
        regions = attribution_regions(Article.from_text(doc.text))
        quotes = rules._QuoteIndex(find_quotes(doc.text, regions))
        gold = sorted(span for att in doc.attributions for span in att.cue)
        for sent in rules._sentences(doc.text, regions, prefilter=False):
            after = 0
            for i, tok in enumerate(sent.norms):
                if i < after or quotes.at(sent.starts[i]) is not None:
                    continue
                p = next(
                    (p for p in by_first.get(tok, ()) if tuple(sent.norms[i : i + len(p)]) == p),
                    None,
                )
                if p is None:
                    continue
                k = i + len(p)
                after = k
                ctx = rules.cue_context(sent, i, k)
                seen[ctx] += 1
                s, e = sent.starts[i], sent.ends[k - 1]
                cue[ctx] += any(gs < e and s < ge for gs, ge in gold)
    total = sum(seen.values())
    return {
        "base": sum(cue.values()) / total if total else 0.0,
        "min_seen": CONTEXT_MIN_SEEN,
        "by_context": {
            c: round(cue[c] / n, 4) for c, n in sorted(seen.items()) if n >= CONTEXT_MIN_SEEN
        },
        "counts": {c: [n, cue[c]] for c, n in sorted(seen.items())},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train_dir", type=Path)
    parser.add_argument("output", type=Path, nargs="?", default=PACKAGE_DATA_DIR / "cues.json")
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args(argv)
    extra_path = PACKAGE_DATA_DIR / "cues_extra.txt"
    extra = [
        line.strip()
        for line in extra_path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    lexicon = mine(args.train_dir, args.min_count, extra)
    args.output.write_text(
        json.dumps(lexicon, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{len(lexicon['cues'])} cue phrases -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
