"""The session-15 changes to actor sentiment give the values of the code they replace.

Each rewritten function is checked against the code it replaced, kept here as the oracle: the
sentence parse (a sentence without a word that may carry a valence skips the valence rules;
quotation marks looked for in the text instead of among the tokens).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress, repeat
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.target_features import (
    _DECAY,
    _FIXED_NAMES,
    _LEFT_NAMES,
    _PAIR_PREFIXES,
    _PREP_SET,
    _RIGHT_NAMES,
    _TOKEN_INFO,
    _WORD_PREFIXES,
    ADVERB_SKIP,
    BE_VERBS,
    QUOTE_CHARS,
    SAY_VERBS,
    SKIPPABLE,
    Scope,
    SentenceParse,
    _first_valenced,
    _NameRecorder,
    _positions,
    _PrefixedNames,
    _set_attribute,
    _tokenise,
    _valences,
    feature_columns,
    feature_ids,
    features,
    lexicon,
    parse_sentence,
    scope,
)
from analysis.targeted import load_model

# --- the sentence parse ------------------------------------------------------------------------


def _old_parse_sentence(sentence: str, offset: int = 0) -> SentenceParse:
    """target_features.parse_sentence before session 15 (the valence rules run on every
    sentence, quotation marks looked for among the tokens)."""
    starts, ends, lower = _tokenise(sentence)
    n = len(lower)
    if not n:
        parse = object.__new__(SentenceParse)
        empty = (offset, *(((),) * 13))
        _set_attribute(parse, "__dict__", dict(zip(_FIELDS, empty, strict=True)))
        return parse
    infos = list(map(_TOKEN_INFO.__getitem__, lower))
    columns = zip(*infos, strict=True)
    is_word, vec_row, clause_step, segment_step, candidate, negation = columns
    positions = range(n)
    val, raw, neg = _valences(lower, is_word, compress(positions, candidate), negation, candidate)
    clause = accumulate(clause_step)
    quote = [False] * n
    if not QUOTE_CHARS.isdisjoint(lower):
        marks = _positions(lower, QUOTE_CHARS)
        steps = list(clause_step)
        for i in marks:
            steps[i] += 1
        clause = accumulate(steps)
        inside = False
        for i, stop in zip(marks, [*marks[1:], n], strict=True):
            inside = not inside if lower[i] == '"' else lower[i] == "“"
            if inside:
                quote[i:stop] = repeat(True, stop - i)
    parse = object.__new__(SentenceParse)
    _set_attribute(
        parse,
        "__dict__",
        {
            "offset": offset,
            "starts": tuple(starts),
            "ends": tuple(ends),
            "lower": tuple(lower),
            "is_word": is_word,
            "valence": tuple(val),
            "raw_valence": tuple(raw),
            "negated": tuple(neg),
            "clause": tuple(clause),
            "segment": tuple(accumulate(segment_step)) if 1 in segment_step else (0,) * n,
            "in_quote": tuple(quote),
            "vec_row": vec_row,
            "valenced": tuple(compress(positions, val)),
            "negations": tuple(compress(positions, negation)) if True in negation else (),
        },
    )
    return parse


_FIELDS = tuple(SentenceParse.__dataclass_fields__)

# words with and without a valence, boosters, negations, contrast and clause words, marks of
# every kind (the three quotation marks among them, alone and inside chunks), odd characters
_PIECES = [
    "The", "minister", "praised", "good", "bad", "not", "never", "very", "kind", "of", "no",
    "least", "at", "but", "because", "said", "well-known", "self-defeating", "half-good",
    "don't", "isn't", "Trump’s", "trump's", ",", ";", ":", "(", ")", "—", '"', "“", "”",
    "“Great", "wins.”", '"bad"', "'", "’", "«oui»", "x_y", "_", "İstanbul", "Straße", "3.5",
    "U.S.", "…", "!", "?", "crackdown", "hailed", "scathing", "ǅ", "ΣΑΣ",
]  # fmt: skip


def _bits(parse: SentenceParse) -> dict:
    """A parse's fields, floats by their bits (so that 0.0 and −0.0 differ)."""
    fields = {}
    for name, value in vars(parse).items():
        if isinstance(value, tuple):
            value = tuple(
                (type(v), math.copysign(1.0, v), v.hex()) if isinstance(v, float) else (type(v), v)
                for v in value
            )
        fields[name] = value
    return fields


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "", "  ", "\t", "\n"])),
        max_size=16,
    ),
    st.sampled_from(["", " "]),
    st.integers(0, 500),
)
def test_parse_is_the_old_parse(pieces, around, offset):
    sentence = around + "".join(p + sep for p, sep in pieces) + around
    got, expected = parse_sentence(sentence, offset), _old_parse_sentence(sentence, offset)
    assert list(vars(got)) == list(vars(expected))  # the fields in order, as the dataclass has
    assert _bits(got) == _bits(expected)


