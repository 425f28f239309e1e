"""The rewrites of session 13 in quote attribution give what the code they replaced gave."""

from __future__ import annotations

from itertools import accumulate, chain
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import attribution as A
from analysis.attribution_quotes import find_quotes

# --- random sentences with their quotes ---------------------------------------------------------

_WORDS = [
    "He", "said", "that", "the", "and", "told", "a", "Trump", "—", "–", "-", ",", ";", ":", '"',
    "“", "”", ".", "saying", "but", "he", "on", "Monday", "claimed", "in", "Twitter", "and",
    "was", "showed", "him", "for", "example", "adding", "it", "which", "will", "called",
]  # fmt: skip


@st.composite
def _sentence_cases(draw: st.DrawFn) -> tuple[str, A._Sentence, A._QuoteIndex]:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
    text = " ".join(words)
    sent = A._sentences(text, [], [(0, len(text))], prefilter=False)[0]
    return text, sent, A._QuoteIndex(find_quotes(text, [(0, len(text))]))


# --- sentences skipped by their pieces' flags ------------------------------------------------


def _old_sentences(
    text: str, spans: list[tuple[int, int]], always: int = -1, prefilter: bool = True
) -> list[A._Sentence]:
    """``_sentences`` as written before session 13 (every sentence's tokens laid out before the
    prefilter reads them)."""
    tokens_of = A._PIECES.__getitem__
    cue_words = A._cue_words()
    n = len(text)
    out = []
    last = 0
    for s, e in spans:
        if s < last or (s and not text[s - 1].isspace()) or (e < n and not text[e].isspace()):
            return A._text_sentences(text, spans, always, prefilter)
        last = e
        pieces = text[s:e].split(" ")
        try:
            flat = list(chain.from_iterable(map(tokens_of, pieces)))
        except TypeError:
            starts, ends, raws, norms = A._tokens(text, s, e)
            if not raws:
                continue
        else:
            norms = flat[3::4]
            starts = None
        if (
            prefilter
            and s != always
            and cue_words.isdisjoint(norms)
            and not A._maybe_generic(norms)
        ):
            out.append(A._Sentence(s, e, A._NONE, A._NONE, A._NONE, A._NONE))
            continue
        if starts is None:
            offsets = list(accumulate(flat[0::2], initial=s))
            starts, ends, raws = offsets[0:-1:2], offsets[1::2], flat[1::4]
        out.append(A._Sentence(s, e, starts, ends, norms, raws))
    return out


_PIECE_WORDS = [
    "He", "said", "that", "That", "the", "cat", "sat.", "It", "rained,", "claimed", "warned",
    "“We", "know,”", "it's", "x-y", "7", "_", "''", "—", ",", ".", "Trump.", "noted", "on",
    "mat", "according", "to", "him.", "hoped", "argued", "mused", "figured", "that,",
]  # fmt: skip
_PIECE_GAPS = [" ", " ", " ", " ", " ", "  ", "\n", " \n", "\t"]


# no cue word among these: a sentence of them is kept only by "that" after an unknown "-ed" verb
_PLAIN_WORDS = ["The", "cat", "sat.", "It", "rained,", "mused", "figured", "that", "that,", "mat"]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    vocabulary = draw(st.sampled_from([_PIECE_WORDS, _PLAIN_WORDS]))
    words = draw(st.lists(st.sampled_from(vocabulary), min_size=1, max_size=40))
    gaps = draw(st.lists(st.sampled_from(_PIECE_GAPS), min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, gaps, strict=True))


@settings(max_examples=400, deadline=None)
@given(_texts(), st.booleans(), st.booleans(), st.booleans())
def test_sentences_skipped_by_flags_equal_the_old_ones(text, prefilter, cold, headline):
    from analysis.segment import split_sentences

    spans = split_sentences(text)
    always = spans[0][0] if spans and headline else -1
    if cold:
        A._PIECES.clear()
    got = A._sentences(text, [], spans, always=always, prefilter=prefilter)
    assert got == _old_sentences(text, spans, always, prefilter)
    assert got == A._sentences(text, [], spans, always=always, prefilter=prefilter)  # warm


