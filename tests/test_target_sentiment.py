from __future__ import annotations

import hashlib
import importlib.util
import json
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import InputError
from analysis.paths import PROJECT_ROOT
from analysis.target_features import (
    TOKEN_RE,
    VECTORS_PATH,
    _tokenise,
    feature_columns,
    features,
    parse_sentence,
    scope,
    vector_block,
    word_vectors,
)
from analysis.targeted import (
    MODEL_PATH,
    TargetSentiment,
    _Segmenter,
    _target_scores,
    load_model,
    rule_sentiment,
    target_sentiment,
    target_sentiments,
)

EXAMPLE = "The minister praised the rebels but condemned the government’s brutal crackdown"


def span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def about(text: str, word: str, scorer=target_sentiment) -> TargetSentiment:
    return scorer(text, *span(text, word))


# --- the example and hand-checked scope cases ---------------------------------------


@pytest.mark.parametrize("scorer", [target_sentiment, rule_sentiment])
def test_praised_rebels_condemned_government(scorer):
    assert about(EXAMPLE, "rebels", scorer).label == "positive"
    assert about(EXAMPLE, "government", scorer).label == "negative"


def test_sentence_vader_cannot_tell_them_apart():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    assert SentimentIntensityAnalyzer().polarity_scores(EXAMPLE)["compound"] == pytest.approx(
        -0.8689, abs=1e-4
    )


@pytest.mark.parametrize("scorer", [target_sentiment, rule_sentiment])
@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("The senator was praised for her courage.", "senator", "positive"),
        ("The senator was criticised for her handling of the crisis.", "senator", "negative"),
        ("The company’s failure shocked investors.", "company", "negative"),
        ("Voters admired Smith but despised Jones.", "Smith", "positive"),
        ("Voters admired Smith but despised Jones.", "Jones", "negative"),
        ("The report was released on Monday by the ministry.", "ministry", "neutral"),
    ],
)
def test_hand_checked_roles(scorer, text, word, label):
    assert about(text, word, scorer).label == label


def test_negation_flips_valence_like_vader():
    parse = parse_sentence("Critics did not praise Johnson.")
    praise = parse.lower.index("praise")
    # VADER: praise 2.6, one negation in the three words before → 2.6 × −0.74
    assert parse.valence[praise] == pytest.approx(-1.924)
    assert parse.negated[praise]
    assert about("Critics did not praise Johnson.", "Johnson", rule_sentiment).label == "negative"


def test_tokens_keep_offsets_when_lower_casing_changes_length():
    # "İ".lower() is two code points; offsets must still point into the original text
    text = "İstanbul’s mayor praised Ankara"
    parse = parse_sentence(text)
    tokens = zip(parse.starts, parse.ends, parse.lower, strict=True)
    pairs = [(text[s:e], tok) for s, e, tok in tokens]
    assert pairs[:3] == [("İstanbul", "istanbul"), ("’s", "'s"), ("mayor", "mayor")]
    assert pairs[-1] == ("Ankara", "ankara")


def test_tokeniser_offsets_with_one_or_more_spaces_between_words():
    # one space between words: offsets by arithmetic; more (or a tab, or a leading space): searched
    assert _tokenise("Ann met Bob.") == ([0, 4, 8, 11], [3, 7, 11, 12], ["ann", "met", "bob", "."])
    assert _tokenise("Ann  met\tBob.") == (
        [0, 5, 9, 12],
        [3, 8, 12, 13],
        ["ann", "met", "bob", "."],
    )
    assert _tokenise(" Ann") == ([1], [4], ["ann"])