def test_parse_hand_checked():
    parse = parse_sentence("He said “the plan is not good” and left.", 7)
    assert parse.offset == 7
    words = ("he", "said", "“", "the", "plan", "is", "not", "good", "”", "and", "left", ".")
    assert parse.lower == words
    assert parse.in_quote == (False, False, *(True,) * 6, False, False, False, False)
    good = parse.lower.index("good")
    assert parse.valenced == (good,) and parse.negated[good]
    assert parse.raw_valence[good] == 1.9 and parse.valence[good] == pytest.approx(1.9 * -0.74)
    # no word that may carry a valence: zeros, no valenced tokens
    plain = parse_sentence("The minister left the room.")
    assert plain.valence == plain.raw_valence == (0.0,) * 6
    assert plain.negated == (False,) * 6 and plain.valenced == ()
    assert plain.in_quote == (False,) * 6


# --- the mention features --------------------------------------------------------------------


class _OldIds(NamedTuple):
    """target_features.FeatureIds before session 15 (no fixed columns)."""

    index: dict[str, int]
    words: tuple[dict[str, int], ...]


def _old_feature_columns(
    parse: SentenceParse, sc: Scope, ids: _OldIds, cols: list[int], values: list[float]
) -> float:
    """target_features.feature_columns before session 15 (every fixed feature's column looked
    up by name for each mention, the scope's fields read by name, the target's own valence
    summed over a slice)."""
    get = ids.index.get
    l1, r1, l2, r2, l3, r3, t_ids, p_ids, ag_ids = ids.words
    low, val, n = parse.lower, parse.valence, len(parse.lower)
    a, b = sc.a, sc.b
    anchor = (a if a < n - 1 else n - 1) if n else 0  # builtin min/max cost a call each
    t_clause = parse.clause[anchor] if n else 0
    t_segment = parse.segment[anchor] if n else 0
    t_quote = parse.in_quote[anchor] if n else False
    clause, segment, in_quote = parse.clause, parse.segment, parse.in_quote

    total_pos = total_neg = 0.0
    sums: dict[str, float] = {}
    sget = sums.get
    said = sc.said
    for i in parse.valenced:
        if a <= i < b:
            continue
        v = val[i] / 4.0
        pos = v > 0
        if pos:
            total_pos += v
        else:
            total_neg += v
        left = i < a
        if left:
            d = a - i
            name = _LEFT_NAMES[d if d < 11 else 11][0 if pos else 1]
        else:
            d = i - b + 1
            name = _RIGHT_NAMES[d if d < 11 else 11][0 if pos else 1]
        sums[name] = sget(name, 0.0) + v
        w = _DECAY[d] if d < 64 else math.exp(-(d - 1) / 4.0)
        if i in said:
            name = "d:said_p" if pos else "d:said_n"
            sums[name] = sget(name, 0.0) + v
            continue
        if segment[i] == t_segment:
            name = "d:seg_p" if pos else "d:seg_n"
            sums[name] = sget(name, 0.0) + v * w
            if clause[i] == t_clause:
                name = "d:clause_p" if pos else "d:clause_n"
                sums[name] = sget(name, 0.0) + v
        else:
            if left:
                name = "d:other_before_p" if pos else "d:other_before_n"
            else:
                name = "d:other_after_p" if pos else "d:other_after_n"
            sums[name] = sget(name, 0.0) + v
        if in_quote[i] and not t_quote:
            name = "d:quote_p" if pos else "d:quote_n"
            sums[name] = sget(name, 0.0) + v
        sums["d:dist_w"] = sget("d:dist_w", 0.0) + v * w
    s = (total_pos + total_neg) * 4.0
    cols.append(get("bias", -1))
    cols += map(get, sums, repeat(-1))
    cols += (get("d:sent_pos", -1), get("d:sent_neg", -1), get("d:compound", -1))
    values.append(1.0)
    values += sums.values()
    values += (total_pos, total_neg, s / math.sqrt(s * s + 15.0))
    own = sum(val[a:b]) / 4.0
    if own:
        cols.append(get("d:own", -1))
        values.append(own)

    object_of = possessive = passive = 0.0
    j = a - 1
    while j >= 0 and low[j] in SKIPPABLE:
        j -= 1
    if j >= 0 and low[j] in _PREP_SET:
        prep = low[j]
        v = _first_valenced(parse, range(j - 1, j - 4 if j > 3 else -1, -1), t_clause)
        if v:
            cols.append(get("d:prep_" + prep, -1))
            values.append(v / 4.0)
        cols.append(p_ids.get(prep, -1))
        values.append(1.0)
        if j >= 1:
            cols.append(get(f"pw:{prep}_{low[j - 1]}", -1))
            values.append(1.0)
    elif j >= 0 and val[j] and clause[j] == t_clause:
        object_of = val[j] / 4.0
        cols.append(get("d:object_of", -1))
        values.append(object_of)
    if b < n and low[b] == "'s":
        v = _first_valenced(parse, range(b + 1, b + 4 if b + 4 < n else n), t_clause)
        if v:
            possessive = v / 4.0
            cols.append(get("d:possessive", -1))
            values.append(possessive)
        cols.append(get("poss", -1))
        values.append(1.0)
    k = b
    while k < n and low[k] in ADVERB_SKIP:
        k += 1
    if k < n and low[k] in BE_VERBS:
        while k < n and (low[k] in BE_VERBS or low[k] in ADVERB_SKIP or low[k] in SKIPPABLE):
            k += 1
        v = _first_valenced(parse, range(k, k + 3 if k + 3 < n else n), t_clause)
        if v:
            passive = v / 4.0
            cols.append(get("d:passive", -1))
            values.append(passive)
    elif k < n and val[k] and clause[k] == t_clause:
        cols.append(get("d:agent_of", -1))
        values.append(val[k] / 4.0)
        if k + 1 < n:
            cols.append(ag_ids.get(low[k], -1))
            values.append(1.0)
    contrast_role = 0.0
    role = object_of + possessive + passive
    if role:
        across = sum(v for k, v in sums.items() if k.startswith("d:other_"))
        if role * across < 0:
            contrast_role = role
            cols += (get("d:contrast_role", -1), get("d:contrast_other", -1))
            values += (role, across)
    if sc.is_speaker:
        cols.append(get("speaker", -1))
        values.append(1.0)
    if t_quote:
        cols.append(get("in_quote", -1))
        values.append(1.0)
    if parse.negations:
        negs = sum(1 for i in parse.negations if i < a and clause[i] == t_clause)
        if negs:
            cols.append(get("d:neg_before", -1))
            values.append(2.0 if negs > 2 else float(negs))
    cols.append(get("d:position", -1))
    values.append(a / (n if n > 1 else 1))
    if a == 0:
        cols.append(get("first", -1))
        values.append(1.0)

    if a >= 1:
        cols.append(l1.get(low[a - 1], -1))
        values.append(1.0)
    if b < n:
        cols.append(r1.get(low[b], -1))
        values.append(1.0)
    if a >= 2:
        cols.append(l2.get(low[a - 2], -1))
        values.append(1.0)
    if b + 1 < n:
        cols.append(r2.get(low[b + 1], -1))
        values.append(1.0)
    if a >= 3:
        cols.append(l3.get(low[a - 3], -1))
        values.append(1.0)
    if b + 2 < n:
        cols.append(r3.get(low[b + 2], -1))
        values.append(1.0)
    if a >= 2:
        cols.append(get(f"lb:{low[a - 2]}_{low[a - 1]}", -1))
        values.append(1.0)
    if b + 1 < n:
        cols.append(get(f"rb:{low[b]}_{low[b + 1]}", -1))
        values.append(1.0)
    if b - a == 1:
        cols.append(t_ids.get(low[a], -1))
        values.append(1.0)
    elif b > a:
        target = low[a:b]
        for tok in dict.fromkeys(target) if len(set(target)) < len(target) else target:
            cols.append(t_ids.get(tok, -1))
            values.append(1.0)
    return contrast_role


