"""Session 8, cue side: the classifier accepts at 0.43, judges which phrases to try at 0.4, and a
sentence without an accepted cue takes its best candidate within 0.5 log-odds of the threshold."""

import math
import sys
from pathlib import Path

from analysis import attribution as rules
from analysis import find_attributions
from analysis.attribution_lexicon import cue_model


def _attrs(text: str) -> list[tuple[str, str, str]]:
    table = find_attributions(text)
    return [
        (row.source_text, row.cue_text, row.content_text)
        for row in table[["source_text", "cue_text", "content_text"]].itertuples()
    ]


def _training_script():
    root = Path(__file__).resolve().parent.parent / "scripts"
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    import train_attribution_cues

    return train_attribution_cues


def test_shipped_model_accepts_above_the_threshold_it_prunes_at():
    model = cue_model()
    assert model["threshold"] == 0.43
    assert model["prune_threshold"] == 0.4
    assert rules.SOLO_MARGIN == 0.5


def test_pruning_share_is_measured_at_the_pruning_threshold():
    """One candidate in five at probability 0.415 is a 20% accept share at 0.4 (the phrase stays
    a candidate) and none at 0.43 (it would be dropped)."""
    script = _training_script()
    z_accepted = math.log(0.415 / 0.585)
    phrases = ["made up phrase"] * 5
    scores = [z_accepted, -3.0, -3.0, -3.0, -3.0]
    some_at_prune, _ = script.accepted_phrases(phrases, scores, script.PRUNE_THRESHOLD)
    some_at_accept, _ = script.accepted_phrases(phrases, scores, script.THRESHOLD)
    assert "made up phrase" in some_at_prune
    assert "made up phrase" not in some_at_accept


def test_lone_candidate_within_the_margin_is_the_sentence_cue(monkeypatch):
    """*want* scores 0.43 log-odds below the 0.43 threshold here (the shipped model, checked by
    hand): the sentence has no other candidate, so it is the cue inside the 0.5 margin, not
    inside 0.4."""
    text = "Farmers want higher pay."
    assert _attrs(text) == [("Farmers", "want", "higher pay")]
    monkeypatch.setattr(rules, "SOLO_MARGIN", 0.4)
    assert _attrs(text) == []