def test_every_possessive_splits_and_keeps_its_offsets():
    text = "Trump’s aide and Putin's ally"
    parse = parse_sentence(text)
    assert parse.lower == ("trump", "'s", "aide", "and", "putin", "'s", "ally")
    slices = [text[s:e] for s, e in zip(parse.starts, parse.ends, strict=True)]
    assert slices == ["Trump", "’s", "aide", "and", "Putin", "'s", "ally"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1É_'’-,.“” \t\nİß")), max_size=40))
def test_tokeniser_matches_the_plain_regex(text):
    """The chunked tokeniser gives TOKEN_RE's tokens and offsets (then splits "'s")."""
    low = "".join(ch.lower()[:1] or ch for ch in text).replace("’", "'")
    expected = []
    for m in TOKEN_RE.finditer(low):
        tok, s, e = m.group(), m.start(), m.end()
        if len(tok) > 2 and tok.endswith("'s"):
            expected += [(tok[:-2], s, e - 2), ("'s", e - 2, e)]
        else:
            expected.append((tok, s, e))
    starts, ends, lower = _tokenise(text)
    assert list(zip(lower, starts, ends, strict=True)) == expected


def test_mention_across_a_sentence_boundary_reads_both_sentences():
    text = "Ann praised Bob. Carl hated Dan. Eve left."
    start, end = text.index("Bob"), text.index("Carl") + len("Carl")
    parse = _Segmenter(text).sentence(start, end)
    assert parse.offset == 0
    assert parse.lower == ("ann", "praised", "bob", ".", "carl", "hated", "dan", ".")


def test_mention_without_a_token_anchors_at_the_next_word():
    # "_" is neither a word nor punctuation: the target is the empty range before "yesterday";
    # evidence is ordered by distance to it (praised 2 tokens back, critics 3)
    text = "Critics praised the plan _ yesterday."
    start = text.index("_")
    single = target_sentiment(text, start, start + 1)
    assert single.evidence == ("praised", "critics")
    batch = target_sentiments(text, [(0, 7), (start, start + 1)])
    assert (batch[1].label, batch[1].evidence) == (single.label, single.evidence)
    assert batch[1].score == pytest.approx(single.score, abs=1e-12)


def test_booster_raises_valence_like_vader():
    parse = parse_sentence("It was a very good plan.")
    assert parse.valence[parse.lower.index("good")] == pytest.approx(1.9 + 0.293)


def test_reported_speech_is_the_speakers_view_not_about_the_speaker():
    text = "Smith said the plan was a disaster."
    speaker = about(text, "Smith", rule_sentiment)
    plan = about(text, "plan", rule_sentiment)
    assert plan.label == "negative"
    assert abs(speaker.score) < abs(plan.score) / 2
    assert about(text, "Smith").label == "neutral"


def test_possessive_split_and_evidence():
    result = about(EXAMPLE, "government")
    assert "brutal" in result.evidence
    assert "praised" not in result.evidence  # across "but": not about the government


def test_feature_columns_hand_checked_contrast_role():
    # "condemned the government" (−1.9 / 4) and "government's brutal" (−3.1 / 4) are bound to
    # the target; across "but", "praised" (+2.2 / 4) and "rebels" (−0.8 / 4) sum to +0.35
    parse = parse_sentence(EXAMPLE)
    start, end = span(EXAMPLE, "government")
    cols: list[int] = []
    values: list[float] = []
    role = feature_columns(
        parse, scope(parse, start, end), load_model()["feature_ids"], cols, values
    )
    assert role == pytest.approx(-0.475 - 0.775)
    assert values[0] == 1.0 and values[-1] == 1.0  # "bias" first, "t:government" last
    assert len(cols) == len(values) == 29


def test_feature_names_hand_checked():
    # 12 tokens ("government" is the 9th, "’s" its own token); valences are VADER's / 4:
    # praised +2.2, rebels −0.8, condemned −1.9, brutal −3.1
    parse = parse_sentence(EXAMPLE)
    feats = features(parse, *span(EXAMPLE, "government"))
    assert next(iter(feats)) == "bias"
    assert feats["d:object_of"] == -0.475  # "condemned the government"
    assert feats["d:possessive"] == -0.775 and feats["poss"] == 1.0  # "government’s brutal"
    assert feats["d:contrast_role"] == pytest.approx(-1.25)
    assert feats["d:contrast_other"] == pytest.approx(0.55 - 0.2)  # across "but"
    assert feats["d:sent_pos"] == 0.55 and feats["d:sent_neg"] == pytest.approx(-1.95)
    assert feats["d:position"] == pytest.approx(8 / 12)
    for name in ("l1:the", "l2:condemned", "l3:but", "r2:brutal", "t:government"):
        assert feats[name] == 1.0


@pytest.mark.parametrize(
    "words",
    [("Trump", "NATO", "Putin", "alliance"), ("rebels", "government", "minister")],
)
def test_feature_columns_are_the_feature_dictionary_in_order(seed_article, words):
    """The model's columns (through feature_ids' word tables) are the columns of features()'
    names, entry by entry and in order (the batch sums weights in this order, so only the same
    order gives the same logits)."""
    model = load_model()
    extra = " “Ann and Ann’s plan,” said Bob, was not bad at all; Carl denied it, but Dan lied."
    text = seed_article.text + "\n" + EXAMPLE + "." + extra
    spans = [span(text, w) for w in words] + [span(text, "Ann and Ann"), span(text, "Bob")]
    spans += [span(text, "Carl"), span(text, "Dan"), span(text, "plan")]
    segmenter = _Segmenter(text)
    for start, end in spans:
        parse = segmenter.sentence(start, end)
        s, e = start - parse.offset, end - parse.offset
        sc = scope(parse, s, e)
        feats = features(parse, s, e, sc)
        cols: list[int] = []
        values: list[float] = []
        role = feature_columns(parse, sc, model["feature_ids"], cols, values)
        assert cols == [model["index"].get(name, -1) for name in feats]
        assert values == list(feats.values())
        assert role == feats.get("d:contrast_role", 0.0)


# --- sentence or whole article ---------------------------------------------------------------


def test_article_text_gives_the_same_as_the_sentence():
    article = (
        "A headline without a full stop\n"
        "First paragraph. It has two sentences.\n"
        f"Earlier text here. {EXAMPLE}. Later the rebels left.\n"
    )
    offset = article.index(EXAMPLE)
    for word in ("rebels", "government"):
        s, e = span(EXAMPLE, word)
        in_article = target_sentiment(article, s + offset, e + offset)
        alone = target_sentiment(EXAMPLE, s, e)
        assert in_article.label == alone.label
        assert in_article.score == pytest.approx(alone.score, abs=0.05)
        assert (in_article.start, in_article.end) == (s + offset, e + offset)


def test_batch_equals_single_calls(seed_article):
    text = seed_article.text
    spans = [span(text, w) for w in ("Trump", "NATO", "Putin", "Macron", "alliance")]
    batch = target_sentiments(seed_article, spans)
    for got, single in zip(batch, [target_sentiment(text, s, e) for s, e in spans], strict=True):
        # prefix sums over a different batch differ only in the last bits
        assert (got.label, got.evidence, got.start, got.end) == (
            single.label,
            single.evidence,
            single.start,
            single.end,
        )
        assert got.score == pytest.approx(single.score, abs=1e-9)


def test_batch_is_fast(seed_article):
    text = seed_article.text
    spans = [(s.start, s.start + 5) for s in seed_article.sentences] * 20
    target_sentiments(text, spans[:2])  # load the model and lexicon
    t0 = time.perf_counter()
    target_sentiments(text, spans)
    per_mention = (time.perf_counter() - t0) / len(spans)
    assert per_mention < 0.002  # aim 0.5 ms; generous for slow CI machines


# --- input validation and invariants --------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end"), [(-1, 3), (5, 5), (6, 2), (0, 10_000), (3, 4.5), (True, 3)]
)
def test_invalid_offsets_raise(start, end):
    with pytest.raises(InputError):
        target_sentiment(EXAMPLE, start, end)
    with pytest.raises(InputError):
        target_sentiments(EXAMPLE, [(0, 3), (start, end)])