def _old_features(parse: SentenceParse, start: int, end: int) -> dict[str, float]:
    """target_features.features before session 15, over the old columns."""
    sc = scope(parse, start, end)
    index = _NameRecorder()
    ids = _OldIds(index, tuple(_PrefixedNames(p + ":", index) for p in _WORD_PREFIXES))
    cols: list[int] = []
    values: list[float] = []
    _old_feature_columns(parse, sc, ids, cols, values)
    names = list(index)
    return {names[col]: value for col, value in zip(cols, values, strict=True)}


def _float_bits(values: list) -> list:
    return [
        (type(v), math.copysign(1.0, v), v.hex()) if isinstance(v, float) else v for v in values
    ]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=16),
    st.data(),
)
def test_feature_columns_are_the_old_columns(words, data):
    sentence = " ".join(words)
    parse = parse_sentence(sentence)
    start = data.draw(st.integers(0, len(sentence) - 1))
    end = data.draw(st.integers(start + 1, len(sentence)))
    sc = scope(parse, start, end)
    ids = load_model()["feature_ids"]
    got_cols: list[int] = []
    got_values: list[float] = []
    role = feature_columns(parse, sc, ids, got_cols, got_values)
    cols: list[int] = []
    values: list[float] = []
    old_role = _old_feature_columns(parse, sc, _OldIds(ids.index, ids.words), cols, values)
    assert got_cols == cols
    assert _float_bits(got_values) == _float_bits(values)
    assert _float_bits([role]) == _float_bits([old_role])
    got, expected = features(parse, start, end), _old_features(parse, start, end)
    assert list(got) == list(expected)  # the names in order, as training reads them
    assert _float_bits(list(got.values())) == _float_bits(list(expected.values()))


