"""The cue lexicon: which words signal an attribution, their lemma, part of speech and framing.

The lexicon (``analysis/data/cues.json``) is mined from PolNeAR train by ``scripts/mine_cues.py``:
every annotated cue phrase with how often it was a cue and how often the same words occur at all,
so the attribution rules can keep the phrases that are usually cues; ``cues_model.json`` holds
the weights of the classifier that accepts or rejects each candidate in context
(``scripts/train_attribution_cues.py``). Framing classes follow the
AP Stylebook ("said" is the neutral verb of attribution) and Wikipedia's Manual of Style, Words
to watch (MOS:SAID): verbs that only report are neutral; verbs that judge the statement (claim,
admit, insist, concede, reveal, hint, boast ...) or the speaker's manner are evaluative.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from analysis.paths import PACKAGE_DATA_DIR

CUES_PATH = PACKAGE_DATA_DIR / "cues.json"
FRAMING_PATH = PACKAGE_DATA_DIR / "cues_framing.json"
MODEL_PATH = PACKAGE_DATA_DIR / "cues_model.json"
CUTS_MODEL_PATH = PACKAGE_DATA_DIR / "content_cuts_model.json"
# Off while training the model: its candidates must not depend on an earlier model.
MODEL_ENABLED = True

# Words for cue matching: letters/digits with inner apostrophes ("don't", "Trump's"), or one symbol.
# Hyphenated words stay whole; two apostrophes ('') are a double quote mark in some copy.
CUE_TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|''|[^\w\s]")
_MARK_NORMS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "―": "—"})

# Irregular past forms common among reporting verbs (the rest follow the suffix rules).
IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
    "thought": "think", "saw": "see", "seen": "see", "knew": "know", "known": "know",
    "felt": "feel", "sought": "seek", "spoke": "speak", "spoken": "speak", "took": "take",
    "taken": "take", "gave": "give", "given": "give", "made": "make", "found": "find",
    "heard": "hear", "meant": "mean", "held": "hold", "began": "begin", "brought": "bring",
    "taught": "teach", "left": "leave", "went": "go", "gone": "go", "broke": "break",
    "chose": "choose", "led": "lead", "built": "build", "forgot": "forget", "swore": "swear",
    "sworn": "swear", "understood": "understand", "foresaw": "foresee", "stood": "stand",
    "got": "get", "gotten": "get", "hid": "hide", "kept": "keep", "lied": "lie",
    "read": "read", "put": "put", "cast": "cast", "let": "let", "set": "set", "bet": "bet",
    "is": "be", "was": "be", "were": "be", "are": "be", "been": "be", "has": "have",
    "had": "have", "did": "do", "does": "do", "done": "do", "according": "according",
    "wants": "want", "news": "news", "thus": "thus", "focus": "focus", "discuss": "discuss",
    "stress": "stress", "press": "press", "express": "express", "address": "address",
    "remarks": "remark", "comments": "comment", "statements": "statement",
}  # fmt: skip

# Heads that are not the lexical word of a cue phrase ("has said", "also noted", "did not deny").
FUNCTION_WORDS = frozenset(
    """a an the has have had having is was were are be been being am will would could should can
    may might must do does did not n't never also then later again further once still just even
    previously repeatedly recently reportedly publicly privately openly quickly immediately often
    first last finally initially originally long already always actually only to went on go goes
    going he she it they we i you his her its their this that these those of don't doesn't didn't
    won't wouldn't can't couldn't isn't wasn't aren't weren't hasn't haven't hadn't 's s d ll ve
    since as week month year monday tuesday wednesday thursday friday saturday sunday""".split()
)


@lru_cache(maxsize=65536)
def normalize(token: str) -> str:
    """Lower case, curly apostrophe folded, every double quote mark written '"', a horizontal
    bar (a dash in some outlets' datelines) written "—"."""
    if token == "''":
        return '"'
    if token.isascii():  # no curly apostrophe or quote mark to fold
        return token.lower()
    return token.lower().replace("’", "'").translate(_MARK_NORMS)


def lemmatize(word: str, vocabulary: dict[str, int] | None = None) -> str:
    """Lemma of an English word form by irregular table and suffix rules.

    With a ``vocabulary`` (word → frequency) the rules choose between candidate stems
    ("noted" → note, not "not"; "added" → add) by which stem is the more frequent word form.
    """
    w = normalize(word)
    if w in IRREGULAR:
        return IRREGULAR[w]
    candidates: list[str] = []
    if (w.endswith("ied") and len(w) > 4) or (w.endswith("ies") and len(w) > 4):
        candidates = [w[:-3] + "y"]
    elif w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
        candidates = [stem + "e", stem]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            candidates.append(stem[:-1])
    elif w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
        candidates = [stem + "e", stem]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            candidates.append(stem[:-1])
    elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
        candidates = [w[:-2]]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        candidates = [w[:-1]]
    if not candidates:
        return w
    if vocabulary is None:
        return _guess_stem(w, candidates)

    def score(c: str) -> int:
        return vocabulary.get(c, 0)

    # the first attested candidate: "noted" -> note (before "not"), "added" -> add (before "ad");
    # none attested ("bemoaned"): the guess without a vocabulary
    return next((c for c in candidates if score(c) > 0), None) or _guess_stem(w, candidates)


_E_STEM_RE = re.compile(r"(?:[vcz]|u|ur|[^n]g|[aei]s)$")
_CVC_RE = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")


def _guess_stem(word: str, candidates: list[str]) -> str:
    """Without a vocabulary: undo consonant doubling, restore a silent e after typical stems."""
    if not word.endswith(("ed", "ing")) or len(candidates) == 1:
        return candidates[0]
    stem = candidates[1]
    if len(candidates) > 2 and not stem.endswith("dd"):
        return candidates[2]  # planned -> plan
    if _E_STEM_RE.search(stem) or (len(stem) <= 4 and _CVC_RE.search(stem)):
        return candidates[0]  # noted -> note, believed -> believe, raised -> raise
    return stem


PREPOSITIONS = frozenset("according to in for of from about on with by as per at".split())
NOUN_SUFFIXES = ("tion", "ment", "sion", "ism", "ance", "ence", "ity", "ness", "ure", "ship")
DETERMINER_WORDS = frozenset("a an the his her their its our my your this that".split())


def part_of_speech(tokens: list[str], head: str) -> str:
    """A coarse part of speech for a cue phrase: verb, noun, preposition or punctuation."""
    if not head[:1].isalnum():
        return "punctuation"
    if tokens[0] in PREPOSITIONS and len(tokens) <= 2 and tokens[0] != "by":
        return "preposition"
    idx = tokens.index(head) if head in tokens else 0
    if idx > 0 and tokens[idx - 1] in DETERMINER_WORDS:
        return "noun"
    if head.endswith(NOUN_SUFFIXES) and not head.endswith(("ed", "ing")):
        return "noun"
    return "verb"


def head_word(tokens: list[str]) -> str:
    """The lexical word of a cue phrase: the first token that is not a function word."""
    for i, tok in enumerate(tokens):
        if tok in FUNCTION_WORDS or not tok[0].isalnum():
            continue
        if (tok.endswith("ly") or tok == "now") and i + 1 < len(tokens):
            continue  # an adverb before the verb: "fiercely opposed"
        return tok
    return tokens[-1] if tokens else ""


@dataclass(frozen=True)
class CueEntry:
    phrase: tuple[str, ...]
    lemma: str
    pos: str
    cue_class: str
    n_cue: int
    n_seen: int
    extra: bool = False
    # a word met through its vector neighbour: that mined cue's lemma ("" otherwise)
    proxy: str = ""

    @property
    def precision(self) -> float:
        return self.n_cue / self.n_seen if self.n_seen else 0.0


@cache
def framing() -> dict[str, object]:
    """The framing lexicon: neutral lemmas; everything else in the cue lexicon is evaluative."""
    return json.loads(FRAMING_PATH.read_text(encoding="utf-8"))


def cue_class(lemma: str) -> str:
    """ "neutral" for plain reporting verbs (AP: "said"), else "evaluative"."""
    return "neutral" if lemma in framing()["neutral"] else "evaluative"


@cache
def cue_lexicon() -> dict[tuple[str, ...], CueEntry]:
    """Mined cue phrases keyed by their normalised token tuple."""
    data = json.loads(CUES_PATH.read_text(encoding="utf-8"))
    out = {}
    for row in data["cues"]:
        phrase = tuple(row["phrase"].split(" "))
        out[phrase] = CueEntry(
            phrase,
            row["lemma"],
            row["pos"],
            cue_class(row["lemma"]),
            row["n_cue"],
            row["n_seen"],
            row.get("extra", False),
        )
    return out


@cache
def cue_neighbours() -> dict[str, list]:
    """Words the lexicon lacks whose nearest single-word cue in vector space is close
    (word → [that cue's phrase, cosine]), so "warns" and "observed" are tried as cues when train
    only has "warned" and "observation"; empty when the lexicon was mined without them."""
    data = json.loads(CUES_PATH.read_text(encoding="utf-8"))
    return data.get("neighbours", {})


@cache
def cue_contexts() -> dict[str, object]:
    """Cue rate per context ("pronoun|that") of the mined phrases, and the overall rate ("base");
    empty when the lexicon was mined without contexts."""
    data = json.loads(CUES_PATH.read_text(encoding="utf-8"))
    return data.get("contexts", {})


@cache
def cue_model() -> dict[str, object] | None:
    """The cue classifier: feature weights (bias included) and the acceptance threshold, trained
    on PolNeAR train by ``scripts/train_attribution_cues.py``; None when the file is absent."""
    if not MODEL_ENABLED or not MODEL_PATH.exists():
        return None
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


@cache
def content_cut_model() -> dict[str, object] | None:
    """The content cut model: feature weights and the log-odds above which a forward content
    ends at a candidate cut, trained on PolNeAR train by ``scripts/train_content_cuts.py``;
    None when the file is absent."""
    if not CUTS_MODEL_PATH.exists():
        return None
    data = json.loads(CUTS_MODEL_PATH.read_text(encoding="utf-8"))
    threshold = data["threshold"]
    return {"weights": data["weights"], "cut_logit": math.log(threshold / (1 - threshold))}