def test_blank_mention_and_non_text_raise():
    with pytest.raises(InputError):
        target_sentiment("Hello   world", 5, 8)
    with pytest.raises(InputError):
        target_sentiment(b"bytes", 0, 2)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=200), st.data())
def test_scores_in_range_and_probabilities_sum_to_one(text, data):
    if not text.strip():
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    if not text[start:end].strip():
        return
    for scorer in (target_sentiment, rule_sentiment):
        result = scorer(text, start, end)
        assert -1.0 <= result.score <= 1.0
        assert result.label in ("negative", "neutral", "positive")
        assert sum(result.probabilities.values()) == pytest.approx(1.0)
    result = target_sentiment(text, start, end)
    assert result.label == max(result.probabilities, key=result.probabilities.get)


# --- the shipped model ------------------------------------------------------------------------


def test_model_file_is_small_and_documented():
    assert MODEL_PATH.stat().st_size < 2_000_000
    assert VECTORS_PATH.stat().st_size < 3_000_000
    doc = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert doc["labels"] == ["negative", "neutral", "positive"]
    assert len(doc["features"]) == len(doc["weights"])
    for key in ("data_sha256", "split", "trained_on", "n_train_targets", "word_vectors"):
        assert key in doc["provenance"]
    assert {"kind", "C", "class_weight", "min_count", "vector_scale"} <= set(doc["hyperparameters"])
    vectors = doc["vectors"]
    assert vectors["sha256"] == hashlib.sha256(VECTORS_PATH.read_bytes()).hexdigest()
    assert len(doc["vector_weights"]) == len(vectors["views"]) * vectors["dims"]
    with np.load(VECTORS_PATH) as data:
        provenance = json.loads(str(data["provenance"]))
        assert "Apache-2.0" in provenance["model"]
        assert data["codes"].dtype == np.int8
        assert data["codes"].shape == (len(data["words"]), vectors["dims"])