def test_fixed_columns_hand_checked():
    model = load_model()
    ids = model["feature_ids"]
    assert ids.fixed == tuple(model["index"][name] for name in _FIXED_NAMES)
    assert feature_ids({"bias": 3, "l1:the": 5}).fixed == (3, -1, -1, -1, -1)
    parse = parse_sentence("The minister praised the rebels.")
    feats = features(parse, 4, 12)  # "minister"
    assert list(feats)[:1] == ["bias"] and feats["d:position"] == 1 / 6
    assert feats["d:sent_pos"] == lexicon()["praised"] / 4  # 2.2 / 4
    assert feats["d:sent_neg"] == lexicon()["rebels"] / 4  # −0.8 / 4


def test_pair_columns_are_the_index_columns():
    """Every two-word feature of the model is found through FeatureIds.pairs (exhaustive over
    the shipped model's names), and a name the index lacks is not."""
    model = load_model()
    ids = model["feature_ids"]
    found = 0
    for name, col in model["index"].items():
        prefix, _, words = name.partition(":")
        if prefix in _PAIR_PREFIXES:
            first, _, second = words.partition("_")
            assert ids.pairs[_PAIR_PREFIXES.index(prefix)][first][second] == col
            found += 1
    assert found > 100
    lb, rb, pw = feature_ids({"lb:the_new": 4, "pw:of_support": 7, "r1:x": 1}).pairs
    assert lb == {"the": {"new": 4}} and rb == {} and pw == {"of": {"support": 7}}
    # the recorder's view: the name is built only for training
    sentence = "He spoke in support of the plan today."
    start = sentence.index("plan")
    feats = features(parse_sentence(sentence), start, start + 4)
    assert {"lb:of_the", "rb:today_.", "pw:of_support"} <= set(feats)