def test_sentences_hand_checked():
    A._PIECES.clear()
    text = "The cat sat. He said it rained. It was that bad. Rain fell."
    spans = [(0, 12), (13, 31), (32, 48), (49, 59)]
    sents = A._sentences(text, [], spans)
    # "that" alone keeps no sentence ("was" is no unknown cue verb before it)
    assert [bool(s.norms) for s in sents] == [False, True, False, False]
    assert sents[1].raws == ["He", "said", "it", "rained", "."]
    assert sents == _old_sentences(text, spans)
    assert A._PIECES["cat"] == (3, "cat", 1, "cat")


# --- offsets laid out only for sentences that need them ---------------------------------------

_QUOTE_WORDS = [
    "He", "said", "that", "“We", "know,”", "told", "reporters.", '"It', 'works,"', "claimed",
    "the", "plan", "warned", "“this", "is", "said.”", "and", "Smith", "noted", "it.", "'",
]  # fmt: skip


@st.composite
def _quoted_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_QUOTE_WORDS), min_size=1, max_size=40))
    gaps = draw(
        st.lists(st.sampled_from([" ", " ", " ", "\n\n"]), min_size=len(words), max_size=len(words))
    )
    return "".join(w + g for w, g in zip(words, gaps, strict=True))


def _laid_out(sentences: list[A._Sentence]) -> list[A._Sentence]:
    for sent in sentences:
        if sent.starts is None:
            A._lay_out(sent)
    return sentences


@settings(max_examples=300, deadline=None)
@given(st.one_of(_texts(), _quoted_texts()), st.booleans())
def test_deferred_sentences_lay_out_as_the_eager_ones(text, prefilter):
    from analysis.segment import split_sentences

    spans = split_sentences(text)
    deferred = A._sentences(text, [], spans, prefilter=prefilter, defer=True)
    eager = A._sentences(text, [], spans, prefilter=prefilter)
    assert all(s.lengths is None for s in eager)
    assert _laid_out(deferred) == eager
    assert all(s.lengths is None for s in deferred)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=6),
    st.integers(0, 70),
    st.integers(0, 20),
)
def test_quote_index_overlaps_equals_any_fragment(frags, start, width):
    from analysis.attribution_quotes import Quote

    quotes = [Quote(s, s + w, [(s, s + w)]) for s, w in frags]
    index = A._QuoteIndex(quotes)
    end = start + width
    expected = any(s < end and start < e for s, e, _ in index.frags)
    assert index.overlaps(start, end) == expected
    if not expected:
        assert all(index.at(x) is None for x in range(start, end))


def _old_match_cues(sent: A._Sentence, quotes: A._QuoteIndex) -> list:
    """``_match_cues`` as written before session 13 (every candidate's offset read)."""
    norms = sent.norms
    n = len(norms)
    out = []
    after = 0
    model, always, limit = A._match_settings()
    best = None
    sent.hits = hits = A._starter_hits(norms)
    for i in A._cue_positions(norms, hits):
        if i < after:
            continue
        candidates = A._candidates_at(sent, i)
        if not candidates or quotes.at(sent.starts[i]) is not None:
            continue
        for k, entry, kind in candidates:
            if k < n and norms[k] in A.NOT_AFTER_CUE and not A._reflexive_speech(entry, norms[k]):
                break
            if (entry.extra and entry.n_seen < A.EXTRA_MIN_SEEN) or (
                kind == "lex" and entry.phrase in always
            ):
                ok = True
            elif model is not None:
                z = A._cue_logit(model, sent, i, k, entry, kind)
                ok = z >= limit
                if not ok and (best is None or z > best[0]) and entry.precision >= A.SOLO_PRECISION:
                    best = (z, i, k, entry)
            else:
                ok = kind == "generic" or A._accept(sent, i, k, entry)
            if ok:
                out.append((i, A._with_particle(norms, i, k, entry), entry))
                after = out[-1][1]
                break
    if not out and best is not None and best[0] >= limit - A.SOLO_MARGIN:
        _, i, k, entry = best
        out.append((i, A._with_particle(norms, i, k, entry), entry))
    return out


