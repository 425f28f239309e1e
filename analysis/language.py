"""Is this article English? A function-word heuristic, offline and dependency-free.

Every lexicon in the package (VADER, Dale–Chall, CMUdict syllables, reporting verbs) is English,
so on other languages the numbers are meaningless rather than merely noisy. The question is
binary and the texts are long, which short function words answer well: 12–40 % (typically 30 %)
of the words of English news are in :data:`FUNCTION_WORDS` ``["en"]`` (measured on the 1,020
OneStopEnglish and PolNeAR files), against a few percent of French or German. Why not a trained
identifier (py3langid, fastText): they ship megabytes of weights and cost a model load per process
to answer a question this answers in ~0.4 ms an article (VADER on the same article: ~2.8 ms); they
would also name more languages, which the package has no use for.

Limits: below ~20 words the guess is ``"und"`` (undetermined) unless the script is plainly not
Latin; mixed-language texts get the majority language of their first ~20,000 characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

UNDETERMINED = "und"
MIN_WORDS = 20  # fewer words than this: too little evidence to name a Latin-script language
MIN_SHARE = 0.08  # the winner's function words must reach this share (English news: 0.125–0.40)
SAMPLE_CHARS = 20_000  # detection reads at most this much: its cost is bounded on long texts

# The commonest function words of each language, none of them a frequent word of another listed
# language (so "a", "in", "die", "de", "en", "la" are deliberately absent or confined to one list).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """the of and to is was for that with on as by at from his her their its be have has
        had were are been this which who would will said not but they he she it an or after
        about than there when also into more over what them""".split()
    ),
    "fr": frozenset(
        """le les des du une est dans pour qui sur au aux avec ce cette il elle ils sont pas
        par plus ont été mais ou où nous vous leur leurs être fait comme selon très son sa ses
        aussi""".split()
    ),
    "de": frozenset(
        """der das und ist nicht sich mit dem den von zu auf für ein eine einen im auch es
        wird wurde sind bei nach aus sie wie noch über hat haben werden durch oder vor einem
        einer""".split()
    ),
    "es": frozenset(
        """el los las del que y por con para una es se su sus al lo como más pero fue ha este
        esta entre sobre también hasta desde muy sin ya son está según""".split()
    ),
    "it": frozenset(
        """di che è della del per non sono una gli nel alla delle anche più ma ha
        questo questa dei nella sul dopo essere stato tra suo sua loro sulla""".split()
    ),
    "pt": frozenset(
        """o os da dos das que não uma em para com por mais foi são ao seu sua também
        como está pelo pela entre mas já ele ela muito""".split()
    ),
    "nl": frozenset(
        """het een van dat niet zijn op te voor met ook aan er maar om bij nog wordt
        werd worden hij zij deze dit naar door heeft hebben uit wel""".split()
    ),
}
_ALL_FUNCTION_WORDS = frozenset().union(*FUNCTION_WORDS.values())
# Letters outside the Latin blocks; none at all is the common case and costs one regex pass.
_NON_LATIN_LETTER_RE = re.compile(r"[^\W\d_A-Za-z\u00aa\u00ba\u00c0-\u024f\u1e00-\u1eff]")
# A character outside ASCII, the Latin blocks, punctuation, currency signs and the byte-order mark,
# or one of Latin-1's few non-Latin word characters (µ, ², ³, ¹, ¼–¾, ª, º). A text without one has
# no letter the regex above could count; plain ranges cost half its Unicode category checks.
_BEYOND_LATIN_RE = re.compile(
    r"[^\x00-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf-\u024f\u1e00-\u1eff"
    r"\u2000-\u206f\u20a0-\u20cf\ufeff]"
)

# The UTF-8 form of a text tells cheaply which characters it holds: deleting ASCII and
# continuation bytes leaves each other character's lead byte. Leads C3-C8 are U+00C0-U+023F, all
# Latin; C2 is U+0080-U+00BF (Latin-1 signs and punctuation, nine of them letters or digits the
# full count sees); E2 80 is U+2000-U+203F (spaces, dashes, quotes, ellipsis, bullets).
_NOT_LEADS = bytes(range(0xC0))
_LATIN_LEADS = bytes(range(0xC3, 0xC9))
_DASH_QUOTE = b"\xe2\x80"
_EURO = "€".encode()
# (one regex pass over the bytes: nine ``in`` tests of a two-byte needle cost eight times more)
_C2_BEYOND_RE = re.compile(rb"\xc2[\xaa\xb2\xb3\xb5\xb9\xba\xbc-\xbe]")


def _utf8_profile(text: str) -> tuple[bool, bytes | None]:
    """(no character of text is one :data:`_BEYOND_LATIN_RE` finds, the UTF-8 form of text when
    ``str.lower`` changes none of its characters but ASCII capitals), proved by byte counts of
    the UTF-8 form: ASCII, U+00C0-U+023F, Latin-1 signs, U+2000-U+203F and the euro sign, what
    news in Latin script is written in. A sixth of the regex's cost, which tests a character
    class at every position of a UCS-2 text; (False, None) means "ask the regex"."""
    try:
        data = text.encode()
    except UnicodeEncodeError:  # a lone surrogate
        return False, None
    leads = data.translate(None, _NOT_LEADS)  # one byte a character beyond ASCII
    quotes, signs = leads.count(0xE2), leads.count(0xC2)
    if quotes and data.count(_DASH_QUOTE) + data.count(_EURO) != quotes:
        return False, None
    plain = quotes + signs == len(leads.translate(None, _LATIN_LEADS)) and not (
        signs and _C2_BEYOND_RE.search(data)
    )
    return plain, data if quotes + signs == len(leads) else None


@dataclass(frozen=True)
class LanguageGuess:
    """The guess, the evidence behind it, and the dominant script of the letters."""

    language: str  # ISO 639-1 code of a listed language, or "und" (undetermined)
    share: float  # share of sampled words that are function words of that language
    n_words: int  # words sampled
    script: str  # "Latin", "Cyrillic", "Arabic", ... (first word of the Unicode letter names)

    @property
    def is_english(self) -> bool:
        return self.language == "en"


@cache
def _script_of(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("CJK") or name.startswith(("HIRAGANA", "KATAKANA")):
        return "CJK"
    return name.split(" ", 1)[0].capitalize() if name else "Unknown"


def dominant_script(text: str) -> str:
    """The script most letters of text belong to ("Latin" when there are no letters)."""
    if text.isascii() or _utf8_profile(text)[0]:
        return "Latin"
    return _counted_script(text)


def _counted_script(text: str) -> str:
    """:func:`dominant_script` for a text that is not plain Latin by its bytes."""
    if _BEYOND_LATIN_RE.search(text) is None:
        return "Latin"
    non_latin = len(_NON_LATIN_LETTER_RE.findall(text))
    if 2 * non_latin <= sum(map(str.isalpha, text)) if non_latin else True:
        return "Latin"
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = _script_of(char)
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "Latin"


def detect_language(text: str) -> LanguageGuess:
    """Guess the language of text from its function words (bounded cost: a fixed-size sample)."""
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():
        script, lowered = "Latin", sample.lower()
    else:
        plain, data = _utf8_profile(sample)
        script = "Latin" if plain else _counted_script(sample)
        # a text whose only capitals are ASCII lowers as bytes, at half the cost on UCS-2 text
        lowered = data.lower().decode() if data is not None else sample.lower()
    # White-space tokens, not a word regex: three times faster, and function words rarely carry
    # punctuation; a word glued to a comma is simply not counted, in every language alike.
    tokens = lowered.split()
    n = len(tokens)
    # only function words can score: count those alone (hashing every token once either way)
    words = Counter(filter(_ALL_FUNCTION_WORDS.__contains__, tokens))
    if script != "Latin":
        return LanguageGuess(UNDETERMINED, 0.0, n, script)
    best, best_hits = UNDETERMINED, 0
    count = words.__getitem__
    for code, vocabulary in FUNCTION_WORDS.items():
        hits = sum(map(count, vocabulary.intersection(words)))
        if hits > best_hits:
            best, best_hits = code, hits
    share = best_hits / n if n else 0.0
    if n < MIN_WORDS or share < MIN_SHARE:
        return LanguageGuess(UNDETERMINED, share, n, script)
    return LanguageGuess(best, share, n, script)


LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}


def language_warning(guess: LanguageGuess) -> str | None:
    """A one-line warning when the text is not (recognisably) English; None when it is or is
    too short to tell."""
    if guess.is_english:
        return None
    if guess.script != "Latin":
        what = f"is written in {guess.script} script"
    elif guess.language != UNDETERMINED:
        what = f"looks like {LANGUAGE_NAMES[guess.language]} ({guess.language})"
    elif guess.n_words >= MIN_WORDS:
        what = "does not look like English"
    else:
        return None
    return (
        f"the text {what}, not English: the English lexicons behind readability, sentiment and "
        "attribution do not apply, so treat every score as unreliable"
    )