def test_word_vectors_know_words_beyond_the_training_data():
    index, matrix = word_vectors()
    # MiniLM's own vocabulary is embedded too, so unseen words still carry meaning
    assert {"praised", "condemned", "wonderful", "atrocious"} <= set(index)
    unit = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)

    def cos(a: str, b: str) -> float:
        return float(unit[index[a]] @ unit[index[b]])

    assert cos("praised", "lauded") > cos("praised", "condemned")
    assert cos("terrible", "awful") > cos("terrible", "table")


def _training_script():
    path = PROJECT_ROOT / "scripts" / "train_target_sentiment.py"
    spec = importlib.util.spec_from_file_location("train_target_sentiment", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_shipped_model_matches_the_training_script(shared_dir):
    from analysis.validation import newsmtsc

    doc = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data = newsmtsc.data_path(shared_dir)
    assert doc["provenance"]["data_sha256"] == newsmtsc.file_sha256(data)
    script = _training_script()
    hyper = {k: doc["hyperparameters"][k] for k in script._hyper("nbsvm", 0.0)}
    train_part, _ = newsmtsc.split(newsmtsc.load_examples(shared_dir))
    refit = script.train(train_part, hyper)
    # same features in the same order, weights equal up to the optimiser's tolerance
    assert script._same_weights(refit, doc, script.CHECK_TOLERANCE)


def _script_probabilities(script, doc: dict, parse, start: int, end: int) -> np.ndarray:
    """The class probabilities the training script's feature dict and the JSON weights give a
    target (start, end in the text): the reference the fast inference paths must match."""
    index = {name: i for i, name in enumerate(doc["features"])}
    weights, vector_weights = np.asarray(doc["weights"]), np.asarray(doc["vector_weights"])
    s, e = start - parse.offset, end - parse.offset
    feats = script.example_features(parse, s, e)
    logits = np.asarray(doc["intercept"]) + vector_block(parse, s, e) @ vector_weights
    logits += sum(v * weights[index[k]] for k, v in feats.items() if k in index)
    logits += 4.0 * feats.get("d:contrast_role", 0.0) * np.array([-1.0, 0.0, 1.0])
    probs = np.exp(logits - logits.max())
    return probs / probs.sum()


def test_batch_path_equals_the_training_features(seed_article):
    """The prefix-sum inference gives the logits of the training script's feature dicts."""
    script = _training_script()
    doc = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    text = seed_article.text + "\n" + EXAMPLE + ". Critics did not praise Johnson, who lied."
    spans = [span(text, w) for w in ("Trump", "NATO", "Putin", "alliance", "rebels", "Johnson")]
    offset = text.index(EXAMPLE)
    spans += [(s + offset, e + offset) for s, e in (span(EXAMPLE, "government"),)] + [(0, 3)]
    segmenter = _Segmenter(text)
    for (start, end), result in zip(spans, target_sentiments(text, spans), strict=True):
        probs = _script_probabilities(script, doc, segmenter.sentence(start, end), start, end)
        assert list(result.probabilities.values()) == pytest.approx(probs.tolist(), abs=1e-6)


@pytest.mark.shared
def test_recorded_dev_scores_are_reproduced_and_beat_vader(shared_dir):
    from analysis.validation import newsmtsc

    recorded = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["metrics"]["dev"]
    _, dev = newsmtsc.split(newsmtsc.load_examples(shared_dir))
    model = newsmtsc.evaluate(dev, newsmtsc.predict_model)
    vader = newsmtsc.evaluate(dev, newsmtsc.predict_vader_sentence)
    assert model == recorded["model"]
    assert vader == recorded["vader_sentence"]
    for part in ("single", "multi", "all"):
        assert model[part]["macro_f1"] > vader[part]["macro_f1"] + 0.1
    assert vader["all"]["macro_f1"] == pytest.approx(0.51, abs=0.03)  # the figure


@pytest.mark.shared
def test_split_keeps_sentences_together(shared_dir):
    from analysis.validation import newsmtsc

    examples = newsmtsc.load_examples(shared_dir)
    train_part, dev = newsmtsc.split(examples)
    assert not {ex.sentence for ex in train_part} & {ex.sentence for ex in dev}
    assert 0.12 < len(dev) / len(examples) < 0.18
    assert all(ex.sentence[ex.start : ex.end] for ex in examples)


def test_scoring_hand_computed():
    from analysis.validation.newsmtsc import score

    gold = ["negative", "negative", "neutral", "positive"]
    pred = ["negative", "neutral", "neutral", "negative"]
    result = score(gold, pred)
    # F1 negative = 2·(1/2)(1/2)/(1) = 0.5; neutral = 2·(1/2)(1)/(1.5) = 2/3; positive = 0
    assert result["macro_f1"] == pytest.approx((0.5 + 2 / 3 + 0) / 3, abs=1e-4)
    assert result["accuracy"] == 0.5
    assert result["confusion"] == [[1, 1, 0], [0, 1, 0], [1, 0, 0]]


def test_scores_are_the_batch_scores_and_labels(seed_article):
    text = seed_article.text
    spans = [span(text, w) for w in ("Trump", "NATO", "Putin", "Macron", "alliance")]
    full = target_sentiments(seed_article, spans)
    assert _target_scores(seed_article, spans) == [(r.score, r.label) for r in full]
    assert _target_scores(text, []) == []


def test_bag_words_without_a_vector_are_looked_up_by_name(seed_article):
    """The batch reads a word's bag weights through its vector row; a model whose bag words
    lack a vector ("zzqx-evil" is in no vocabulary) still gets their weights, plain and negated."""
    from analysis.targeted import model_from_json, predict_batch

    script = _training_script()
    doc = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    extra = {
        "w:zzqx-evil": [0.5, -0.25, 1.0],
        "nw:zzqx-evil": [-2.0, 0.0, 0.75],
        "s:zzqx-evil": [0.0, 1.5, 0.0],
    }
    doc["features"] += list(extra)
    doc["weights"] += list(extra.values())
    model = model_from_json(doc)
    assert set(model["unvectored"]) == {"zzqx-evil"}
    text = "The zzqx-evil man never failed Johnson, but Smith was not zzqx-evil and blamed Jones."
    segmenter = _Segmenter(text)
    items = [
        (segmenter.sentence(s, e), s, e)
        for s, e in (span(text, w) for w in ("Johnson", "Smith", "Jones"))
    ]
    assert any(
        name.startswith("nw:zzqx-evil")
        for p, s, e in items
        for name in script.example_features(p, s - p.offset, e - p.offset)
    )
    for (parse, start, end), result in zip(items, predict_batch(items, model), strict=True):
        probs = _script_probabilities(script, doc, parse, start, end)
        assert list(result.probabilities.values()) == pytest.approx(probs.tolist(), abs=1e-6)