@settings(max_examples=300, deadline=None)
@given(st.one_of(_quoted_texts(), _texts()))
def test_match_cues_on_deferred_sentences_equals_the_old_one(text):
    from analysis.segment import split_sentences

    spans = split_sentences(text)
    quotes = A._QuoteIndex(find_quotes(text, [(0, len(text))]))
    deferred = A._sentences(text, [], spans, prefilter=False, defer=True)
    eager = A._sentences(text, [], spans, prefilter=False)
    for lazy, laid in zip(deferred, eager, strict=True):
        assert A._match_cues(lazy, quotes) == _old_match_cues(laid, quotes)
        assert lazy.starts is None or lazy.starts == laid.starts


def test_deferred_offsets_hand_checked():
    text = "He said “we know” today. The cat sat on the mat and purred."
    spans = [(0, 24), (25, 59)]
    quotes = A._QuoteIndex(find_quotes(text, [(0, len(text))]))
    first, second = A._sentences(text, [], spans, prefilter=False, defer=True)
    assert first.starts is None and first.lengths[:4] == [2, 1, 4, 1]
    assert [c[0] for c in A._match_cues(first, quotes)] == [1]  # "said"
    assert first.starts == [0, 3, 8, 9, 12, 16, 18, 23]  # laid out: a quotation overlaps it
    assert A._match_cues(second, quotes) == [] and second.starts is None  # no cue, no offsets
    found = A._attribute_sentence(text, first, quotes)
    assert [(f.cue, f.source) for f in found] == [((3, 7), (0, 2))]


# --- a cue's subject found once per sentence -----------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(_texts(), st.randoms(use_true_random=False))
def test_subject_left_memo_equals_a_fresh_search(text, rng):
    sents = A._sentences(text, [], [(0, len(text))], prefilter=False)
    if not sents:  # no token at all
        return
    sent = sents[0]
    order = list(range(len(sent.norms))) * 2
    rng.shuffle(order)
    for ci in order:
        fresh = A._sentences(text, [], [(0, len(text))], prefilter=False)[0]
        assert A._subject_left(sent, ci) == A._find_subject_left(fresh, ci)
    assert set(sent.subjects) == set(range(len(sent.norms)))


def test_subject_left_memo_hand_checked():
    text = "The minister, who spoke briefly, said it was over."
    sent = A._sentences(text, [], [(0, len(text))], prefilter=False)[0]
    ci = sent.norms.index("said")
    assert sent.subjects is None
    assert A._subject_left(sent, ci) == (0, 7)  # tokens of "The minister, who spoke briefly,"
    assert sent.subjects == {ci: (0, 7)}
    sent.subjects[ci] = (1, 2)  # read back from the memo, not searched again
    assert A._subject_left(sent, ci) == (1, 2)


# --- _trim's abbreviation check, _tail_is_adjunct's set operations -----------------------------


def _old_trim(text: str, s: int, e: int) -> tuple[int, int]:
    """``_trim`` as written before session 13 (the abbreviation pattern searched at every
    final period)."""
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-.!?"):
        if text[e - 1] == "." and (
            A._ABBREV_END_RE.search(text, max(s, e - 12), e)
            or A._abbreviation_before(text, s, e - 1)
        ):
            break
        e -= 1
    if e > s and text[e - 1] == ")" and text.count("(", s, e) < text.count(")", s, e):
        return _old_trim(text, s, e - 1)
    return s, e


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aUSb.. ,;:—-!?()\n_Calif", max_size=24))
def test_trim_equals_the_old_one(text):
    for s in range(len(text) + 1):
        for e in range(s, len(text) + 1):
            assert A._trim(text, s, e) == _old_trim(text, s, e)


def test_trim_hand_checked():
    for text, expected in [
        ("said the U.S.", "said the U.S."),
        ("in San Bernardino, Calif.", "in San Bernardino, Calif."),
        (", it works.", "it works"),
        ("U.S.", "U.S."),
        ("a.U.S..", "a.U.S."),
        ("declined to comment.)", "declined to comment"),  # the aside's closing mark
    ]:
        s, e = A._trim(text, 0, len(text))
        assert text[s:e] == expected


