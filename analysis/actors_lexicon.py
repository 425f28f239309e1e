"""The actor gazetteer: countries (pycountry), organisations, titles, demonyms and stop lists.

Everything is read once per process (``functools.cache``) from the small files in
``analysis/data/actors_*`` and pycountry's bundled ISO 3166 data, so detection itself only does
dictionary look-ups. Surface forms are keyed by :func:`norm` (curly apostrophes made straight).
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from functools import cache

from analysis.paths import PACKAGE_DATA_DIR

KINDS = ("person", "organisation", "place", "group")

# Nouns after an adjectival demonym that make the demonym stand for the state as an actor
# ("Russian forces attacked" → Russia); elsewhere "Russian" is a modifier, not a mention.
AGENT_NOUNS = frozenset(
    """government governments officials official forces troops military army navy authorities
    leaders leadership regime administration state diplomats diplomacy ministry embassy
    delegation negotiators prosecutors intelligence police parliament lawmakers president
    media regulators courts court envoy soldiers""".split()
)
# Words that open a person's role noun phrase but mark a family relation or a form of address
# too generic to refer back to one titled person ("the doctor", "the father").
GENERIC_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. miss mx dr dr. doctor sir lady lord father brother sister dame
    writer author editor analyst economist researcher scientist artist singer actor actress
    lawyer attorney officer leader chief executive correspondent founder manager""".split()
)
# Titles written as abbreviations, which may be followed by a period inside a name.
ABBREVIATED_TITLES = frozenset(
    "mr mrs ms dr sen rep gov gen lt col capt sgt prof rev adm st cmdr maj supt insp".split()
)
CONNECTORS = frozenset("of for the de del da di du van von der den la le al bin ibn y".split())
AND_WORDS = frozenset(("and", "&"))


def norm(text: str) -> str:
    """Key for a surface form: straight apostrophes, single spaces. String methods alone: a
    regex test of whether the text is normal already cost more than normalising it (and a
    normal one word comes back as it is: no apostrophe to replace, one piece to join)."""
    return " ".join(text.replace("’", "'").split())


def word_key(word: str) -> str:
    """Key of a single token (no spaces inside): only the apostrophe needs normalising."""
    return word.replace("’", "'") if "’" in word else word


@dataclass(frozen=True)
class Entry:
    canonical: str
    kind: str
    source: str  # "country", "place", "organisation"


@dataclass(frozen=True)
class Lexicon:
    names: dict[str, Entry]  # norm(surface) -> entry
    max_tokens: int
    demonyms: dict[str, str]  # "Russian" -> "Russia"
    demonym_plurals: dict[str, str]  # "Russians" -> "Russia"
    org_role_nouns: dict[str, frozenset[str]]  # "military alliance" -> {"NATO"}
    titles: frozenset[str]
    title_heads: frozenset[str]  # last word of each title ("secretary" for "defense secretary")
    # first word of each title of several words ("prime" for "prime minister"): only after one
    # does a name's next word need looking at
    title_openers: frozenset[str]
    title_modifiers: frozenset[str]
    female_titles: frozenset[str]
    male_titles: frozenset[str]
    given_names: dict[str, str]  # "Donald" -> "male"
    stop: frozenset[str]
    calendar_words: frozenset[str]
    function_words: frozenset[str]
    org_keywords: frozenset[str]
    company_keywords: frozenset[str]
    company_role_nouns: frozenset[str]
    place_keywords: frozenset[str]


def _read_json(name: str) -> dict:
    return json.loads((PACKAGE_DATA_DIR / name).read_text(encoding="utf-8"))


def _read_words(name: str, *, lines: bool = False) -> list[str]:
    out: list[str] = []
    for line in (PACKAGE_DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        out.extend([line] if lines else line.split())
    return out


def _country_names(places: dict) -> dict[str, Entry]:
    """ISO 3166 names from pycountry plus the short forms news uses ("U.S.", "Britain")."""
    import pycountry

    out: dict[str, Entry] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        common = getattr(country, "common_name", None)
        canonical = places["canonical"].get(code) or common or country.name
        forms = [canonical, country.name, common, getattr(country, "official_name", None)]
        forms += places["aliases"].get(code, [])
        for form in forms:
            if form and "," not in form and form[0].isupper():
                out.setdefault(norm(form), Entry(canonical, "place", "country"))
    for canonical, info in places["historic"].items():
        for form in [canonical, *info["aliases"]]:
            out.setdefault(norm(form), Entry(canonical, "place", "country"))
    for code in ("US", "CA", "AU"):
        for sub in pycountry.subdivisions.get(country_code=code) or ():
            out.setdefault(norm(sub.name), Entry(sub.name, "place", "place"))
    for city in places["cities"]:
        out.setdefault(norm(city), Entry(city, "place", "place"))
    return out


def _demonyms(places: dict) -> dict[str, str]:
    import pycountry

    out: dict[str, str] = {}
    for code, forms in places["demonyms"].items():
        country = pycountry.countries.get(alpha_2=code)
        canonical = places["canonical"].get(code) or (
            getattr(country, "common_name", None) or country.name
        )
        for form in forms:
            out[form] = canonical
    for canonical, info in places["historic"].items():
        for form in info["demonyms"]:
            out[form] = canonical
    return out


def _plural(demonym: str) -> str | None:
    """'Russian' -> 'Russians'; adjectives in -ese/-ish/-ch/-ss have no plural noun form."""
    if re.search(r"(?:ese|ish|ch|ss|sh)$", demonym):
        return None
    return demonym + "s"


@cache
def lexicon() -> Lexicon:
    """Load every actor lexicon once per process."""
    places = _read_json("actors_places.json")
    orgs = _read_json("actors_organisations.json")
    titles = _read_json("actors_titles.json")
    given = _read_json("actors_given_names.json")

    names = _country_names(places)
    org_role_nouns: dict[str, set[str]] = {}
    for org in orgs["organisations"]:
        for form in [org["name"], *org["aliases"]]:
            names[norm(form)] = Entry(org["name"], "organisation", "organisation")
        for noun in org["role_nouns"]:
            org_role_nouns.setdefault(noun, set()).add(org["name"])
    demonyms = _demonyms(places)
    plurals = {p: c for d, c in demonyms.items() if (p := _plural(d))}
    title_set = frozenset(titles["titles"])
    calendar_words = frozenset(
        [*calendar.day_name, *calendar.month_name[1:], *calendar.day_abbr, *calendar.month_abbr[1:]]
    )
    return Lexicon(
        names=names,
        max_tokens=max(len(k.split()) for k in names),
        demonyms=demonyms,
        demonym_plurals=plurals,
        org_role_nouns={k: frozenset(v) for k, v in org_role_nouns.items()},
        titles=title_set,
        title_heads=frozenset(t.split()[-1] for t in title_set),
        title_openers=frozenset(t.split()[0] for t in title_set if " " in t),
        title_modifiers=frozenset(titles["title_modifiers"]),
        female_titles=frozenset(titles["female_titles"]),
        male_titles=frozenset(titles["male_titles"]),
        given_names={n: "male" for n in given["male"]} | {n: "female" for n in given["female"]},
        stop=frozenset(norm(s) for s in _read_words("actors_stop.txt", lines=True)),
        calendar_words=calendar_words,
        function_words=frozenset(_read_words("actors_function_words.txt")),
        org_keywords=frozenset(orgs["org_keywords"]),
        company_keywords=frozenset(orgs["company_keywords"]),
        company_role_nouns=frozenset(orgs["company_role_nouns"]),
        place_keywords=frozenset(orgs["place_keywords"]),
    )