# --- the mention's scope ---------------------------------------------------------------------


_SPEECH = ["according", "to", "says", "has", "also", "Ann", "Bob"]


def _old_scope(parse: SentenceParse, start: int, end: int) -> Scope:
    """target_features.scope before session 15 (a mention that is no speaker went through the
    clipping of an empty range)."""
    n = len(parse.lower)
    # the target's tokens (:func:`target_tokens`): the first token ending after the span
    # starts up to the first starting at or after its end
    a = bisect_right(parse.ends, start)
    b = bisect_left(parse.starts, end)
    if b <= a:
        b = a
    if not n:
        return Scope(a, b, 0, 0, 0, 0, 0, False, range(0))
    segment = parse.segment
    if segment[-1]:
        seg = segment[a if a < n - 1 else n - 1]  # conditionals: builtin min/max cost a call
        lo, hi = bisect_left(segment, seg), bisect_right(segment, seg)
        lo, hi = (lo if lo < a else a), (hi if hi > b else b)
    else:  # one segment (no contrast word, most sentences): the whole sentence (b <= n)
        lo, hi = 0, n
    # whether the target is the speaker of a reporting verb, and the tokens of what it says
    low = parse.lower
    j = b
    while j < n and j < b + 3 and (low[j] in ADVERB_SKIP or low[j] in ("has", "had", ",")):
        j += 1
    if j < n and low[j] in SAY_VERBS and low[j] != "according":
        is_speaker = True
        # three words or more after the verb: what follows it; else what precedes the target
        said = range(j + 1, n) if sum(parse.is_word[j + 1 :]) >= 3 else range(0, a)
    else:
        # "..., said X." / "according to X"
        k = a - 1
        if k >= 1 and low[k] == "to" and low[k - 1] == "according":
            is_speaker, said = True, range(0, k - 1)
        elif k >= 0 and low[k] in SAY_VERBS and (b >= n or not parse.is_word[b]):
            is_speaker, said = True, range(0, k)
        else:
            is_speaker, said = False, range(0)
    s_lo = said.start if said.start > lo else lo
    s_hi = (said.stop if said.stop < hi else hi) if said else lo
    return Scope(a, b, n, lo, hi, s_lo, s_hi if s_hi > s_lo else s_lo, is_speaker, said)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from([*_PIECES, "according", "to", "says", "has", "also"]), max_size=16),
    st.data(),
)
def test_scope_is_the_old_scope(words, data):
    sentence = " ".join(words)
    parse = parse_sentence(sentence)
    start = data.draw(st.integers(0, max(len(sentence) - 1, 0)))
    end = data.draw(st.integers(start, max(len(sentence), start)))
    got, expected = scope(parse, start, end), _old_scope(parse, start, end)
    assert type(got) is Scope and got == expected


def test_scope_hand_checked():
    sentence = "Ann praised Bob, but Carl said the plan failed."
    parse = parse_sentence(sentence)
    bob = scope(parse, sentence.index("Bob"), sentence.index("Bob") + 3)
    assert bob == Scope(2, 3, 11, 0, 4, 0, 0, False, range(0))  # no speaker: nothing said
    carl = scope(parse, sentence.index("Carl"), sentence.index("Carl") + 4)
    assert carl.is_speaker and carl.said == range(7, 11) and (carl.said_lo, carl.said_hi) == (7, 11)