def _old_tail_is_adjunct(sent: A._Sentence, k: int) -> bool:
    """``_tail_is_adjunct`` as written before session 13 (generator scans of the tail)."""
    norms = sent.norms
    k = A._skip_adjuncts(sent, k)
    n = len(norms)
    if all(norms[t] in A.FINAL_PUNCT for t in range(k, n)):
        return True
    if norms[k] in A.ADJUNCT_PREPS:
        if norms[k] == "to" and k + 1 < n and A._infinitive_verb(sent, k + 1):
            return False
        return not any(norms[t] in ("that", ":") for t in range(k, n))
    return False


_TAIL_WORDS = ["said", "on", "Monday", "to", "make", "that", ":", ".", '"', ")", "in", "a", "it"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TAIL_WORDS), min_size=1, max_size=14))
def test_tail_is_adjunct_equals_the_old_one(words):
    text = " ".join(words)
    sent = A._sentences(text, [], [(0, len(text))], prefilter=False)[0]
    for k in range(len(sent.norms) + 1):
        assert A._tail_is_adjunct(sent, k) == _old_tail_is_adjunct(sent, k)


def test_tail_is_adjunct_hand_checked():
    for text, expected in [
        ("he said on Monday .", True),
        ("he said in a statement that it works", False),
        ("he said to make it", False),
        ("he said .", True),
        ("he said it", False),
    ]:
        sent = A._sentences(text, [], [(0, len(text))], prefilter=False)[0]
        assert A._tail_is_adjunct(sent, 2) is expected, text


# --- _content_forward's scans behind set operations; floating quotes' early way out ------------


def _old_content_forward(
    text: str, sent: A._Sentence, k: int, quotes: A._QuoteIndex, stop: int, objects: bool = False
) -> list[tuple[int, int]]:
    """``_content_forward`` as written before session 13 (the cut and dash scans always run)."""
    norms = sent.norms
    n = min(len(norms), stop)
    while k < n and norms[k] in (",", ":", "—", "–"):
        k += 1
    if k >= n:
        return []
    if norms[k] in A.ADJUNCT_PREPS or norms[k] in A.FRONTED:
        comma = next((t for t in range(k + 1, min(k + 8, n - 1)) if norms[t] in (",", ":")), None)
        if comma is not None and quotes.starting_at(sent.starts[comma + 1]) is not None:
            k = comma + 1
    q = quotes.starting_at(sent.starts[k])
    if q is not None and not A._words_after(text, sent, q, n):
        return list(q.fragments)
    end = n
    for t in range(k + 1, n - 1):
        nxt = norms[t + 1]
        cut = norms[t] == ";" or (
            norms[t] == ","
            and (
                nxt in A.CONTENT_CUTS
                or (
                    A.CUT_AT_PARTICIPLE
                    and nxt.endswith("ing")
                    and nxt.isalpha()
                    and nxt not in A.NOT_PARTICIPLES
                )
                or (nxt in ("but", "and", "where") and t + 2 < n and norms[t + 2] in A.THIRD_PERSON)
                or (
                    nxt == "but"
                    and t + 2 < n
                    and (norms[t + 2] in ("the", "his", "her") or A._is_cap(sent.raws[t + 2]))
                )
            )
        )
        if cut and quotes.at(sent.starts[t + 1]) is None:
            end = t
            break
    if A.CUT_AT_DASH:
        dashes = [t for t in range(k + 1, end) if norms[t] in A._DASHES and A._is_dash(sent, t)]
        if len(dashes) == 1:
            t = dashes[0]
            if quotes.at(sent.starts[t]) is None and not (
                A.DASH_CONTINUES and t + 1 < n and norms[t + 1] in A.DASH_CONTINUERS
            ):
                end = t
    if objects and norms[k] not in A.CLAUSE_OPENERS:
        end = A._before_second_verb(sent, k, end, quotes)
        end = A._before_trailing_adjunct(sent, k, end, quotes)
        end = A._before_subordinate(sent, k, end)
    s, e = sent.starts[k], sent.ends[end - 1]
    q_end = quotes.at(e - 1)
    if q_end is not None and q_end.end > e:
        e = q_end.end
    s, e = A._trim(text, s, e)
    return [(s, e)] if e > s else []


_FORWARD_WORDS = [
    "He", "said", "the", "plan", "works", ",", ";", "—", "–", "-", "adding", "that", "but",
    "he", "and", "it", "“We", "know,”", "Smith", "in", "Paris", "including", "--", "only",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FORWARD_WORDS), min_size=1, max_size=24), st.booleans())
def test_content_forward_equals_the_old_scans(words, objects):
    with mock.patch.object(A, "CUT_MODEL", False):  # the hand rule (session 25: a model)
        text = " ".join(words)
        sent = A._sentences(text, [], [(0, len(text))], prefilter=False)[0]
        quotes = A._QuoteIndex(find_quotes(text, [(0, len(text))]))
        n = len(sent.norms)
        for k in range(n):
            for stop in {n, max(k, n - 3), k + 2}:
                got = A._content_forward(text, sent, k, quotes, stop, objects=objects)
                assert got == _old_content_forward(text, sent, k, quotes, stop, objects=objects)


def test_content_forward_hand_checked():
    with mock.patch.object(A, "CUT_MODEL", False):  # the hand rule (session 25: a model)
        quotes = A._QuoteIndex([])
        text = "He said the plan works, adding that it - he thinks - is fine; and more."
        sent = A._sentences(text, [], [(0, len(text))], prefilter=False)[0]
        # cut at ", adding" (a participle after a comma); two dashes cut nothing; then at ";"
        assert A._content_forward(text, sent, 2, quotes, len(sent.norms)) == [(8, 22)]
        assert text[24:60] == "adding that it - he thinks - is fine"
        assert A._content_forward(text, sent, 6, quotes, len(sent.norms)) == [(24, 60)]
        text = "He said it works - mostly."
        sent = A._sentences(text, [], [(0, len(text))], prefilter=False)[0]
        assert A._content_forward(text, sent, 2, quotes, len(sent.norms)) == [(8, 16)]  # one dash
        text = "He said it works well."
        sent = A._sentences(text, [], [(0, len(text))], prefilter=False)[0]
        assert A._content_forward(text, sent, 2, quotes, len(sent.norms)) == [(8, 21)]  # no mark


def _old_floating_quotes(
    text: str, found: list[A.Found], quotes: A._QuoteIndex, sentence_starts: set[int]
) -> list[A.Found]:
    """``_floating_quotes`` as written before session 13 (the claimed spans always built)."""
    from bisect import bisect_left

    claimed = sorted(
        span
        for f in found
        for span in [*f.content, *([f.cue] if f.cue else []), *([f.source] if f.source else [])]
    )
    claimed_starts = [c[0] for c in claimed]
    reach = list(accumulate((c[1] for c in claimed), max))
    with_source = sorted(
        (((f.cue or f.content[0])[0], f) for f in found if f.source is not None and f.cue),
        key=lambda pf: pf[0],
    )
    positions = [p for p, _ in with_source]
    out = []
    for q in quotes.quotes:
        if q.start not in sentence_starts:
            continue
        k = bisect_left(claimed_starts, q.end)
        if k > 0 and reach[k - 1] > q.start:
            continue
        if A._word_count(text, q.start, q.end, A.FLOAT_MIN_WORDS) < A.FLOAT_MIN_WORDS:
            continue
        i = bisect_left(positions, q.start) - 1
        speaker = None
        if i >= 0 and q.start - positions[i] <= A.FLOAT_WINDOW:
            speaker = with_source[i][1]
        elif i + 1 < len(positions) and positions[i + 1] - q.end <= A.FLOAT_WINDOW // 2:
            speaker = with_source[i + 1][1]
        if speaker is not None:
            out.append(A.Found(None, list(q.fragments), speaker.source, None, "direct"))
    return out


_FLOAT_SENTENCES = [
    "“We will win this race,” Smith said.",
    "“Nobody can stop us now, not at all.”",
    "The rally was loud.",
    "He called it “a disgrace” again.",
    "“It is over for them,” she told reporters.",
    "“Short.”",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FLOAT_SENTENCES), min_size=1, max_size=6))
def test_floating_quotes_equal_the_old_ones(sentences):
    text = " ".join(sentences)
    regions = [(0, len(text))]
    quotes = A._QuoteIndex(find_quotes(text, regions))
    sents = A._sentences(text, regions)
    found = A.extract(text, regions, floating=False)
    starts = {s.start for s in sents}
    got = A._floating_quotes(text, found, quotes, starts)
    expected = _old_floating_quotes(text, found, quotes, starts)
    assert [(f.content, f.source, f.kind) for f in got] == [
        (f.content, f.source, f.kind) for f in expected
    ]


def test_floating_quotes_hand_checked():
    text = "Smith said the race was close. “Nobody can stop us now, not at all.”"
    got = A.extract(text, [(0, len(text))])
    assert [(f.cue, f.source, f.content) for f in got] == [
        ((6, 10), (0, 5), [(11, 29)]),
        (None, (0, 5), [(31, 68)]),  # the quotation opening the next sentence: Smith's
    ]
    assert A._floating_quotes(text, got[:1], A._QuoteIndex([]), {0, 31}) == []  # no quotes


# --- _before_second_verb and _main_clause_verb without their empty scans -----------------------


def _old_before_second_verb(sent: A._Sentence, k: int, end: int, quotes: A._QuoteIndex) -> int:
    """``_before_second_verb`` as written before session 13 (the loop run on every object)."""
    norms, raws = sent.norms, sent.raws
    for t in range(k + 2, end - 1):
        if norms[t] != "and" or quotes.at(sent.starts[t]) is not None:
            continue
        nxt = norms[t + 1]
        then = norms[t + 2] if t + 2 < end else ""
        takes_object = (
            then in A.DETERMINERS or then in A.PERSONAL_PRONOUNS or then in ("him", "them")
        )
        verb = raws[t + 1][:1].islower() and (
            nxt in A.SECOND_VERB_LEADS
            or (nxt.endswith("ed") and takes_object)
            or (
                nxt.endswith("ing")
                and takes_object
                and not any(w.endswith("ing") for w in norms[k:t])
            )
        )
        if verb and A._object_like(sent, k, t):
            return t
    return end


def _old_main_clause_verb(sent: A._Sentence, k: int) -> list[int]:
    """``_main_clause_verb`` as written before session 13 (a ValueError when no comma)."""
    norms = sent.norms
    try:
        t = norms.index(",", k + 1, len(norms) - 1)
    except ValueError:
        return []
    nxt = norms[t + 1]
    if nxt in A.MAIN_VERBS or (nxt.endswith("ed") and sent.raws[t + 1][:1].islower()):
        return [t]
    # session 24's PRESENT_MAIN_VERB: "…, travels to Ohio"
    after = norms[t + 2] if t + 2 < len(norms) else ""
    if (
        A.PRESENT_MAIN_VERB
        and after in A.PRESENT_VERB_NEXT
        and len(nxt) > 3
        and nxt[-1] == "s"
        and nxt[-2:] not in ("ss", "us", "is")
        and sent.raws[t + 1][:1].islower()
    ):
        return [t]
    return []


_OBJECT_WORDS = [
    "He", "praised", "the", "plan", "and", "showed", "them", "called", "it", ",", "was",
    "“great", "and", "good”", "reporters", "has", "cutting", "paring", "the", "costs", ".",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_OBJECT_WORDS), min_size=1, max_size=20))
def test_object_scans_equal_the_old_ones(words):
    text = " ".join(words)
    sent = A._sentences(text, [], [(0, len(text))], prefilter=False)[0]
    quotes = A._QuoteIndex(find_quotes(text, [(0, len(text))]))
    n = len(sent.norms)
    for k in range(n + 1):
        assert A._main_clause_verb(sent, k) == _old_main_clause_verb(sent, k)
        for end in range(k, n + 1):
            got = A._before_second_verb(sent, k, end, quotes)
            assert got == _old_before_second_verb(sent, k, end, quotes)


def test_object_scans_hand_checked():
    quotes = A._QuoteIndex([])
    text = "He praised the plan and showed them, was right."
    sent = A._sentences(text, [], [(0, len(text))], prefilter=False)[0]
    assert A._before_second_verb(sent, 2, len(sent.norms), quotes) == 4  # "and showed them"
    assert A._before_second_verb(sent, 2, 4, quotes) == 4  # no "and" inside: the end
    assert A._main_clause_verb(sent, 2) == [7]  # ", was"
    assert A._main_clause_verb(sent, 7) == []
