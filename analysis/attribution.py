"""Quote and reported-speech attribution: who is quoted or paraphrased, with which words, what.

Follows the PolNeAR scheme: an attribution is a *source* (who), a *cue* (the words that signal it:
"said", "according to", "hinted at", "in a statement") and *content* (what is attributed). Cue
candidates come from a lexicon mined from PolNeAR train (:mod:`analysis.attribution_lexicon`)
and other forms of its verbs; a logistic-regression classifier trained on PolNeAR train
(``scripts/train_attribution_cues.py``) keeps those whose words and context make them cues.
Sources and content come from shallow clause patterns around the cue, and from paired quote
marks (:mod:`analysis.attribution_quotes`):

- forward: "X said (that) ...", "X told Y (that) ...", "X hinted at ...", "X, who ..., said ...";
- trailing: "..., X said." / "..., said X." with the content before the comma (a quote that
  began sentences earlier is taken whole);
- "According to X, ..." and "..., according to X.";
- participles: "..., adding that ...", "X responded by affirming ..." take the clause subject.

No parser or tagger: every rule reads word shapes, the lexicon and a table of feature weights,
so an article takes a few milliseconds; sentences without any word a cue needs are not even
tokenised.
"""

from __future__ import annotations

import importlib
import importlib.util
import math
import operator
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, chain, compress, count, islice, pairwise, repeat
from sys import intern
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.article import Article, as_article, frame, string_columns
from analysis.attribution_lexicon import (
    FUNCTION_WORDS,
    PREPOSITIONS,
    CueEntry,
    content_cut_model,
    cue_class,
    cue_contexts,
    cue_lexicon,
    cue_model,
    cue_neighbours,
    lemmatize,
    normalize,
    part_of_speech,
)
from analysis.attribution_quotes import _MARK_RE, Quote, find_quotes
from analysis.errors import AnalysisError
from analysis.segment import split_sentences
from analysis.text import PARTY_TAG_RE, WORD_RE

COLUMNS = [
    "source_start",
    "source_end",
    "cue_start",
    "cue_end",
    "content_start",
    "content_end",
    "content_spans",
    "speaker",
    "kind",
    "cue_lemma",
    "cue_class",
    "sentence_ids",
    "source_text",
    "cue_text",
    "content_text",
]

# A mined cue phrase is used when it was a cue at least this often and this share of the times
# its words occur in PolNeAR train (tuned on train only).
MIN_CUE_COUNT = 2
MIN_PRECISION = 0.25
# Content boundaries (chosen on PolNeAR train): a participle after a comma (", saying ...")
# ends the content; a prepositional phrase before "that" ("told to X on Monday that") is skipped.
CUT_AT_PARTICIPLE = True
SKIP_TO_THAT = True
# Where a forward content ends (at a mark, a conjunction, a preposition, a dash) is decided by a
# logistic model trained on PolNeAR train (session 25, scripts/train_content_cuts.py); off, by the
# hand rule of sessions 1-24 at commas and semicolons (``_hand_cut``).
CUT_MODEL = True
# With the model, a comma before a word of CONTENT_CUTS (", despite …") still ends the content.
CONCESSION_CUT = True
# A content opening with an adjunct's preposition is cut by the hand rule, not the model.
ADJUNCT_LEAD_HAND = True
# With the model, a comma opening an aside that a comma and an auxiliary verb close is no cut.
SUBJECT_ASIDE = True
# The cue's lemma is one of the model's features ("announced" and "said" take different tails).
CUT_LEMMA = True
# With the model, a comma before "but" and a new subject still ends the content.
BUT_CLAUSE_CUT = True
# A single dash in a forward content ends it ("... the GOP nomination -- including ...").
CUT_AT_DASH = True
# A sentence ending in a colon at a paragraph's end ("released the following statement:") gives
# its last cue the quotation opening the next paragraph.
COLON_PARAGRAPH = True
# the most words between such a cue and its colon that PolNeAR's cue takes in ("released the
# following statement:")
COLON_OBJECT_WORDS = 4
# "expressed concern about X": the words up to "about" (within ABOUT_WINDOW words of the cue)
# belong to PolNeAR's cue, not to the content.
ABOUT_IN_CUE = True
ABOUT_WINDOW = 4
ABOUT_WORDS = frozenset(
    "little nothing much so almost often more at length concern concerns".split()
)
# "said without evidence, that …", "wrote the local paper, The Perry Chief, that …": the words
# between a cue and ", that" (within COMMA_THAT_WINDOW tokens) are an adjunct or an addressee.
COMMA_THAT = True
COMMA_THAT_WINDOW = 16
# "responded to the claims": a "to" opening the content before a noun phrase is PolNeAR's cue's.
PARTICLE_TO = True
# ... and so is a "with", "upon", "over", "against" or "on" (not before a time, a name or a
# medium: "said on Twitter") right after the cue ("spoke over boos", "agreed with the plan").
PARTICLE_PREPOSITIONS = True
CUE_PREPOSITIONS = frozenset("with upon over against on".split())
# "released a scathing report Wednesday documenting X": a noun phrase between a cue and a
# participle cue belongs to PolNeAR's cue, which runs through the participle.
LIGHT_NOUN_CUES = True
LIGHT_NOUN_WINDOW = 10
LIGHT_DETERMINERS = frozenset("a an the his her their its our".split())
LIGHT_NOUN_STOPS = frozenset("and or but of as is was are were has had have will would".split())
# '"…," he said of the campaign, "…"': a quotation after a short adjunct continues the content.
SAID_OF_QUOTE = True
SAID_OF_WINDOW = 12
# "joked again using an exaggerated accent, “Amen!”": a full quotation closing a forward content
# after a comma and at most COMMA_QUOTE_WORDS words (not a clause: "that …, “we …”") is the content.
COMMA_QUOTE = True
COMMA_QUOTE_WORDS = 8
# "X said on Twitter. “…”": a cue followed only by an adjunct takes the next quotation.
ADJUNCT_THEN_QUOTE = True
ADJUNCT_OPENERS = frozenset("in on at during as when while after before recently".split())
# The most tokens a dateline opening a sentence may take ("LOS ANGELES, Feb. 2 (UPI) —").
DATELINE_MAX = 12
# A quote of at least this many words with no cue of its own takes the speaker of an
# attribution at most this many characters before it (half as far after it).
FLOAT_MIN_WORDS = 4
FLOAT_WINDOW = 400
# A block opening "Cruz: Trump would ..." (headline style) with at most this many words before
# the colon attributes the rest to them.
HEADLINE_MAX_SOURCE = 4
# A subject noun phrase longer than this keeps only its last capitalised or determiner phrase
# (8 before; 12 chosen on train 0-199).
MAX_SUBJECT_WORDS = 12
# A paragraph opening with an all-capitals label and a colon ("TAPPER: ...") is a transcript turn.
TRANSCRIPTS = True
# 'Pollsters agree - Carl Bialik: “One of the biggest lessons …”', 'More from Jones: “…”',
# 'Clinton: "Our goal …"' opening a paragraph: a name and a colon before a quotation (train: 12
# such quotations, 11 PolNeAR attributions; session 20)
NAME_COLON_QUOTE = True
# "The email goes on to say: “…”": a cue inside another attribution's PolNeAR cue span, with the
# same content, is that attribution's word, not one of its own (session 20: with more lemmas
# tried, *goes* became a candidate)
ABSORBED_CUES = True
# "Manafort said — on Twitter, as it happens — that Trump raised …", "as she said at the outset":
# a content that opens with a preposition right after its cue is the cue's adjunct. The content
# is the "that" clause or quotation after the adjunct, else there is none when the adjunct is
# short; nor is a sentence adverb alone ("He said twice."). Not after a feeling ("outraged by
# the reports") or a predicate adjective ("less confident in Mrs. Clinton"): there the
# preposition opens the content. Session 21, train 0-199 / 200-839: lenient +0.0017 / +0.0011;
# held-out folds: lenient +0.0019 / +0.0014, source exact +0.0027 / +0.0015.
ADJUNCT_CONTENT = True
ADJUNCT_CONTENT_PREPS = frozenset(
    "in on at by from with during after before since over via through amid among".split()
)
ADJUNCT_CONTENT_WORDS = 10
# a content of these words alone is a sentence adverb, not what was said
ADJUNCT_WORDS = frozenset(
    """however then now otherwise moreover meanwhile still instead yet indeed also finally thus
    therefore furthermore nevertheless nonetheless again later earlier today yesterday twice once
    repeatedly privately publicly largely""".split()
)
PREDICATE_LEADS = frozenset(
    "is are was were be been being very so too less more most quite".split()
)
_FIRST_WORD_RE = re.compile(r"(\w+)(?:\s+(\w+))?")
# "pushed back against the charge", "wrote back: …": a content opening with "back" gives it
# (and "against", "at", "on" after it) to the cue, as PolNeAR's cue spans have it (train: 14
# such contents, none right; session 21, train 200-839 cue exact +0.0004)
BACK_IN_CUE = True
# ... and "to" with the infinitive's verb after "went on" or "continued" ("went on to criticize",
# "continued to assure"): PolNeAR's cue runs through the verb (other catenatives, "declined",
# "refused", "wanted", "seemed", lost cue exact F1 on train)
INFINITIVE_IN_CUE = True
INFINITIVE_HEADS = frozenset("continue continues continued continuing".split())
NOT_INFINITIVE_VERBS = frozenset(
    "the a an his her their its my our your this that these those".split()
)
_INFINITIVE_RUN_RE = re.compile(r"to\s+(?:have\s+)?([a-z]+)\b\s*")
_BACK_RE = re.compile(r"(back(?:\s+(?:against|at|on))?)\b[\s,:]*", re.IGNORECASE)
_CONTENT_RESTART_RE = re.compile(
    r"\b(?:that(?!\s+(?:day|night|week|month|year|time|moment|point)\b)|whether|how|why|what)\b"
    r"|[\"“]|''"
)
_DASH_THAT_RE = re.compile(r"\s*[-–—]+\s*(that\b[^\n]*?[.!?])(?=[\"”’']?(?:\s+[A-Z“\"]|\s*$))")
_NAME = r"[A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|and|of|the)){0,4}"
_LABELLED_QUOTE_RE = re.compile(
    rf"(?:^|\s[-–—]\s|\bMore from\s)({_NAME})[ \t]*(:)[ \t\xa0]*(?=[“\"])", re.MULTILINE
)
_TRANSCRIPT_RE = re.compile(r"([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,2})(:)[ \t]+(?=\S)")
HEADLINE_LABELS = frozenset(
    """latest watch breaking exclusive video update updated live photos analysis opinion
    editorial review factbox explainer timeline""".split()
)
# Hand-listed speech-act phrases (cues_extra.txt) are used unless train shows them to be rare cues.
EXTRA_MIN_SEEN = 10
# Without the classifier's file (the fallback): a mined phrase that is a cue at least
# CANDIDATE_PRECISION of the time ("think", "want", "support") is accepted where its precision,
# shifted by the cue rate of its context in train (word kind before and after, cues.json
# "contexts"), reaches ACCEPT_PROBABILITY; without contexts, MIN_PRECISION alone decides.
# Chosen on train 0-199 with the lexicon mined from 200-839.
CONTEXT = True
CANDIDATE_PRECISION = 0.10
ACCEPT_PROBABILITY = 0.25
CONTEXT_AFTER_WORDS = frozenset(
    ["that", ":", "to", "about", "for", "on", "of", "with", "in", ",", '"', "as", "by", "."]
)
# "X <verb>ed that ...": a verb the lexicon does not know, followed by "that" (-s forms were
# tried: no gain on train, and "NATO countries that ..." became a cue).
GENERIC_ENDINGS: tuple[str, ...] = ("ed",)
# An unknown -ed verb before a colon and a quotation is a cue too ("boomed: “…”"; session 23)
COLON_VERB_CUE = True
GENERIC_NEXT = frozenset(("that", ":"))
# The cue classifier (analysis/data/cues_model.json, scripts/train_attribution_cues.py) decides
# which candidates are cues. It is trained on the mined phrases that are cues at least
# MODEL_CANDIDATE_PRECISION of the time in train and on other forms of mined cue verbs
# ("asserts" from "asserted"); the model file then lists the phrases and verb lemmas it accepts
# anywhere in train, which are the only candidates tried (a never-accepted one only costs time).
# The candidate floor (0.03, against 0.10 without the classifier) and the threshold (0.4, in the
# file) were chosen on train 0-199 with lexicon and model from 200-839.
CUE_MODEL = True
MODEL_CANDIDATE_PRECISION = 0.03
LEMMA_CANDIDATES = True
# ... and so are other forms of a multi-word phrase's first word ("raising questions about";
# session 24)
PHRASE_FORMS = True
# Words near a mined cue in vector space (cues.json "neighbours": "warns" ~ "warned") are
# candidates too, scored with their neighbour's lemma and precision band.
NEIGHBOUR_CANDIDATES = True
# A one-word verb cue takes a particle after it ("voted for", "calls out", "spoke about"), as
# PolNeAR's cue spans do (cue exact +0.004 on train 0-199; "on", "at", "up", "back" lost more).
PARTICLE_CUES = True
PARTICLES = frozenset("for about out against".split())
# A second look over the whole sentence and article (chosen on train 0-199 with lexicon and model
# from 200-839): a cue inside another attribution's content is kept only when the classifier's
# log-odds exceed its threshold's by NESTED_MIN_LOGIT (None: kept regardless; lenient +0.008,
# cue exact +0.007), noun cues excepted (*repeated his criticism of*: the possessor's own); a
# sentence where no candidate reaches the threshold takes its best one when within SOLO_MARGIN of
# it and the phrase is a cue SOLO_PRECISION of the time in train (lenient +0.002, cue exact
# +0.001; a lower threshold everywhere gained nothing). The sentence's sure cues (phrases a cue
# SURE_PRECISION of SURE_MIN_COUNT or more times: *said*, *told*, *according to*) feed the
# classifier: where they stand against the candidate (lenient +0.005, cue exact +0.004), and
# so do the likely ones (LIKELY_PRECISION of LIKELY_MIN_COUNT: lenient +0.001, cue +0.001).
NESTED_MIN_LOGIT: float | None = 2.5
# Inside the content of a report ("according to", "reported", "found", "showed", "In a … poll,")
# or of a transcript turn, PolNeAR marks the report alone, not what it says someone said: a nested
# attribution is dropped whatever its cue (train: 10 of 55 and 0 of 24 such were right; session 19).
REPORT_NESTING = True
REPORT_LEMMAS = frozenset(("according to", "report", "find", "show"))
# "Voters were asked to rank them, and the group is “overrun,” Hoover said": a mixed quote
# whose opening words hold another cue starts after the ", and" that follows it (session 19)
MIXED_AFTER_JOIN = True
# "A documentary titled Weiner", "a new group called Black Votes Matter": a participle naming
# what an indefinite noun phrase before it is, no one's words (train: the 7 it removes were all
# wrong; session 19)
NAMING_PARTICIPLES = True
NAMING_WORDS = frozenset("called titled named dubbed entitled nicknamed".split())
# "The proposal has drawn criticism from fellow GOP hopefuls": the phrase after "from" is the
# source (train: 33 of the 36 such cues PolNeAR marks), the proposal the content (session 19)
NOUN_FROM_SOURCE = True
# Where the phrase after "from" ends: a claim ("that"), a topic ("about", "over", "for"), more.
FROM_SOURCE_ENDS = frozenset("that to about over for on after during because as but".split())
FROM_NOUNS = frozenset(
    """criticism criticisms complaints praise support calls condemnation questions opposition
    pressure backlash objections pushback warnings demands attacks endorsement endorsements
    rebuke scrutiny ridicule""".split()
)
# ... and so does "of" or "among" after a noun of backing ("won the endorsement of the Union
# Leader", "has strong support among black voters": they back the subject; session 24)
NOUN_OF_SOURCE = True
OF_NOUNS = frozenset("support backing endorsement endorsements".split())
ACQUIRE_VERBS = frozenset(
    """won win wins winning earned earn earns received receive receives receiving got gets get
    gained gains secured secure secures has have had having enjoys enjoyed enjoy picked
    snagged landed lacks lacked""".split()
)
# "In a Des Moines Register poll last month, Mr. Cruz had a 10-point lead": the poll is the
# source, "In" the cue (train: 18 found, 2 wrong; session 19)
POLL_OPENING = True
_IN_POLL_RE = re.compile(
    r"\s*(In)\s+((?:an?|the|this|last|latest|new|recent|exit|its|their|his|her|[A-Z][\w’'/-]*)"
    r"\b[^,.;:!?\n]{0,80}?\b(?i:polls?|surveys?)\b[^,;:!?\n]{0,60}?),\s"
)
# "In eight of nine states where exit polls were conducted": the poll is in a clause of its own
POLL_CLAUSE_WORDS = frozenset("where when which that who as while".split())
_POLL_PARTICIPLE_RE = re.compile(r"((?:conducted|released|published|taken)\b[^,;:!?\n]{0,40}),\s")
_LEAD_WORD_RE = re.compile(r"(\w+),\s+")  # "however, 73 percent …": a parenthetical lead
# "As reported by Western Journalism, …" opening a sentence (train: 7, none found before)
AS_REPORTED_BY = True
_AS_REPORTED_RE = re.compile(
    r"\s*[Aa]s\s+(?:first\s+)?(reported|noted|described|detailed|explained)\s+by\s+"
    r"([^,;:!?\n]{2,80}?),\s"
)
# "Sen. Rand Paul, R-Ky., said": the party-and-state tag between commas is part of the subject
# (train has 16 such sources, each with its tag and commas).
PARTY_TAG_SUBJECT = True
# a cue with no subject of its own takes the sentence's main subject (session 5)
MAIN_SUBJECT_FALLBACK = True
MAIN_SUBJECT_GAP = 3
# Session 22 (each chosen on train 0-199 / 200-839, checked on the held-out folds):
# ... an infinitive cue with no subject of its own takes the clause's subject up to 12 words
# before it ("Obama held an impromptu press briefing to brag"), and PolNeAR's cue runs from the
# verb after that subject ("visited the court on Friday to view" in train)
INFINITIVE_MAIN_SUBJECT = True
INFINITIVE_GAP = 12
INFINITIVE_STOPS = frozenset("who which that whose when while if because as and but or".split())
INFINITIVE_CUE_SPAN = True
# ... "Trump this week said": a deictic time pair before the cue is skipped as a pair (the
# single word "week" was skipped first and "this" then ended the search)
TIME_PAIR_FIRST = True
DEICTIC_TIME = True
DEICTIC_TIME_WORDS = frozenset("this last earlier later that".split())
# ... "Macron responded by affirming": PolNeAR's cue runs from the verb before "by" (up to 4
# words after the subject: "won the nomination by promising")
BY_GERUND_CUE = True
BY_GERUND_GAP = 4
# ... "they’re endorsing", "who’ve said", "I’d love": the contracted auxiliary is in the cue
CONTRACTED_AUX = True
# ... a capitalised -ly word opening the sentence is a name ("Jolly said") unless it is a known
# sentence adverb or a comma follows it; nouns and verbs ending in -ly are no adverbs ("a rally
# blasting Clinton")
INITIAL_LY_NAMES = True
OPENING_ADVERBS = frozenset(
    """recently previously separately additionally finally ultimately similarly unfortunately
    fortunately interestingly importantly ironically notably clearly obviously apparently
    reportedly allegedly initially originally currently increasingly surprisingly nearly
    publicly privately repeatedly frequently usually typically generally certainly
    actually really simply only early""".split()
)
NOT_ADVERBS = frozenset(
    """rally ally family italy july supply apply reply imply comply assembly monopoly anomaly
    bully""".split()
)
# ... "Recalling that moment, David Axelrod, who …, said": a fronted participle whose main
# clause has no plain subject after its comma takes the subject of the main clause's cue
FRONTED_MAIN_CUE = True
# ... "And both vowed", "On Social Security, both oppose": a lone quantifier is the subject
QUANTIFIER_SUBJECT = True
QUANTIFIER_SUBJECTS = frozenset("both all each".split())
QUANTIFIER_LEADS = frozenset(", and but ; : so yet".split())
MAIN_SUBJECT_STOPS = frozenset(
    "who which that whose when while if because as and but or of at about to worth".split()
)
# "X said ... and then added": a coordinated cue after an adverb takes the earlier cue's source
COORDINATED_AFTER_ADVERB = True
# "described himself as": a reflexive object after a speech verb (session 5)
REFLEXIVE_SPEECH = True
NOT_REFLEXIVE = frozenset("find show see prove reveal".split())
# "when asked about X": a question with no source (session 5)
ASKED_CLAUSE = True
# Session 7: a participle and participle-like cues' leading subject skips a dateline
# ("New York (AFP) – Vice President Joe Biden ..., accusing him") and a fronted participle
# clause ("Speaking at a town hall in Salem, N.H., Trump went after Bush, calling him")
LEADING_DATELINE = True
LEADING_PARTICIPLE = True
# ... and a subject steps over a degree word before the cue ("are slightly more likely to say")
DEGREE_BEFORE_CUE = True
DEGREE_WORDS = frozenset("more less almost nonetheless nevertheless".split())
COPULAS = frozenset("is are was were be been being feel feels felt seem seems seemed".split())
# ... "..., a spokesman told The Wall Street Journal.": a cue with only its addressee after it
# trails its content like "said" does
TOLD_ADDRESSEE = True
ADDRESSEE_NOUNS = frozenset("reporters supporters journalists students voters".split())
ADDRESSEE_MAX = 6
# ... or a group noun after a determiner ("told a Senate panel Wednesday"; session 24)
ADDRESSEE_GROUP = True
ADDRESSEE_DETERMINERS = frozenset("a an the his her their its".split())
ADDRESSEE_GROUPS = frozenset(
    """panel committee subcommittee crowd audience gathering group rally conference meeting
    hearing reporter interviewer newspaper magazine station network broadcaster""".split()
)
# ... "O'Malley's move was first reported by MSNBC": a passive cue ending in "by" takes its agent
# as the source and its subject as the content
PASSIVE_BY_CUE = True
PASSIVE_AGENT_STOPS = frozenset("as if whether to that about for on in".split())
# ... a noun cue's own determiner phrase is no subject: the verb's subject is ("Mr. Ryan is a
# vocal advocate of", "He even gave a few hints of")
NOUN_CUE_SUBJECT = True
NOUN_CUE_DETERMINERS = frozenset("a an the some one".split())
LIGHT_VERBS = frozenset(
    """is was are were be been has have had gave give gives giving make made makes making provide
    provides provided offer offered offers sent send sends issued issue issues took take takes
    expressed voiced delivered became become remains remained""".split()
)
# "left no doubt" (session 28)
LIGHT_VERB_FORMS = LIGHT_VERBS | frozenset("left leaves renewed".split())
# ... "X has reportedly looked at Y": a hearsay adverb before a verb that is no cue has no source
REPORTEDLY_SOURCELESS = True
HEARSAY_ADVERBS = frozenset(("reportedly", "allegedly"))
# ... "''…,'' Mr. Kaplan, a screenwriter and former studio executive, said dryly.": an "and" in
# the source's appositive does not stop the quotation before it being the content
QUOTE_APPOSITIVE_AND = True
# ... "Mitt Romney, who campaigned on X and sought Trump's endorsement": a coordinated cue
# without an earlier source takes the relative pronoun opening its clause
COORDINATED_RELATIVE = True
COORDINATED_WHO_WINDOW = 12
# ... and over "in the past" and "in the meantime"
IN_THE_PAST = True
TIME_ADJUNCTS = frozenset((("in", "the", "past"), ("in", "the", "meantime")))
# ... and over a fronted time clause ("Years after X claimed ..., Obama won ... by promising")
LEADING_TIME_CLAUSE = True
TIME_NOUNS = frozenset("years months weeks days hours minutes decades moments".split())
TIME_QUANTITIES = frozenset("a few several one two three four five many some".split())
TIME_LINKS = frozenset("after before later ago earlier".split())
# ... an infinitive cue after "to/on" + a medium takes the clause subject ("took to Twitter to say")
MEDIUM_INFINITIVE = True
# ... an infinitive cue after a catenative verb takes that verb's subject ("Hillary Clinton is
# continuing to insist", "Bernie Sanders is struggling to demonstrate"); adjectives ("is right
# to note"), "going" and raising verbs cost content words on train-rest
CATENATIVE_INFINITIVE = True
CATENATIVES = frozenset(
    """trying try tries tried struggling struggle struggles struggled continuing continue
    continues continued choosing choose chooses chose want wants wanted wanting decided decide
    decides hoping hope hopes hoped plan plans planned planning seeking seek seeks sought
    attempted attempting attempt attempts began begin begins started start starts need needs
    needed needing fail fails failed failing refuse refuses refused refusing manage manages
    managed managing tend tends tended decline declines declined declining agree agrees agreed
    prepare prepares prepared preparing""".split()
)
# ... a cue after a copula or auxiliary takes the subject before it ("Republicans have been
# critical of", "Trump has not yet responded to"); a past participle there is a passive, whose
# subject is no source, and a progressive's subject is left to MAIN_SUBJECT_FALLBACK
COPULA_PREDICATE = True
COPULA_AUX = frozenset("is are was were be been 's 're".split())
PREDICATE_SKIPS = frozenset("yet definitely specifically".split())
PREDICATE_PASSIVES = frozenset(
    "said told felt read sought found heard thought made held given known seen".split()
)
EXPLETIVES = frozenset(("it", "there"))
# ... and its cue runs through an infinitive after the adjective ("was quick to point out")
PREDICATE_INFINITIVE = True
INFINITIVE_PARTICLES = frozenset("out up in down off".split())
PREDICATE_PREPOSITIONS = frozenset(("in",))
# ... "X released a statement Wednesday evening, saying ...": a cue whose content is only the
# words before a participle cue of the same source is one cue with it (PolNeAR's span runs
# from the first cue through the participle)
PARTICIPLE_CHAIN = True
PARTICIPLE_CHAIN_GAP = 80  # characters from the first cue to the participle
PARTICIPLE_CHAIN_WORDS = 8
CHAIN_OPENERS = frozenset("on in at during".split())
# ... "..., Federal Election Commission records compiled by the Center for Responsive Politics
# show.": a sentence-final cue whose subject opens after a comma trails the words before it,
# however long the subject
TRAILING_SUBJECT = True
# ... "After blasting the Drudge Report for ..., Glenn Beck doubled down": a gerund cue in a
# fronted prepositional clause takes the main clause's subject after it
FRONTED_GERUND = True
GERUND_OPENERS = frozenset("after before by in while since upon without when".split())
FRONTED_GERUND_COMMAS = 3
# ... and "goes on to say", "went on to call"
GOES_ON_TO = True
GO_FORMS = frozenset("go goes went going".split())
# ... "However, the senator ..., calling": a main clause's subject steps over a leading
# discourse adverb's comma
JUNK_COMMA = True
JUNK_COMMA_WORDS = frozenset("however instead meanwhile".split())
# ... "Marco Rubio flipped his choice on the spot – saying": a dash before a participle cue
# works like a comma
DASH_PARTICIPLE = True
# ... and FRONTED_GERUND after "after", "before", "while" (which GERUND_PREPS takes first)
FRONTED_GERUND_PREP = True
# ... "when Sanders protesters interrupted her speech, shouting": a participle cue after a
# subordinate clause takes that clause's subject
SUBORDINATE_PARTICIPLE = True
PARTICIPLE_SUBORDINATORS = frozenset("when after while before because since as".split())
SUBORDINATE_WINDOW = 25
# ... and a long description after an inverted cue may run on to the name after its comma
# (session 26)
INVERTED_NAME_APPOSITIVE = True
# ... and (session 26) a participle cue after a comma takes the whole subject of its main
# clause, found left of that clause's first verb as a cue's subject is ("Presumptive Republican
# presidential nominee Donald Trump also joined the debate, announcing", "David Stockman, a
# former director of ..., has been pushing for it, arguing"), or everything before the
# participle's comma when a preposition, not a verb, follows the subject ("Democrats in
# Congress, fearing ...")
PARTICIPLE_VERB_SUBJECT = True
IRREGULAR_PAST = frozenset(
    """left made took went gave spent began struck sought came got held kept led met paid put ran
    sat saw set stood told thought won wrote brought bought built caught chose drew drove fell
    felt fought found flew grew heard hit knew lost meant rose sent shot shut spoke stuck swore
    threw understood became broke""".split()
)
SUBJECT_PREPOSITIONS = frozenset("in of on at from for with to across around".split())
# ... and so do the other cues that take the main clause's subject: an infinitive ("Breitbart
# Texas editor Brandon Darby will come on the program to talk about"), a participle with no comma
# ("Party leaders are now openly questioning") or after a preposition (", before insisting")
MAIN_CLAUSE_VERB_SUBJECT = True
# Session 27: a bare participle cue right after the object of a preposition or a verb takes
# the main clause's subject, not that object ("Clinton spent much of the run-up to the caucuses
# portraying Sanders as ...")
EMBEDDED_GERUND_SUBJECT = True
# ... and words left of a cue that open with an infinitive's verb are no subject: the object of a
# causative verb is ("to make anyone think"), or the noun phrase the infinitive belongs to
# ("Organizers of the push to boycott the speech said"); with neither, no one, and the cue makes
# no attribution ("moved quickly to shut off speculation"; on the held-out folds this beat
# keeping the verb phrase as the source: lenient +0.0003)
INFINITIVE_OBJECT_SUBJECT = True
CAUSATIVE_VERBS = frozenset("make makes made let lets help helps hear heard watch see saw".split())
# ... and one after a coordinated clause with a subject of its own takes that subject, not the
# previous attribution's source (session 26)
CLAUSE_OWN_PARTICIPLE = True
# ... and FRONTED_GERUND after "In addition to"
IN_ADDITION_TO = True
# Session 8, span rules. A fronted subordinate clause that holds the cue ends its content at the
# clause's comma (session 5's CLAUSE_SUBORDINATORS) also after "as" when the cue's complement
# comes before the comma ("As Mitchell tried to discuss the challenges ..., Sanders cut her off";
# not "As Trump said, ...", "As X reported just today, ...", 'As they say about him, "..."')
AS_CLAUSE = True
AS_ADJUNCTS = frozenset("about just today yesterday earlier last this".split())
# ... after a time phrase ("A few weeks after Obama announced that ..., U.S. forces bombed")
TIMED_SUBORDINATOR = True
TIMED_LEADS = TIME_NOUNS | TIME_QUANTITIES | frozenset("just only shortly soon long right".split())
TIMED_LINKS = frozenset("after before since when".split())
# ... and at a comma closing a quotation ('After he blasted "Frozen" for being too "pro-gay,"
# Pastor Kevin Swanson has ...'), the quotation kept
CLAUSE_QUOTE_COMMA = True
# A sourceless cue's content (a raising verb or passive: "Enthusiasm for Clinton appears to have
# plummeted ..., when she defeated Obama", "New Hampshire seems stable, but ...") ends at the
# first comma after the cue (a list of clause links after the comma scored lower on both slices)
SOURCELESS_CLAUSE_END = True
# ... so does a noun cue's ("his criticism of the deal, which passed in July, ...")
NOUN_CUE_COMMA = True
# ... and an infinitive's ("vowed to block Mr. Obama's nominee, Judge Merrick B. Garland"), at a
# comma that closes the clause: not in a number, a list, or before "including", "not" ...
INFINITIVE_COMMA = True
# ... and a participle cue's ("saying she was weak on trade, which drew cheers"); a list (an
# "and", "or" or comma within five words after or before the comma), an aside and an adjunct
# opening the content ("that if elected, he would") keep their commas
PARTICIPLE_COMMA = True
LIST_WINDOW = 5
COMMA_CONTINUES = frozenset("not including such especially particularly like that".split())
FRONTED_IN_CONTENT = frozenset(
    """if when as while although though because in with whatever after before despite since for
    by once unless""".split()
)
# A single dash before a focusing word does not end a forward content ("Obama should be replaced
# — only that the prospect of another candidate ...", "— including Jeb Bush"), as ", including"
# does not (session 3)
DASH_CONTINUES = True
DASH_CONTINUERS = frozenset("including especially particularly only".split())
# An infinitive cue after a catenative verb that _subject_left took into the subject ("Mitchell
# tried to discuss") takes the verb's subject; PolNeAR's cue runs from the verb
CATENATIVE_SUBJECT_FIRST = True
STATE_SECOND_WORDS = frozenset("hampshire jersey york carolina dakota mexico island".split())
ASKED_OPENERS = frozenset("when if after before once while being".split())
NESTED_EXEMPT = frozenset(("punctuation", "noun"))
SOLO_MARGIN = 0.5  # with the model's threshold 0.43 (session 8: scripts/train_attribution_cues.py)
SOLO_PRECISION = 0.12
SURE_MIN_COUNT = 20
SURE_PRECISION = 0.8
LIKELY_MIN_COUNT = 10
LIKELY_PRECISION = 0.5
GENERIC_STOP = frozenset(
    "this thus unless always perhaps during nothing something anything".split()
)

QUOTE_OPEN = '"“„«'
QUOTE_CLOSE = '"”»'
QUOTE_MARKS = QUOTE_OPEN + QUOTE_CLOSE
QUOTE_ENDS = QUOTE_CLOSE + "'"  # what a quotation ends with (NYT-style ''…'' too)
CLAUSE_PUNCT = frozenset([*",;:()[]—–-", '"'])
# Words that end a subject noun phrase when scanning left from a cue.
BOUNDARY_WORDS = frozenset(
    """that which who whom whose because when whenever while if after before as since although
    though so than where whether but or nor yet unless and until despite during in on at with into
    upon onto about against among between through over under without within across toward
    towards then said says say told also even once now this comes came is was are were be been
    being has have had do does did can could will would should may might must to not""".split()
)
# Leading words that are not part of a subject: "But Trump said", "And so he said".
LEADING_JUNK = frozenset(
    """but and so yet still now meanwhile however also then thus instead indeed later earlier
    finally moreover separately in on""".split()
)
# Leading words a content before its cue leaves out ("But the plan, he said, ...": PolNeAR
# starts the content at "the"; "In Miami, ..." keeps "In").
CONTENT_LEADS = frozenset("but and so yet still".split())
# Between a subject and its cue: adverbs, auxiliaries, negation, time words.
SKIP_BEFORE_CUE = frozenset(
    """also has have had would will did does do not never later then again repeatedly
    reportedly publicly privately previously recently once first last initially originally
    already always often frequently long famously quickly immediately still just even only
    further since both all each lately monday tuesday wednesday thursday friday saturday sunday
    yesterday today tonight earlier week month year yet instead""".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TIME_WORDS = WEEKDAYS | frozenset(
    """yesterday today tonight recently previously earlier later repeatedly again also publicly
    privately""".split()
)
CONTRACTED = frozenset("he she it that there what who where here".split())
GAP_VERBS = frozenset(
    "will would could can may might should must is was are were has have had".split()
)
# "has said for years that ...": the time between a cue and its "that" belongs to neither.
SPANS_OF_TIME = frozenset("years months weeks days decades some a".split())
# Participles whose time stays in a source: "according to a CBS poll released Monday".
TIMED_PARTICIPLES = frozenset("released published issued conducted taken out".split())
# After a cue, before its content: "said on Thursday that", "said in a statement that".
_TIME_LEADS = frozenset("on last this earlier late early next".split())
_TIME_HEADS = WEEKDAYS | frozenset(
    """morning afternoon evening night week month year weekend day january february march april
    may june july august september october november december""".split()
)
# the last words of what _skip_back steps over besides adverbs: "for the first time", "two weeks
# ago", ", however,", ", of course,", "on Monday"
_SKIP_BACK_LAST = _TIME_HEADS | {"time", "ago", ","}
# Verbs whose first object is the addressee: "told reporters that", "reassured senators of".
ADDRESSEE_LEMMAS = frozenset(
    """tell reassure assure remind warn inform convince persuade promise notify caution""".split()
)
ADDRESSEE_WINDOW = 12
SUBJECT_PRONOUNS = frozenset("he she they we i".split())
# A comma followed by one of these ends the content of a forward attribution (not ", while",
# ", though", ", although": PolNeAR train runs on over them more often than not, and dropping
# them gained strict and content exact F1 on both train slices and held-out folds, session 22).
CONTENT_CUTS = frozenset("despite whereas according citing adding noting compared".split())
# "-ing" words after a comma that do not open a participle clause (", including X" stays in
# the content: PolNeAR train continues over it 53 times in 59)
NOT_PARTICIPLES = frozenset("including during regarding concerning notwithstanding".split())
REL_PRONOUNS = frozenset(("who", "which", "that"))
# A quotation, more words, then ", said X": the content runs to the comma (session 18)
QUOTE_THEN_INVERTED = True
# "..., whom he alienated, said Larry Sabato.": no appositive subject starting mid-clause
INVERTED_AFTER_CLAUSE = True
# "John McCain -- who lost in 2008 -- said": a double hyphen as a dash around an aside
DOUBLE_HYPHEN_DASH = True
# "Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a junior
# staffer) says": a parenthetical after a name, up to this many tokens (8 before session 18)
PARENTHESIS_WORDS = 24
# "A woman in Worcester, Massachusetts, told him": a subject ending in a place and its state
STATE_SUBJECT = True
# '… — “Born with a silver spoon,” Mr. Elkins said — but …': a quotation aside in dashes
DASHED_QUOTE_ASIDE = True
# "The aides, led by campaign manager Terry Sullivan, told": a passive participle's phrase is
# part of the subject, as PolNeAR marks it
PARTICIPLE_BY_APPOSITIVE = True
# "The nominee has not stepped forward publicly to defend": what the subject search found after
# an auxiliary is the verb phrase; the subject is the auxiliary's (session 19)
VERB_PHRASE_SUBJECT = True
# Verbs whose object does what the next verb says ("help scientists ask", "left voters saying").
OBJECT_CONTROL_VERBS = frozenset(
    """help helps helped force forces forced let lets allow allows allowed push pushes pushed
    urge urges urged encourage encourages encouraged prompt prompts prompted leave leaves left
    cause causes caused enable enables enabled persuade persuaded convince convinced require
    requires required invite invites invited""".split()
)
# Auxiliaries after which a lowercase word opens a verb phrase, not a subject.
PHRASE_AUXILIARIES = frozenset(
    "has have had did does do will would can could should may might must been".split()
)
INVERTED_OPENERS = frozenset("the a an one two three several many some".split())
# "''…,'' said his best friend at Lehigh, Bruce Turry.": after a quotation, an inverted source
# may open with a possessive (session 19)
POSSESSIVE_INVERTED = True
# "in their criticism of Trump": a noun cue's possessor is its source whatever the pronoun (the
# test of a lone lowercase subject let "his" and "its" through, not "her" or "their"; session 20)
POSSESSOR_SOURCE = True
# "…, which he describes as his second home": a relative pronoun and a subject before the cue
# make its object the relative pronoun, not a trailing tag on the clause before (session 20)
OBJECT_RELATIVE_CUE = True
OBJECT_RELATIVES = frozenset("which whom".split())
# "…, she said in a video message to the convention.": the medium phrase after the cue may have
# modifiers and a second noun; it is an adjunct, not the content (session 20)
MEDIUM_ADJUNCT_WORDS = True
MEDIUM_DETERMINERS = frozenset("a an".split())
# "That person said …": a demonstrative opening the clause belongs to its subject (session 20)
DEMONSTRATIVE_SUBJECT = True
DEMONSTRATIVES = frozenset("that this".split())
# "Mrs. Clinton's position has angered some Democrats": the verb's object feels, so it is the
# source and the subject the content (train: 8 attributions righted, 1 made wrong)
PSYCH_OBJECT_SOURCE = True
FEELING_LEMMAS = frozenset(
    "anger alarm surprise worry resonate frustrate upset please impress disappoint trouble irk "
    "annoy infuriate outrage scare frighten delight shock stun enrage dismay offend bother".split()
)
FEELING_NOT_ACTIVE = COPULA_AUX | frozenset("being get got feel felt seem seemed".split())
POSSESSIVE_OPENERS = frozenset("his her their its our my".split())
SPEECH_LEMMAS = frozenset("say add write tell ask explain continue recall note".split())
# "Sen. Jack Reed (D-R.I.), said after a lunch that …": a name, its bracketed tag and a comma
# are the subject (the words after "said" were taken for an inverted source; session 19)
TAG_COMMA_SUBJECT = True
_PARTY_RE = re.compile(r"[rdi](?:-|$)")  # "(R-OH)", "(D-R.I.)", "(R)": not "(NSA)"
# '"…," Edward-Isaac Dovere and Gabriel Debenedetti wrote': two names joined by "and" after a
# quotation are its source (any "and" there stopped the rule; session 19)
NAMES_AND_QUOTE = True
# "the Florida senator and Republican presidential candidate said": one person's two titles
# joined by "and" (the subject stopped at "and"; session 24)
TITLE_AND = True
TITLE_AND_WORDS = 4
# "His wife, longtime Clinton aide Huma Abedin, announced": an appositive that ends in a name
# (session 24)
APPOSITIVE_NAME = True
APPOSITIVE_WORDS = 8
# "…, says political scientist Dossym Satpayev in Almaty.": the place closes the inverted
# source (the sentence gave no attribution; session 24)
INVERTED_PLACE = True
# ... and so does a relative clause after its comma ("…, said Howard Rubel, a senior analyst,
# who notes that …"; session 24)
INVERTED_RELATIVE = True
# "People who voted for Trump say": a restrictive relative clause belongs to the subject
# (session 24)
RESTRICTIVE_RELATIVE = True
RELATIVE_SUBJECT_WORDS = 14
# ... and so does a participle after a word for people ("Voters supporting Trump say")
PARTICIPLE_HEADS = frozenset(
    """those people voters others anyone everyone democrats republicans americans officials
    activists groups supporters critics leaders members residents workers lawmakers senators
    delegates superdelegates candidates conservatives liberals progressives""".split()
)
# "Joe Scarborough, host of “Morning Joe,” suggested …": a short quotation closing an aside
# after the subject is a title, not the content of the cue after it (session 24)
TITLE_QUOTE_ASIDE = True
TITLE_QUOTE_WORDS = 8
# "Kasich offered the man a job, then said he would welcome advice": ", then" coordinates the
# cue with the clause before, as "and" does (session 19)
THEN_COORDINATED = True
IRREGULAR_PARTICIPLES = frozenset("said thought seen known told held found made given".split())
FRONTED = frozenset(
    """in on at after before during while when since although though because as if despite
    with without for by from over under""".split()
)
# More openers of a fronted adjunct before a main clause's subject ("Throughout the 2000s,",
# "Amid the protests,", "Once in office,").
FRONTED_MORE = frozenset("throughout amid once just following until upon within among".split())
# A floating quote opening right where an attribution's content ends joins the content of the
# first attribution of that sentence in the PolNeAR scoring (session 23).
FLOAT_JOIN = True
SENTENCE_REACH = 600  # characters back from a cue to look for its sentence's start
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’']?\s|\n")
# A cue after a quotation that ended the sentence before ('"Why?" Obama asked Republican
# politicians.', '"…." Mr. Biden said, clutching the lectern') takes that quotation even when a
# participle clause or a short object follows it (session 23)
SPLIT_QUOTE_TAIL = True
LOOSE_TAIL_WORDS = 6
LOOSE_TAIL_STOPS = frozenset(
    'that whether if to about why how what when where who which " :'.split()
)
# "… said the plan would fail during a debate in Iowa": the speech's occasion ends the content
# (session 23; "at a rally" and "in an interview" measured too, not kept)
EVENT_ADJUNCT_CUT = True
EVENT_DETERMINERS = frozenset("a an the his her their its".split())
EVENT_NOUNS = frozenset(
    "speech debate interview rally conference call hall breakfast briefing hearing address".split()
)
EVENT_WINDOW = 5
# "…; indeed, he said, “…”": a sentence adverb after a semicolon is no content (session 23)
SEMICOLON_ADVERB = True
# A cue with nothing after it but adjuncts or an addressee, whose subject with its appositive
# follows a comma, takes the clause before that comma as content (session 23)
APPOSITIVE_TRAILING = True

CUE_PREFIX = frozenset(
    """has have had would will did does do not never is was are were 's hasn't haven't hadn't
    didn't doesn't don't won't wouldn't isn't wasn't also still just even later often once again
    already recently previously repeatedly publicly privately first to could can may might should
    must now then soon been be being long always ever yet""".split()
)
MODALS = frozenset("might may could can should must".split())
# Abbreviations whose period stays in a span (state abbreviations of AP style, name suffixes).
ABBREVIATIONS = frozenset(
    """Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont
    Neb Nev Okla Ore Pa Tenn Va Vt Wash Wis Wyo Jr Sr Inc Corp Co Ltd Bros""".split()
)
US_STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming""".split()
)
# Words before a subject that are not part of it ("Perhaps young voters", "including his").
SUBJECT_LEADS = frozenset("perhaps maybe including especially particularly".split())
LONE_QUANTIFIERS = frozenset("some many others most".split())
QUANTIFIERS = frozenset("all both more most some many several few each every".split())
QUANTITY_PAIRS = frozenset(
    [("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"), ("at", "most")]
)
FRACTIONS = ("thirds", "quarters", "fifths", "fourths")
APPROXIMATORS = frozenset("about nearly almost roughly some only just over around".split())
SUBORDINATORS = frozenset("when though although while if because as once unless whether".split())
# A pronoun and its auxiliary in one token ("they've offered"): PolNeAR's source is the pronoun.
PRONOUN_CONTRACTIONS = frozenset(
    f"{p}{a}"
    for p in ("i", "we", "you", "he", "she", "they")
    for a in ("'ve", "'d", "'ll", "'s", "'re", "'m", "’ve", "’d", "’ll", "’s", "’re", "’m")
)
# Words a subject noun phrase does not extend left over ("half of what researchers found").
SUBJECT_STOPS = frozenset("what how why whom from like amid unlike among".split())
# Words after a name that open an adjunct, not a part of the name ("said X on Hot Air").
NAME_ADJUNCTS = frozenset("on in during when while after before however".split())
# An inverted source ("said X, a friend who worked for her.") keeps a "who" clause; these end it.
NP_AFTER_STOPS = frozenset(("that",))
# Prepositions that can join a noun and its modifier inside a subject.
SUBJECT_PREPS = frozenset("in at from on".split())
# A subject's head and the preposition that links its modifier ("people briefed on the talks").
SUBJECT_LINKS = frozenset(
    (
        ("familiar", "with"),
        ("close", "to"),
        ("briefed", "on"),
        ("involved", "in"),
        ("involved", "with"),
        ("privy", "to"),
    )
)
LINKED_NOUNS = frozenset("aides aide advisers adviser people sources officials".split())
PLURAL_NOUNS = frozenset("people men women children staff police".split())
# Lowercase openers of a comma-delimited phrase after a subject that make it an adjunct, not an
# appositive description ("Smith, in his speech, said"); and -ing/-ed/-ly words that are nouns.
APPOSITIVE_ADJUNCTS = frozenset(
    """in for after on while with without through by to when where during at as despite amid
    from under over speaking writing""".split()
)
APPOSITIVE_NOUNS = frozenset("wing family ally".split())
# Lone lowercase words that are subjects: "some say", "many believe", "others argue".
SUBJECT_WORDS = frozenset(
    "some many others most few both all critics officials one another several".split()
)
# Prepositions before an -ing cue whose subject is the clause's ("before insisting", "while
# arguing", "without mentioning").
GERUND_PREPS = frozenset("before after without while upon when since".split())
PARENTHETICAL_PAIRS = frozenset(
    [("of", "course"), ("for", "example"), ("in", "turn"), ("in", "fact"), ("for", "instance")]
)
# Sentence adverbs a content before its cue leaves out ("In fact, ..., X said").
LEAD_PAIRS = PARENTHETICAL_PAIRS | frozenset(
    [("in", "contrast"), ("in", "all"), ("in", "addition"), ("in", "short"), ("by", "contrast")]
)
NOT_AFTER_CUE = frozenset("himself herself itself themselves ourselves up than".split())
DAY_PARTS = frozenset("morning afternoon evening night".split())
PROGRESSIVE_AUX = COPULA_AUX  # the same forms of "be", before an -ing cue
PASSIVE_AUX = frozenset("is are was were be been being 's".split())
# "Mr. Sanders has been criticized for …": a perfect passive names no source either (session 19)
PERFECT_PASSIVE = True
# ... and a one-word participle cue after "be" is a passive too ("The senator was being
# challenged", "have now been deemed"), when the lexicon holds only its active phrase (session 22)
SURFACE_PASSIVE = True
PASSIVE_TIME_ADVERBS = frozenset("first initially originally previously".split())
# ... a passive's "by" agent up to six words after the cue is its source ("was attacked on
# Twitter by Democratic candidates")
DISTANT_AGENT = True
DISTANT_AGENT_WORDS = 6
AGENT_ENDS = frozenset("as if whether to that about for".split())
DISTANT_AGENT_STOPS = frozenset(', ; : " that which who -- — – ( but as'.split())
# ... a participle of feeling after "be" is a predicate whose subject is the source ("Her
# advisers are not convinced that"); PolNeAR train marks the subject as source for "worried"
# 8 times in 8, "concerned" 6 in 6, "shocked", "convinced" 4 in 4 (mined from the cue spans)
ADJECTIVAL_SUBJECT = True
# Participles that after "be" describe their subject's state of mind: the subject holds the view
ADJECTIVAL_PARTICIPLES = frozenset(
    """concerned convinced dedicated devoted committed determined pleased worried interested
    opposed inclined disappointed surprised satisfied frustrated prepared obsessed resigned
    relieved encouraged excited alarmed unconvinced undecided divided united torn shocked
    outraged impressed focused engaged scared startled poised""".split()
)
PERFECT_AUX = frozenset("has have had".split())
PASSIVE_CHAIN = (
    PASSIVE_AUX | PERFECT_AUX | frozenset("will would could can may might should must".split())
)
# Participles whose passive subject is who is spoken to or about, not who speaks.
TARGET_PARTICIPLES = frozenset(
    """asked criticized criticised called accused told urged praised attacked questioned pressed
    blamed condemned labeled labelled dubbed described""".split()
)
RAISING = frozenset(("seem", "appear"))
PASSIVE_ADVERBS = frozenset("not n't also widely best still often increasingly".split())
PARENTHETICALS = frozenset("however too though meanwhile moreover also instead though".split())
APPOSITIVE_OPENERS = frozenset(
    """who whose which a an the now then one himself herself itself former also like
    including""".split()
)
FINAL_PUNCT = frozenset((".", "!", "?", ")", '"', "'"))
ADJUNCT_PREPS = frozenset(
    "in at on during after before while when by to from via through with as of over".split()
)
MEDIUM_NOUNS = frozenset(
    "statement interview tweet post email letter speech memo video op-ed".split()
)
MEDIUM_HEADS = MEDIUM_NOUNS | frozenset("message address call column editorial essay".split())
# "said on the show": after these "on" is a place, not the cue's preposition (``CUE_PREPOSITIONS``)
ON_PLACES = MEDIUM_NOUNS | frozenset("show screen program broadcast radio television stage".split())
PERSONAL_PRONOUNS = frozenset("he she they we i it you".split())
NP_INNER = frozenset("of for at from the a an and de van von la".split())
HEADLINE_INNER = NP_INNER | {"camp", "-", ".", "&"}
DETERMINERS = frozenset("the a an his her its their our my your this that these those".split())
GAP_QUANTIFIERS = frozenset("some many most few several all both".split())
POSSESSIVES = frozenset("his her its their our my your".split())
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())


_NEXT_NONSPACE_RE = re.compile(r"\s*")
# ", and NBC News has proof": a second clause (its own speaker) before a colon
_COORDINATED_CLAUSE_RE = re.compile(r", (?:and|but) [A-Z]")
# a quote mark (QUOTE_MARKS, or '' NYT-style): the quote finder's pattern, defined once there
_QUOTE_MARK_RE = _MARK_RE
_ABBREV_END_RE = re.compile(r"(?:^|[^\w.])(?:[A-Za-z]\.){2,}$")


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    # None until laid out (``_lay_out``) when ``_sentences`` was asked to defer them
    starts: list[int] | None
    ends: list[int] | None
    norms: list[str]
    raws: list[str]
    # the sentence's sure and likely cues (``_sure_cues``), found when first needed
    sure: list[tuple[int, int, int]] | None = None
    # the tokens that are cue starters (``_starter_hits``), found with the cue positions
    hits: list[int] | None = None
    # whether a token is a quote mark ('"'), found when a cue candidate is first scored
    quote: bool | None = None
    # the lengths of token, gap, token, ..., gap whose running sums are the offsets not laid
    # out yet (``_lay_out``)
    lengths: list[int] | None = field(default=None, compare=False, repr=False)
    # the subjects ``_subject_left`` found, by cue token (a cue's plan and its span rules both
    # ask for the same one)
    subjects: dict[int, tuple[int, int] | None] | None = field(
        default=None, compare=False, repr=False
    )


def _lay_out(sent: _Sentence) -> None:
    """Fill in a deferred sentence's token offsets, the running sums of its lengths: only
    sentences with a cue (or a candidate inside a quotation) need them, half of those
    tokenised."""
    offsets = list(accumulate(sent.lengths, initial=sent.start))
    sent.starts, sent.ends = offsets[0:-1:2], offsets[1::2]
    sent.lengths = None


@dataclass(slots=True)
class Found:
    """One attribution as character spans (an internal, pandas-free shape)."""

    cue: tuple[int, int] | None
    content: list[tuple[int, int]]
    source: tuple[int, int] | None = None
    entry: CueEntry | None = None
    kind: str = "indirect"
    extras: dict[str, object] = field(default_factory=dict)


@cache
def _trie() -> dict[str, dict]:
    """Usable cue phrases as a word trie: each node maps the next word to a child node, and
    the key "" to the entry of the phrase ending there ("" is never a token)."""
    root: dict[str, dict] = {}
    for phrase, entry in cue_lexicon().items():
        if not _usable(entry):
            continue
        node = root
        for w in phrase:
            node = node.setdefault(intern(w), {})
        node[""] = entry
    return root


@cache
def _phrase_forms() -> dict[str, dict]:
    """Other forms of a usable multi-word phrase's first word ("raising questions about" from
    "raised questions about", "standing by" from "stood by"), as a trie like ``_trie``; each
    entry keeps its phrase's lemma and has no counts of its own (a "form" candidate)."""
    root: dict[str, dict] = {}
    lexicon = cue_lexicon()
    for phrase, entry in lexicon.items():
        first = phrase[0]
        if len(phrase) < 2 or not _formable(first) or not _usable(entry):
            continue
        lemma = lemmatize(first)
        for form in _inflections(lemma):
            variant = (form, *phrase[1:])
            if form == first or variant in lexicon or lemmatize(form) != lemma:
                continue
            node = root
            for w in variant:
                node = node.setdefault(intern(w), {})
            node.setdefault("", CueEntry(variant, entry.lemma, entry.pos, entry.cue_class, 0, 0))
    return root


def _formable(word: str) -> bool:
    """Whether a word's other forms are worth trying (a content word of four letters or more)."""
    return word.isalpha() and len(word) >= 4 and word not in FUNCTION_WORDS


def _usable(entry: CueEntry) -> bool:
    """Mined phrases that are cues often enough to test in context, and hand-listed ones train
    barely shows."""
    if entry.pos == "punctuation" or entry.phrase[0] in ("'", "’"):
        return False
    if entry.extra and entry.n_seen < EXTRA_MIN_SEEN:
        return True
    model = cue_model() if CUE_MODEL else None
    if model is not None and "phrases" in model:
        return " ".join(entry.phrase) in _model_phrases()
    if CUE_MODEL:
        floor = MODEL_CANDIDATE_PRECISION
    elif CONTEXT and cue_contexts():
        floor = CANDIDATE_PRECISION
    else:
        floor = MIN_PRECISION
    if entry.n_cue >= MIN_CUE_COUNT and entry.precision >= floor:
        return True
    return entry.extra and entry.n_seen < EXTRA_MIN_SEEN


@cache
def _always_phrases() -> frozenset[tuple[str, ...]]:
    """Phrases the classifier accepts nearly everywhere in train: accepted without scoring."""
    model = cue_model() if CUE_MODEL else None
    return frozenset(tuple(p.split(" ")) for p in model.get("always", ())) if model else frozenset()


@cache
def _model_phrases() -> frozenset[str]:
    model = cue_model()
    return frozenset(model.get("phrases", ())) if model else frozenset()


# --- segmentation ---------------------------------------------------------------------------------
def attribution_regions(article: Article) -> list[tuple[int, int]]:
    """Blocks that can hold attributions: title and body (not byline, credit or boilerplate)."""
    regions = []
    for block in article.blocks:
        if block.role not in ("title", "body"):
            continue
        start = block.start
        if article.dateline is not None and block.start <= article.dateline.start < block.end:
            start = article.dateline.end
        regions.append((start, block.end))
    return regions


def _sentences(
    text: str,
    regions: list[tuple[int, int]],
    spans: list[tuple[int, int]] | None = None,
    always: int = -1,
    prefilter: bool = True,
    defer: bool = False,
) -> list[_Sentence]:
    """Sentences of the regions (or the given sentence ``spans``) with their tokens; a sentence
    without any word a cue needs keeps no tokens (an empty placeholder, so that neighbours stay
    neighbours). The sentence starting at ``always`` keeps them regardless (a headline). With
    ``defer``, a sentence tokenised piece by piece keeps the lengths its offsets sum (None as
    ``starts`` and ``ends`` until ``_lay_out``).

    Each sentence is tokenised on its own, piece by piece (``_PIECES``): exact because a
    sentence has white space (or the text's edge) on both sides, so no token of the text
    straddles it; other spans go through ``_text_sentences``. Offsets are laid out only for
    sentences that keep their tokens. (Until session 15 a per-piece prefilter, a dict of flags
    beside ``_PIECES``, skipped a sentence before its tokens were listed: its second look-up of
    every piece cost more than the lists it spared, and the token check below decides alike.)"""
    if spans is None:
        spans = [se for r_start, r_end in regions for se in split_sentences(text, r_start, r_end)]
    if not spans:
        return []
    if len(_PIECES) >= PIECES_LIMIT:
        _PIECES.clear()
    tokens_of = _PIECES.__getitem__
    cue_words = _cue_words()
    n = len(text)
    out = []
    last = 0
    for s, e in spans:
        if s < last or (s and not text[s - 1].isspace()) or (e < n and not text[e].isspace()):
            return _text_sentences(text, spans, always, prefilter)
        last = e
        pieces = text[s:e].split(" ")
        try:  # (length, raw, gap, norm) of every token
            flat = list(chain.from_iterable(map(tokens_of, pieces)))
        except TypeError:  # a piece's None: no token, or a gap before its first
            starts, ends, raws, norms = _tokens(text, s, e)
            if not raws:
                continue
        else:
            norms = flat[3::4]
            starts = None
        if prefilter and s != always and cue_words.isdisjoint(norms) and not _maybe_generic(norms):
            out.append(_Sentence(s, e, _NONE, _NONE, _NONE, _NONE))
            continue
        if starts is None:
            if defer:
                out.append(_Sentence(s, e, None, None, norms, flat[1::4], lengths=flat[0::2]))
                continue
            # the lengths of token, gap, token, ..., gap: their running sums are the offsets
            offsets = list(accumulate(flat[0::2], initial=s))
            starts, ends, raws = offsets[0:-1:2], offsets[1::2], flat[1::4]
        out.append(_Sentence(s, e, starts, ends, norms, raws))
    return out


def _tokens(text: str, start: int, end: int) -> tuple[list[int], list[int], list[str], list[str]]:
    """Starts, ends, raw and normalised forms of the tokens of text[start:end]."""
    # split with the token pattern captured: gaps and tokens alternate, so the offsets are running
    # sums of their lengths (all in C; a match object per token costs twice as much)
    parts = _TOKEN_SPLIT_RE.split(text[start:end])
    offsets = list(accumulate(map(len, parts), initial=start))
    raws = parts[1::2]
    try:  # every token met before (no scan for the None of a miss)
        norms = list(map(_NORMS.__getitem__, raws))
    except KeyError:
        norms = list(map(_NORMS.get, raws))
        _fill_norms(norms, raws)
    return offsets[1:-1:2], offsets[2::2], raws, norms


def _text_sentences(
    text: str, spans: list[tuple[int, int]], always: int, prefilter: bool
) -> list[_Sentence]:
    """``_sentences`` for any spans: one pass over the text from the first to the last, then a
    slice per sentence."""
    starts, ends, raws, norms = _tokens(text, spans[0][0], spans[-1][1])
    cue_words = _cue_words()
    out = []
    i = 0
    for s, e in spans:
        i = bisect_left(starts, s, i)
        j = bisect_left(starts, e, i)
        if j == i:
            continue
        sent_norms = norms[i:j]
        if (
            prefilter
            and s != always
            and cue_words.isdisjoint(sent_norms)
            and not _maybe_generic(sent_norms)
        ):
            out.append(_Sentence(s, e, _NONE, _NONE, _NONE, _NONE))
        else:
            out.append(_Sentence(s, e, starts[i:j], ends[i:j], sent_norms, raws[i:j]))
        i = j
    return out


class _PieceTokens(dict):
    """piece → (length, raw, gap, norm) of each token of a piece of text between two spaces,
    flattened: every second item is a length, of token, gap, token, ..., gap in text order
    (the last gap counts the space after the piece), the rest raw and normal forms in turn.
    None for a piece that cannot be laid end to end with its neighbours so (no token, or a
    gap before the first): ``chain`` raises on it, with no scan of a sentence's pieces for it.
    Pieces repeat across articles ("said", "Trump.", "“We"): a sentence of known pieces costs
    C-level look-ups instead of the token regex (about 2,300 instructions a token on text with
    curly quotes). Bounded, as the word caches are (``PIECES_LIMIT``)."""

    def __missing__(self, piece: str) -> tuple[int | str, ...] | None:
        # a new piece is usually one word ("Zelensky") or a word and a mark ("Kyiv,"): both
        # without the regex (a letter or digit always continues a word token; a mark other
        # than "_" or white space is a token of its own at the end of a piece), their tuple
        # written out (a text meets about 60 new pieces: zip, chain and list builds cost as
        # much again as the work). A word of letters and digits has its lower case as normal
        # form (no apostrophe or quote mark to fold), made here without a call; a raw form
        # equal to its normal form is stored as that interned string, so that a sentence's
        # look-ups touch one string per token instead of two
        if len(_NORMS) >= NORMS_LIMIT:
            _NORMS.clear()  # a vocabulary memo: bounded, as the word caches are
        if piece.isalnum():  # the fewest steps: most misses
            norm = _NORMS.get(piece)
            if norm is None:
                norm = _NORMS[piece] = intern(piece.lower())
            if norm == piece:
                piece = norm
            entry = self[piece] = (len(piece), piece, 1, norm)
            return entry
        word = piece[:-1]
        if word.isalnum():  # (so the mark is no letter or digit: the piece would be a word)
            mark = piece[-1]
            if not (mark.isspace() or mark == "_"):
                get = _NORMS.get
                norm = get(word)
                if norm is None:
                    norm = _NORMS[word] = intern(word.lower())
                mark_norm = get(mark)
                if mark_norm is None:
                    mark_norm = _norm_new(mark)
                entry = self[piece] = (
                    len(word),
                    norm if norm == word else word,
                    0,
                    norm,
                    1,
                    mark_norm if mark_norm == mark else mark,
                    1,
                    mark_norm,
                )
                return entry
        raws = _plain_tokens(piece)
        if raws is not None:  # tokens laid end to end, the space after the last
            flat: list[int | str] = []
            for raw in raws:
                norm = _NORMS.get(raw)
                if norm is None:
                    norm = _norm_new(raw)
                flat += (len(raw), norm if norm == raw else raw, 0, norm)
            flat[-2] = 1
            entry = self[piece] = tuple(flat)
            return entry
        parts = _TOKEN_SPLIT_RE.split(piece)
        if len(parts) < 3 or parts[0]:
            self[piece] = None
            return None
        raws = parts[1::2]
        lengths = list(map(len, raws))
        gaps = list(map(len, parts[2::2]))
        gaps[-1] += 1  # the space after the piece
        norms = list(map(_NORMS.get, raws))
        if None in norms:
            _fill_norms(norms, raws)
        entry = self[piece] = tuple(
            chain.from_iterable(zip(lengths, raws, gaps, norms, strict=True))
        )
        return entry

    @staticmethod
    def cache_clear() -> None:
        """Empty the memo, as the word caches are emptied (static: the class, met among a
        module's names, empties it too)."""
        _PIECES.clear()


def _plain_tokens(piece: str) -> list[str] | None:
    """The tokens of a piece shaped as most new pieces the regex would otherwise split are
    ("“We", "(which", "ICANN’s", "e-commerce", "Canada’s,", "interest,”"), found with string
    methods: an optional mark, a word whose letters and digits may be joined by single
    apostrophes or hyphens (one token, as the token pattern's word), then up to two marks;
    a mark being neither a letter or digit, white space nor "_", and no "''" (one token of
    its own). None for any other piece (the regex splits it)."""
    start = 0 if piece[:1].isalnum() else 1
    end = len(piece)
    if end > start and not piece[end - 1].isalnum():
        end -= 1
        if end > start and not piece[end - 1].isalnum():
            end -= 1
    word = piece[start:end]
    if not word.isalnum():  # (no empty part: joiners are single, inside the word)
        parts = word.replace("’", "-").replace("'", "-").split("-")
        if not all(map(str.isalnum, parts)):
            return None
    marks = piece[end:]
    if marks == "''":
        return None
    for mark in (piece[:start], *marks):
        if mark.isspace() or mark == "_":
            return None
    return [*piece[:start], word, *marks]


_PIECES = _PieceTokens()
PIECES_LIMIT = 1 << 16


_NORMS: dict[str, str] = {}
NORMS_LIMIT = 1 << 16
_NONE: list = []  # the tokens of every skipped sentence (never mutated)
# CUE_TOKEN_RE captured, with possessive quantifiers (the same tokens: nothing follows that could
# make it backtrack; a tenth faster), and written to open with one character class: every token
# starts with a character that is neither white space nor "_" (a letter or digit opens a word,
# anything else is a mark, "''" when a second apostrophe follows), so the regex engine skips
# the gaps by that class instead of trying the three alternatives at every space (a tenth less)
_TOKEN_SPLIT_RE = re.compile(r"([^\s_](?:(?<=[^\W_])[^\W_]*+(?:['’\-][^\W_]++)*+|(?<=')'|))")


# normalize itself, past its lru_cache: ``_NORMS`` is the memo of every token normalised here,
# and a token reaches these calls only when that memo misses, when the lru_cache mostly misses
# too (its bookkeeping, a link per entry, then costs more than the function). Each normal form
# is interned, as are the words keying the cue tables (``_trie``, the word sets, the weight
# tables, ``_sure_phrases``): a token found in them then matches its key by identity, without
# reading the key's string (often out of cache) to compare the characters
_normalize = normalize.__wrapped__


def _norm(raw: str) -> str:
    out = _NORMS[raw] = intern(_normalize(raw))
    return out


def _norm_new(raw: str) -> str:
    """A token the memo has not met: normalised and stored (the memo emptied when full)."""
    if len(_NORMS) >= NORMS_LIMIT:
        _NORMS.clear()  # a vocabulary memo: bounded, as the word caches are, on a long corpus run
    norm = _NORMS[raw] = intern(_normalize(raw))
    return norm


def _fill_norms(norms: list[str | None], raws: list[str]) -> None:
    """Normalise in place the tokens the memo has not met yet (None in ``norms``): a text has
    a few dozen, found by C-level scans instead of a Python pass over every token, as many
    as ``count`` finds (no ValueError past the last: raising it cost more than the scans)."""
    if len(_NORMS) >= NORMS_LIMIT:
        _NORMS.clear()  # a vocabulary memo: bounded, as the word caches are, on a long corpus run
    i = -1
    for _ in range(norms.count(None)):
        i = norms.index(None, i + 1)
        norms[i] = _norm(raws[i])


def _maybe_generic(norms: list[str]) -> bool:
    """Whether a word that could be an unknown cue verb stands before "that" (or a colon)."""
    if "that" not in norms and (not COLON_VERB_CUE or ":" not in norms):
        return False
    return any(b in GENERIC_NEXT and a.endswith(GENERIC_ENDINGS) for a, b in pairwise(norms))


@cache
def _starters() -> frozenset[str]:
    """Words a cue candidate can start with: first words of phrases, other forms of cue verbs,
    vector neighbours of cues."""
    return frozenset(_trie()) | _lemma_forms() | _neighbours().keys() | _phrase_form_words()


@cache
def _phrase_form_words() -> frozenset[str]:
    """First words of ``_phrase_forms`` (none when the switch is off)."""
    return frozenset(_phrase_forms()) if PHRASE_FORMS else frozenset()


@cache
def _phrase_form_heads() -> frozenset[str]:
    """The longest word of each phrase in ``_phrase_forms``, as ``_cue_words`` takes them."""
    if not PHRASE_FORMS:
        return frozenset()
    return frozenset(_longest_word(p) for p in _trie_phrases(_phrase_forms()))


def _longest_word(phrase: tuple[str, ...]) -> str:
    """The word of a phrase the sentence prefilter looks for: its longest, the last of equals
    (*said* in *has said*, *response* in *in response to*)."""
    return intern(max(reversed(phrase), key=len))


def _trie_phrases(root: dict[str, dict]) -> list[tuple[str, ...]]:
    """Every phrase a word trie holds (``_trie``, ``_phrase_forms``)."""
    phrases = []
    stack = [((w,), node) for w, node in root.items()]
    while stack:
        words, node = stack.pop()
        if "" in node:
            phrases.append(words)
        stack.extend(((*words, w), child) for w, child in node.items() if w)
    return phrases


@cache
def _cue_words() -> frozenset[str]:
    """Words a cue candidate needs: the longest word of each usable phrase (*said* in *has
    said*, *response* in *in response to*) and other forms of cue lemmas; a sentence without
    any of them holds no cue."""
    heads = {_longest_word(p) for p, e in cue_lexicon().items() if _usable(e)}
    return frozenset(heads) | _lemma_forms() | _neighbours().keys() | _phrase_form_heads()


@cache
def _phrase_openers() -> dict[str, frozenset[str]]:
    """Starters that only open longer phrases ("the", "has": not a phrase, form or neighbour on
    their own), each with the next words that make them worth a look: a phrase's second word,
    or "that" (before which an unknown verb may be a cue)."""
    forms = _single_forms()
    trie = _trie()
    openers = {
        w: frozenset(node).difference([""]).union(["that"])
        for w, node in trie.items()
        if "" not in node and w not in forms
    }
    for w, node in (_phrase_forms() if PHRASE_FORMS else {}).items():
        if w in forms or (w in trie and w not in openers):
            continue  # a candidate on its own anyway
        openers[w] = openers.get(w, frozenset(["that"])).union(node)
    return openers


@cache
def _single_forms() -> frozenset[str]:
    """One-word candidates outside the trie: other forms of cue verbs, vector neighbours."""
    return _lemma_forms() | _neighbours().keys()


@cache
def _neighbours() -> dict[str, CueEntry]:
    """Candidate entries of the lexicon's vector neighbours (those the classifier accepts
    somewhere in train, or never met there): the word's own lemma and part of speech, its
    neighbour's precision counts and lemma (``proxy``)."""
    if not NEIGHBOUR_CANDIDATES:
        return {}
    lexicon = cue_lexicon()
    model = cue_model() if CUE_MODEL else None
    keep = _model_phrases() if model is not None and "phrases" in model else None
    out = {}
    for word, (near, _cosine) in cue_neighbours().items():
        entry = lexicon.get((near,))
        if entry is None or (keep is not None and "~" + word not in keep):
            continue
        lemma = lemmatize(word)
        out[intern(word)] = CueEntry(
            (word,),
            lemma,
            part_of_speech([word], word),
            cue_class(lemma),
            entry.n_cue,
            entry.n_seen,
            proxy=entry.lemma,
        )
    return out


@cache
def _lemma_forms() -> frozenset[str]:
    """Word forms in the lexicon whose lemma is a cue lemma (plus regular inflections)."""
    lemmas = _cue_lemmas()
    forms = set()
    for lemma in lemmas:
        forms.update(_inflections(lemma))
    for phrase in cue_lexicon():
        for w in phrase:
            if _lemma_entry(w) is not None:
                forms.add(w)
    return frozenset(intern(f) for f in forms if _lemma_entry(f) is not None)


def _inflections(lemma: str) -> list[str]:
    """Regular forms of a verb lemma: -s, -ed, -ing (doubling and silent e handled loosely)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out = [lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"]
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        out += [lemma[:-1] + "ies", lemma[:-1] + "ied"]
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        out += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return out


class _QuoteIndex:
    """Which quote, if any, covers a character offset."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.frags = sorted((s, e, q) for q in quotes for s, e in q.fragments)
        self.starts = [f[0] for f in self.frags]
        self.reach = list(accumulate((f[1] for f in self.frags), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some fragment overlaps [start, end) (else ``at`` is None all through it)."""
        i = bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start

    def at(self, offset: int) -> Quote | None:
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and self.frags[i][0] <= offset < self.frags[i][1]:
            return self.frags[i][2]
        return None

    def starting_at(self, offset: int) -> Quote | None:
        i = bisect_left(self.starts, offset)
        if i < len(self.frags) and self.frags[i][0] == offset:
            return self.frags[i][2]
        return None

    def ending_at(self, offset: int) -> Quote | None:
        """The quote whose outer end is at offset."""
        q = self.at(offset - 1)
        return q if q is not None and q.end == offset else None


# --- cue matching -------------------------------------------------------------------------------
def _candidates_at(sent: _Sentence, i: int) -> list[tuple[int, CueEntry, str]]:
    """Cue candidates starting at token i, longest first: (end token, entry, kind).

    Kinds: "lex" (a mined or hand-listed phrase), "lemma" (another form of a mined cue lemma,
    "asserting" from "assert"), "form" (a phrase with another form of its first word, "raising
    questions about"), "vec" (a vector neighbour of a cue, "warns" near "warned"), "generic"
    (an unknown -ed verb before "that").
    """
    norms = sent.norms
    w = norms[i]
    trie, lemma_forms, neighbours = _candidate_tables()
    node = trie.get(w)
    out = _trie_matches(node, norms, i, "lex") if node is not None else []
    if out:  # (a phrase: the other kinds are not looked at, so their tests are skipped)
        return out
    if PHRASE_FORMS and (node := _phrase_forms().get(w)) is not None:
        out = _trie_matches(node, norms, i, "form")  # the word's own form comes after them
    if LEMMA_CANDIDATES and w in lemma_forms:
        entry = _lemma_entry(w)
        if entry is not None and sent.raws[i][:1].islower():
            return [*out, (i + 1, entry, "lemma")]
    if out:
        return out
    if w in neighbours and sent.raws[i][:1].islower():
        return [(i + 1, neighbours[w], "vec")]
    if i + 1 < len(norms) and norms[i + 1] in GENERIC_NEXT and _generic_cue(sent, i):
        return [(i + 1, _generic_entry(w), "generic")]
    return out


def _trie_matches(
    node: dict, norms: list[str], i: int, kind: str
) -> list[tuple[int, CueEntry, str]]:
    """The phrases of a trie whose first word (at i) leads to ``node``, longest first."""
    out = []
    k = i + 1
    while node is not None:
        entry = node.get("")
        if entry is not None:
            out.append((k, entry, kind))
        if k >= len(norms):
            break
        node = node.get(norms[k])
        k += 1
    out.reverse()
    return out


def _match_cues(sent: _Sentence, quotes: _QuoteIndex) -> list[tuple[int, int, CueEntry]]:
    """Cue phrases in a sentence as token ranges, longest accepted match first, outside quotes."""
    norms = sent.norms
    n = len(norms)
    out: list[tuple[int, int, CueEntry]] = []
    after = 0  # the next free token (matches do not overlap)
    model, always, limit = _match_settings()
    best: tuple[float, int, int, CueEntry] | None = None
    sent.hits = hits = _starter_hits(norms)
    quoted: bool | None = None  # whether a quotation overlaps the sentence, once needed
    for i in _cue_positions(norms, hits):
        if i < after:
            continue
        candidates = _candidates_at(sent, i)
        if not candidates:
            continue
        if quoted is None:
            quoted = quotes.overlaps(sent.start, sent.end)
        if quoted:  # (else no candidate is inside one: no offsets needed to tell)
            if sent.starts is None:
                _lay_out(sent)
            if quotes.at(sent.starts[i]) is not None:
                continue
        for k, entry, kind in candidates:
            # "found itself", "showed up", "easier said than done": not speech
            if k < n and norms[k] in NOT_AFTER_CUE and not _reflexive_speech(entry, norms[k]):
                break
            if (entry.extra and entry.n_seen < EXTRA_MIN_SEEN) or (
                kind == "lex" and entry.phrase in always
            ):
                ok = True  # a hand-listed phrase train barely shows, or one nearly always a cue
            elif model is not None:
                z = _cue_logit(model, sent, i, k, entry, kind)
                ok = z >= limit
                if not ok and (best is None or z > best[0]) and entry.precision >= SOLO_PRECISION:
                    best = (z, i, k, entry)
            else:
                ok = kind == "generic" or _accept(sent, i, k, entry)
            if ok:
                out.append((i, _with_particle(norms, i, k, entry), entry))
                after = out[-1][1]
                break
    if not out and best is not None and best[0] >= limit - SOLO_MARGIN:
        _, i, k, entry = best  # the sentence's best candidate, just short of the threshold
        out.append((i, _with_particle(norms, i, k, entry), entry))
    return out


@cache
def _match_settings() -> tuple[dict | None, frozenset[tuple[str, ...]], float]:
    """What ``_match_cues`` reads for every sentence, in one cached call: the classifier, the
    phrases accepted without scoring and the log-odds threshold."""
    model = cue_model() if CUE_MODEL else None
    limit = _threshold_logit(model["threshold"]) if model is not None else 0.0
    return model, _always_phrases(), limit


@cache
def _candidate_tables() -> tuple[dict[str, dict], frozenset[str], dict[str, CueEntry]]:
    """``_trie``, ``_lemma_forms`` and ``_neighbours``, in one cached call per cue position."""
    return _trie(), _lemma_forms(), _neighbours()


def _cue_positions(norms: list[str], hits: list[int] | None = None) -> list[int]:
    """Tokens where a cue candidate may start: a phrase's first word, another form or a vector
    neighbour of a cue ("the", "has" only where the next word continues one of their phrases),
    and any word before "that" (an unknown "-ed" verb). ``hits``: ``_starter_hits(norms)``,
    when already found."""
    n = len(norms)
    openers = _phrase_openers()
    if hits is None:
        hits = _starter_hits(norms)
    positions = []
    before_that: list[int] | None = None  # the words before each "that", once one is met
    for i in hits:
        w = norms[i]
        if w in GENERIC_NEXT:
            if before_that is None:
                before_that = []
            if i:
                before_that.append(i - 1)
            if w not in _starters():
                continue
        if w not in openers or (i + 1 < n and norms[i + 1] in openers[w]):
            positions.append(i)
    if before_that is not None:
        positions = sorted({*positions, *before_that})
    return positions


def _starter_hits(norms: list[str]) -> list[int]:
    """The tokens a cue candidate may start with (``_starters``) and every "that", in order: the
    one pass over the sentence that both the cue positions (a word before "that" is one) and
    the sure cues (whose first words are all among them, ``_sure_cues``) read, a quarter of
    its tokens. In C: the positions ``compress`` keeps where the set's ``__contains__`` holds
    (a sixth cheaper than a comprehension over ``enumerate``)."""
    return list(compress(count(), map(_scan_words().__contains__, norms)))


@cache
def _scan_words() -> frozenset[str]:
    """What ``_starter_hits`` looks for: the cue starters, "that" and a colon."""
    return _starters() | GENERIC_NEXT


def _reflexive_speech(entry: CueEntry, word: str) -> bool:
    """A speech verb with a reflexive object ("described himself as", "defended himself"),
    unlike "found itself" or "showed itself"."""
    return REFLEXIVE_SPEECH and word in EMPHATIC_REFLEXIVES and entry.lemma not in NOT_REFLEXIVE


def _with_particle(norms: list[str], i: int, k: int, entry: CueEntry) -> int:
    """The cue's end token, taking a particle after a one-word verb ("voted for", "calls out"),
    as PolNeAR's cue spans do."""
    if (
        PARTICLE_CUES
        and k < len(norms)
        and norms[k] in PARTICLES
        and entry.pos == "verb"
        and k - i == 1
    ):
        return k + 1
    return k


def cue_features(sent: _Sentence, i: int, k: int, entry: CueEntry, kind: str) -> list[str]:
    """Features of a cue candidate at tokens i..k-1 for the cue classifier: its words, lemma
    and train precision (:func:`_phrase_features`), the kinds of word around it, whether a
    quotation or a determiner is next to it."""
    return [*_phrase_features(entry, kind), *_context_features(sent, i, k, entry)]


# Dense features: the unit word vectors (analysis/data/target_sentiment_vectors.npz) of the
# candidate's last word, of the word before it (adverbs skipped) and the one before that, and of
# the two words after it; weights "v<slot><dim>" (and "v<slot>=oov" for a word without a vector).
VECTOR_SLOTS = ("c", "p", "pp", "n", "nn")


def cue_vector_words(entry: CueEntry, key: tuple) -> tuple[str, ...]:
    """The words whose vectors feed the classifier, in VECTOR_SLOTS order (``key`` from
    ``_context_key``)."""
    return (entry.phrase[-1], key[2], key[3], key[4], key[5])


@cache
def unit_vectors() -> tuple[dict[str, int], np.ndarray]:
    """The package's word vectors scaled to unit length (word → row, matrix)."""
    from analysis.target_features import word_vectors

    index, matrix = word_vectors()
    return index, matrix / np.linalg.norm(matrix, axis=1, keepdims=True).clip(1e-9)


@cache
def _slot_weights() -> dict[str, np.ndarray]:
    weights = cue_model()["weights"]
    dims = unit_vectors()[1].shape[1]
    return {
        slot: np.array([weights.get(f"v{slot}{d}", 0.0) for d in range(dims)], dtype=np.float32)
        for slot in VECTOR_SLOTS
    }


@lru_cache(maxsize=65536)
def _slot_score(slot: str, word: str) -> float:
    """One word's vector dotted with its slot's weights."""
    index, unit = unit_vectors()
    row = index.get(word)
    if row is None:
        return cue_model()["weights"].get(f"v{slot}=oov", 0.0)
    return float(unit[row].dot(_slot_weights()[slot]))  # BLAS sdot, as "@" (half the overhead)


@cache
def _phrase_features(entry: CueEntry, kind: str) -> tuple[str, ...]:
    """The features of a candidate that do not depend on where it stands (memoised without a
    bound: keyed by a lexicon entry or one word's, like the lexicon itself)."""
    head = entry.phrase[-1]
    out = (
        "bias",
        "kind=" + kind,
        "p=" + " ".join(entry.phrase) if kind == "lex" else "p=?",
        "l=" + entry.lemma,
        "suf=" + _suffix(head),
        "len=" + str(min(len(entry.phrase), 4)),
        "pos=" + entry.pos,
        "pb=" + _precision_bucket(entry),
    )
    return (*out, "nl=" + entry.proxy) if entry.proxy else out


def _suffix(word: str) -> str:
    if word.endswith("ing"):
        return "ing"
    if word.endswith("ed"):
        return "ed"
    return "s" if word.endswith("s") else "o"


def _context_features(sent: _Sentence, i: int, k: int, entry: CueEntry) -> list[str]:
    return _features_of_context(entry, _context_key(sent, i, k))


class ContextKey(NamedTuple):
    """The fields of a candidate's context key, in order. ``_context_key`` builds a plain tuple
    (the hot path hashes and unpacks it); the feature names read it through this layout."""

    before: str
    after: str
    prev: str
    prev2: str
    nxt: str
    nxt2: str
    at: int
    rest: int
    first: bool
    cap: bool
    det: str | None
    to: bool
    quote: bool
    after_quote: bool
    sure: str
    likely: str


def _context_key(sent: _Sentence, i: int, k: int) -> tuple:
    """Everything the place-dependent features read, as one hashable key (scores are memoised
    on it: most candidates in an article repeat a context seen before)."""
    norms = sent.norms
    n = len(norms)
    j = _skip_back(sent, i - 1)
    before, after = _context_kinds(sent, i, k, j)
    prev = norms[j] if j >= 0 else "<s>"
    nxt = norms[k] if k < n else "</s>"
    nxt2 = norms[k + 1] if k + 1 < n else "</s>"
    left = norms[i - 1] if i > 0 else None
    quote = sent.quote
    if quote is None:  # once per sentence, not per candidate
        quote = sent.quote = '"' in norms
    after_quote = quote and (prev == '"' or (prev == "," and j > 0 and norms[j - 1] == '"'))
    sure, likely = _sure_context(sent, i, k)
    return (
        before,
        after,
        prev,
        norms[j - 1] if j > 0 else "<s>",
        nxt,
        nxt2,
        min(i, 8),
        min(n - k, 6),
        i == 0,
        sent.raws[i][:1].isupper(),
        left if left in DETERMINERS else None,
        left == "to",
        quote,
        after_quote,
        sure,
        likely,
    )


def _sure_context(sent: _Sentence, i: int, k: int) -> tuple[str, str]:
    """Where the sentence's sure and likely cues (``_sure_cues``) stand against a candidate at
    tokens i..k-1, one string per tier: "b" before it ("bt" with a "that" between: the
    candidate is likely inside that cue's content), "a" after it, both, or "" for none."""
    found = sent.sure
    if found is None:
        found = sent.sure = _sure_cues(sent.norms, sent.hits)
    if not found:
        return "", ""
    sure_before = sure_after = likely_before = likely_after = ""
    for s, e, tier in found:
        if e <= i:
            place = "bt" if "that" in sent.norms[e:i] else "b"
            if tier:
                likely_before = place
            else:
                sure_before = place
        elif s >= k:
            if tier:
                likely_after = "a"
            else:
                sure_after = "a"
    return sure_before + sure_after, likely_before + likely_after


def _sure_cues(norms: list[str], hits: list[int] | None = None) -> list[tuple[int, int, int]]:
    """Token ranges of the sure and likely cue phrases (``_sure_phrases``), with their tier.
    ``hits``: the sentence's ``_starter_hits``, where every sure phrase starts when all their
    first words are starters (as with the shipped lexicon: then only those are looked at)."""
    table = _sure_phrases()
    out = []
    if hits is None or not _sure_words_start():
        hits = range(len(norms))
    for t in [t for t in hits if norms[t] in table]:
        for p, tier in table[norms[t]]:
            if tuple(norms[t : t + len(p)]) == p:
                out.append((t, t + len(p), tier))
                break
    return out


@cache
def _sure_words_start() -> bool:
    """Whether every sure or likely phrase opens with a word ``_starter_hits`` finds."""
    return _scan_words().issuperset(_sure_phrases())


@cache
def _sure_phrases() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """Mined phrases by first word, longest first, with their tier: 0 (sure) when they were
    cues at least SURE_MIN_COUNT times and SURE_PRECISION of the times they occur in train
    ("said", "told", "according to"), 1 (likely) at LIKELY_MIN_COUNT and LIKELY_PRECISION
    ("announced", "argued")."""
    out: dict[str, list] = {}
    for p, e in sorted(cue_lexicon().items(), key=lambda pe: -len(pe[0])):
        if e.pos == "punctuation":
            continue
        p = tuple(map(intern, p))
        if e.n_cue >= SURE_MIN_COUNT and e.precision >= SURE_PRECISION:
            out.setdefault(p[0], []).append((p, 0))
        elif e.n_cue >= LIKELY_MIN_COUNT and e.precision >= LIKELY_PRECISION:
            out.setdefault(p[0], []).append((p, 1))
    return out


def _features_of_context(entry: CueEntry, key: tuple) -> list[str]:
    """The names of a candidate's place-dependent features (training, and the scoring of a
    context ``_score`` cannot read from its tables)."""
    c = ContextKey._make(key)
    lemma = entry.lemma
    ctx = c.before + "|" + c.after
    feats = [
        "b=" + c.before,
        "a=" + c.after,
        "ba=" + ctx,
        "lb=" + lemma + "|" + c.before,
        "la=" + lemma + "|" + c.after,
        "pw=" + c.prev,
        "pw2=" + c.prev2,
        "lpw=" + lemma + "|" + c.prev,
        "nw=" + c.nxt,
        "lnw=" + lemma + "|" + c.nxt,
        "nw2=" + c.nxt + " " + c.nxt2,
        "nnw=" + c.nxt2,
        "at=" + str(c.at),
        "rest=" + str(c.rest),
        "sufba=" + _suffix(entry.phrase[-1]) + "|" + ctx,
    ]
    if c.likely:
        feats.append("lk=" + c.likely)
        feats.append("llk=" + lemma + "|" + c.likely)
    if c.sure:
        feats.append("sure=" + c.sure)
        feats.append("sa=" + c.sure + "|" + c.after)
        feats.append("ls=" + lemma + "|" + c.sure)
    if c.first:
        feats.append("first")
    if c.cap:
        feats.append("cap")
    if c.det is not None:
        feats.append("det=" + c.det)
    if c.to:
        feats.append("to")
    if c.quote:
        feats.append("quote")
        if c.after_quote:
            feats.append("afterquote")
    return feats


def _precision_bucket(entry: CueEntry) -> str:
    if entry.n_seen < 20:
        return "rare"
    p = entry.precision
    return next(str(b) for b in (0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.85, 1.01) if p < b)


@cache
def _phrase_score(entry: CueEntry, kind: str) -> float:
    """The summed weights of a candidate's place-independent features (log-odds; memoised per
    entry, as ``_phrase_features``)."""
    weights = cue_model()["weights"]
    return sum(weights.get(f, 0.0) for f in _phrase_features(entry, kind))


def _cue_logit(model: dict, sent: _Sentence, i: int, k: int, entry: CueEntry, kind: str) -> float:
    """The classifier's log-odds for a candidate: its features' weights and its word vectors'."""
    key = _context_key(sent, i, k)
    z = _score(entry, kind, key)
    if model.get("vectors"):
        z += _vector_score(cue_vector_words(entry, key))
    return z


def _score(entry: CueEntry, kind: str, key: tuple) -> float:
    """A candidate's log-odds from its features (``cue_features``): its phrase's score plus its
    context's weights, in feature order (the word vectors' share is ``_vector_score``). Not
    memoised: within an article almost every key is new, and hashing it cost more than a hit
    saved. The weights come from ``_weight_tables`` instead of their feature names: building
    the names was nine tenths of the cost; the sum is the same, added in the same order."""
    (
        before,
        after,
        prev,
        prev2,
        nxt,
        nxt2,
        at,
        rest,
        first,
        cap,
        det,
        to,
        quote,
        after_quote,
        sure,
        likely,
    ) = key
    z, by_suffix, by_lemma, heads = _entry_weights(entry, kind)
    if by_lemma is None or " " in nxt:  # a name the tables cannot split back (never met)
        return _score_by_names(entry, kind, key)
    t = _weight_tables()
    _, _, lpw, lnw, llk, ls = by_lemma
    # the first five additions read only the entry and the two kinds of word around it (a
    # dozen each): their sum, and the "sufba" weight added later, once per entry and kinds
    head = heads.get((before, after))
    if head is None:
        head = heads[before, after] = _score_head(z, by_suffix, by_lemma, before, after)
    z, suffix_weight = head
    z += t.pw.get(prev, 0.0)
    z += t.pw2.get(prev2, 0.0)
    z += lpw.get(prev, 0.0)
    z += t.nw.get(nxt, 0.0)
    z += lnw.get(nxt, 0.0)
    z += t.nw2.get(nxt, _NO_WEIGHTS).get(nxt2, 0.0)
    z += t.nnw.get(nxt2, 0.0)
    z += t.at.get(at, 0.0)
    z += t.rest.get(rest, 0.0)
    z += suffix_weight
    if likely:
        z += t.lk.get(likely, 0.0)
        z += llk.get(likely, 0.0)
    if sure:
        z += t.sure.get(sure, 0.0)
        z += t.sa.get(sure, _NO_WEIGHTS).get(after, 0.0)
        z += ls.get(sure, 0.0)
    if first:
        z += t.first
    if cap:
        z += t.cap
    if det is not None:
        z += t.det.get(det, 0.0)
    if to:
        z += t.to
    if quote:
        z += t.quote
        if after_quote:
            z += t.afterquote
    return z


def _score_head(
    z: float,
    by_suffix: dict[str, dict[str, float]],
    by_lemma: tuple[dict[str, float], ...],
    before: str,
    after: str,
) -> tuple[float, float]:
    """``_score``'s first five additions to the phrase score ``z`` (the same additions in the
    same order, so the same float), and the "sufba" weight of the two kinds of word."""
    t = _weight_tables()
    lb, la = by_lemma[0], by_lemma[1]
    z += t.b.get(before, 0.0)
    z += t.a.get(after, 0.0)
    z += t.ba.get(before, _NO_WEIGHTS).get(after, 0.0)
    z += lb.get(before, 0.0)
    z += la.get(after, 0.0)
    return z, by_suffix.get(before, _NO_WEIGHTS).get(after, 0.0)


@cache
def _entry_weights(
    entry: CueEntry, kind: str
) -> tuple[
    float,
    dict[str, dict[str, float]],
    tuple[dict[str, float], ...] | None,
    dict[tuple[str, str], tuple[float, float]],
]:
    """What ``_score`` reads of a candidate's entry, in one cached call: its phrase's score,
    the "sufba" table of its last word's suffix, its lemma's six tables (None for a lemma
    holding a "|", which the tables cannot split back: scored by name) and the memo of
    ``_score_head`` by the kinds of word before and after the candidate (filled by
    ``_score``; a dozen kinds each, so it stays small)."""
    t = _weight_tables()
    by_lemma = t.lemmas.get(entry.lemma)
    if by_lemma is None and "|" not in entry.lemma:
        by_lemma = _NO_LEMMA  # a lemma no weight names
    by_suffix = t.sufba.get(_suffix(entry.phrase[-1]), _NO_WEIGHTS)
    return _phrase_score(entry, kind), by_suffix, by_lemma, {}


def _score_by_names(entry: CueEntry, kind: str, key: tuple) -> float:
    """``_score`` from the feature names themselves (for a lemma or word the tables cannot
    hold): the weights added one by one in feature order (not sum(), whose rounding may
    differ)."""
    weights = cue_model()["weights"]
    z = _phrase_score(entry, kind)
    for w in map(weights.get, _features_of_context(entry, key), repeat(0.0)):
        z += w
    return z


_NO_WEIGHTS: dict = {}
# the six lemma tables of a lemma no weight names (lb, la, lpw, lnw, llk, ls)
_NO_LEMMA = (_NO_WEIGHTS,) * 6
_LEMMA_FEATURES = ("lb", "la", "lpw", "lnw", "llk", "ls")


@dataclass(frozen=True, slots=True)
class _WeightTables:
    """The context weights of ``_features_of_context`` keyed by the parts their names join: a
    name "x=<rest>" under x; "x=<a>|<b>" under x, a, b ("ba", "sa"; "sufba" one level more);
    "nw2=<a> <b>" under a, b; the lemma features "x=<lemma>|<w>" per lemma (``lemmas``: lb, la,
    lpw, lnw, llk, ls); "at" and "rest" under the int; the flag features as numbers (0.0 when
    the model lacks them). A name splits at its first "=" and then at its first "|" (or " "),
    so the tables give the weight of every name whose joined parts before the last hold no "|"
    (no " "): the word kinds, sure places and suffixes never do, tokens hold no space, and a
    lemma with a "|" goes by name (``_score``)."""

    b: dict[str, float]
    a: dict[str, float]
    ba: dict[str, dict[str, float]]
    pw: dict[str, float]
    pw2: dict[str, float]
    nw: dict[str, float]
    nw2: dict[str, dict[str, float]]
    nnw: dict[str, float]
    at: dict[int, float]
    rest: dict[int, float]
    sufba: dict[str, dict[str, dict[str, float]]]
    lk: dict[str, float]
    sure: dict[str, float]
    sa: dict[str, dict[str, float]]
    det: dict[str, float]
    lemmas: dict[str, tuple[dict[str, float], ...]]
    first: float
    cap: float
    to: float
    quote: float
    afterquote: float


def _split_names(table: dict[str, float], sep: str) -> dict[str, dict[str, float]]:
    """{"a<sep>b": w} as {a: {b: w}}, split at the first sep (names without one left out)."""
    out: dict[str, dict[str, float]] = {}
    for rest, w in table.items():
        a, found, b = rest.partition(sep)
        if found:
            out.setdefault(intern(a), {})[intern(b)] = w
    return out


def _int_names(table: dict[str, float]) -> dict[int, float]:
    """{"3": w} as {3: w}: only names that are str() of an int (so that n finds "n=" + str(n))."""
    out = {}
    for rest, w in table.items():
        try:
            n = int(rest)
        except ValueError:
            continue
        if str(n) == rest:
            out[n] = w
    return out


@cache
def _weight_tables() -> _WeightTables:
    weights = cue_model()["weights"]
    named: dict[str, dict[str, float]] = {}
    for f, w in weights.items():
        name, found, rest = f.partition("=")
        if found:
            named.setdefault(name, {})[intern(rest)] = w

    def table(name: str) -> dict[str, float]:
        return named.get(name, {})

    per_feature = [_split_names(table(name), "|") for name in _LEMMA_FEATURES]
    lemmas = {
        lemma: tuple(split.get(lemma, _NO_WEIGHTS) for split in per_feature)
        for lemma in set().union(*per_feature)
    }
    return _WeightTables(
        b=table("b"),
        a=table("a"),
        ba=_split_names(table("ba"), "|"),
        pw=table("pw"),
        pw2=table("pw2"),
        nw=table("nw"),
        nw2=_split_names(table("nw2"), " "),
        nnw=table("nnw"),
        at=_int_names(table("at")),
        rest=_int_names(table("rest")),
        sufba={
            suffix: _split_names(by_suffix, "|")
            for suffix, by_suffix in _split_names(table("sufba"), "|").items()
        },
        lk=table("lk"),
        sure=table("sure"),
        sa=_split_names(table("sa"), "|"),
        det=table("det"),
        lemmas=lemmas,
        first=weights.get("first", 0.0),
        cap=weights.get("cap", 0.0),
        to=weights.get("to", 0.0),
        quote=weights.get("quote", 0.0),
        afterquote=weights.get("afterquote", 0.0),
    )


def _vector_score(words: tuple[str, ...]) -> float:
    """The log-odds the word vectors add (``cue_vector_words``). Not memoised: within a text
    (its memo was emptied with the text caches) one call in 45 repeated a key, so the memo's
    key hashing and entry per call cost more than it saved; the slot scores are memoised."""
    return sum(map(_slot_score, VECTOR_SLOTS, words))


@cache
def _threshold_logit(threshold: float) -> float:
    return math.log(threshold / (1 - threshold))


@cache
def _cue_lemmas() -> frozenset[str]:
    """Single-word lemmas of mined cue phrases that are cues often enough to try other forms."""
    out = set()
    for entry in cue_lexicon().values():
        if entry.n_cue >= MIN_CUE_COUNT and entry.pos == "verb" and " " not in entry.lemma:
            out.add(entry.lemma)
    model = cue_model() if CUE_MODEL else None
    if model is not None and "phrases" in model:  # only lemmas the classifier ever accepts
        out &= {p[1:] for p in model["phrases"] if p.startswith("=")}
    return frozenset(out)


@lru_cache(maxsize=8192)
def _lemma_entry(word: str) -> CueEntry | None:
    if not _formable(word):
        return None
    lemma = lemmatize(word)
    if lemma not in _cue_lemmas():
        return None
    return CueEntry((word,), lemma, "verb", cue_class(lemma), 0, 0)


def _accept(sent: _Sentence, i: int, k: int, entry: CueEntry) -> bool:
    """Whether a phrase is a cue here: its train precision, shifted by how often phrases in the
    same context (kind of word before and after) are cues (naive-Bayes odds)."""
    if entry.extra and entry.n_seen < EXTRA_MIN_SEEN:
        return True
    prior = entry.precision
    table = cue_contexts()
    if not CONTEXT or not table:
        return prior >= MIN_PRECISION
    ctx = table["by_context"].get(cue_context(sent, i, k))
    if ctx is None:
        return prior >= MIN_PRECISION
    base = table["base"]
    odds = _odds(prior) * _odds(ctx) / _odds(base)
    return odds / (1 + odds) >= ACCEPT_PROBABILITY


def _odds(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return p / (1 - p)


def cue_context(sent: _Sentence, i: int, k: int) -> str:
    """The kind of word before (adverbs skipped) and after a cue phrase at tokens i..k-1."""
    before, after = _context_kinds(sent, i, k, _skip_back(sent, i - 1))
    return f"{before}|{after}"


def _context_kinds(sent: _Sentence, i: int, k: int, j: int) -> tuple[str, str]:
    """cue_context's two kinds, given j, the token before the cue once adverbs are skipped."""
    if j < 0:
        before = "start"
    else:
        w = sent.norms[j]
        if w in PERSONAL_PRONOUNS:
            before = "pronoun"
        elif w in REL_PRONOUNS:
            before = "relative"
        elif w in (",", "to", "by", "and", '"'):
            before = w
        elif (first := sent.raws[j][:1]).isupper() or first.isdigit():  # _is_cap, inline
            before = "capital"
        elif j < i - 1:
            before = "aux"
        else:
            before = "lower"
    if k >= len(sent.norms):
        after = "end"
    else:
        w = sent.norms[k]
        if w in CONTEXT_AFTER_WORDS:
            after = w
        elif w in DETERMINERS:
            after = "determiner"
        elif w in PERSONAL_PRONOUNS or w in ("him", "them", "us", "me"):
            after = "pronoun"
        elif (first := sent.raws[k][:1]).isupper() or first.isdigit():  # _is_cap, inline
            after = "capital"
        else:
            after = "lower"
    return before, after


def _generic_cue(sent: _Sentence, i: int) -> bool:
    """A verb the lexicon does not know, in "X <verb>ed that ...": 87% are cues in PolNeAR train."""
    norms = sent.norms
    w = norms[i]
    if not (w.isalpha() and len(w) > 4 and sent.raws[i][:1].islower()):
        return False
    if not w.endswith(GENERIC_ENDINGS) or w in GENERIC_STOP:
        return False
    if i + 1 >= len(norms) or norms[i + 1] not in GENERIC_NEXT or i == 0:
        return False
    if norms[i + 1] == ":":
        # "the Christie supporter retorted: “…”": a quotation after the colon
        return COLON_VERB_CUE and i + 2 < len(norms) and sent.raws[i + 2] in QUOTE_OPEN
    j = _skip_back(sent, i - 1)
    if j < 0:
        return False
    prev = norms[j]
    return prev in PERSONAL_PRONOUNS or prev in REL_PRONOUNS or _is_cap(sent.raws[j])


@cache
def _generic_entry(word: str) -> CueEntry:
    lemma = lemmatize(word)
    return CueEntry((word,), lemma, "verb", cue_class(lemma), 0, 0)


# --- roles ----------------------------------------------------------------------------------------
def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip white space and clause punctuation at both ends (closing quote marks are kept)."""
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-.!?"):
        # (the pattern ends in two letters with their periods, "U.S.": no search without a
        # period three characters back, the case of most contents' final period)
        if text[e - 1] == "." and (
            (e - s >= 4 and text[e - 3] == "." and _ABBREV_END_RE.search(text, max(s, e - 12), e))
            or _abbreviation_before(text, s, e - 1)
        ):
            break  # "the U.S.", "San Bernardino, Calif." keep their period
        e -= 1
    if e > s and text[e - 1] == ")" and text.count("(", s, e) < text.count(")", s, e):
        return _trim(text, s, e - 1)  # "(... declined to comment.)": the aside's closing mark
    return s, e


def _abbreviation_before(text: str, s: int, dot: int) -> bool:
    """Whether the word before a period is an abbreviation ("Calif", "Jr", "Inc")."""
    b = dot
    while b > s and text[b - 1].isalpha():
        b -= 1
    return text[b:dot] in ABBREVIATIONS and (b == s or not text[b - 1].isalnum())


def _is_cap(raw: str) -> bool:
    return raw[:1].isupper() or raw[:1].isdigit()


def _span(sent: _Sentence, i: int, j: int) -> tuple[int, int]:
    """Character span of tokens i..j-1."""
    return sent.starts[i], sent.ends[j - 1]


def _adverb(sent: _Sentence, t: int) -> bool:
    """An -ly adverb ("recently", "also strongly"), not a name ending so ("Kelly said", "said
    Skelly", "Schlafly invoked"): in lower case, or opening the sentence."""
    w = sent.norms[t]
    if len(w) <= 4 or not w.endswith("ly") or w in NOT_ADVERBS:
        return False
    if sent.raws[t][:1].islower():
        return True
    if t != 0:
        return False
    # opening the sentence: "Recently, …", "Reportedly he …", not "Jolly said"
    return (
        not INITIAL_LY_NAMES
        or w in OPENING_ADVERBS
        or (t + 1 < len(sent.norms) and sent.norms[t + 1] == ",")
    )


def _skip_back(sent: _Sentence, j: int) -> int:
    """Step left over adverbs, auxiliaries, time phrases and ", however," before a cue."""
    norms = sent.norms
    while j >= 0:
        w = norms[j]
        if TIME_PAIR_FIRST and j >= 1 and w in _TIME_HEADS and norms[j - 1] in _TIME_LEADS:
            j -= 2  # "this week", "last month" before "week" alone is skipped
        elif w in SKIP_BEFORE_CUE or _adverb(sent, j):
            j -= 1
        elif w not in _SKIP_BACK_LAST:  # none of the phrases below ends here (most words)
            break
        elif j >= 3 and norms[j - 3 : j + 1] == ["for", "the", "first", "time"]:
            j -= 4
        elif j >= 2 and norms[j] == "ago":
            j -= 3  # "two weeks ago"
        elif j >= 2 and norms[j] == "," and norms[j - 1] in PARENTHETICALS and norms[j - 2] == ",":
            j -= 3
        elif (
            j >= 3
            and norms[j] == ","
            and norms[j - 3] == ","
            and ((norms[j - 2], norms[j - 1]) in PARENTHETICAL_PAIRS)
        ):
            j -= 4
        elif j >= 1 and norms[j] in _TIME_HEADS and norms[j - 1] in _TIME_LEADS:
            j -= 2
        else:
            break
    return j


def _np_ending_at(sent: _Sentence, j: int) -> tuple[int, int] | None:
    """A noun phrase whose last token is j, extended left to a clause boundary."""
    norms, raws = sent.norms, sent.raws
    if j < 0 or norms[j] in BOUNDARY_WORDS or norms[j] in CLAUSE_PUNCT or norms[j] in NP_INNER:
        return None
    if (norms[j] in PERSONAL_PRONOUNS and (sent.raws[j][:1].islower() or norms[j] == "i")) or (
        norms[j] in LONE_QUANTIFIERS
    ):
        if (
            j >= 2
            and norms[j - 1] == "of"
            and (norms[j - 2] in QUANTIFIERS or _is_number(norms[j - 2]))
        ):
            return j - 2, j + 1  # "Many of you", "two of them"
        return j, j + 1  # "Monday he said", "a strategy some call": the pronoun alone
    k = j
    while k - 1 >= 0:
        prev = norms[k - 1]
        if prev == "and":
            if not (
                k - 2 >= 0
                and (
                    _is_cap(raws[k - 2])
                    or (_is_cap(raws[k]) and not raws[k - 2][:1].islower())
                    or _plural_and(sent, k)
                    or norms[k - 2] in SUBJECT_PRONOUNS  # "she and other Democrats"
                    or (TITLE_AND and _title_and(sent, k, j))
                    or (COORDINATED_SUBJECT and _opening_conjunct(sent, k - 1))
                )
            ):
                break
        elif prev == "in" and k - 2 >= 0 and _is_number(norms[k]) and _is_number(norms[k - 2]):
            k -= 1  # "Six in 10 voters say", "more than 4 in 10 said"
            continue
        elif prev == "nor" and "neither" in norms[max(0, k - 6) : k - 1]:
            k = max(t for t in range(max(0, k - 6), k - 1) if norms[t] == "neither")
            continue  # "Neither Cruz nor Christie"
        elif k >= 2 and (norms[k - 2], prev) in SUBJECT_LINKS:
            k -= 2  # "people familiar with her thinking", "sources close to her campaign"
            continue
        elif prev in ("to", "with") and k >= 2 and norms[k - 2] in LINKED_NOUNS:
            k -= 1  # "Aides to Clinton", "People with direct knowledge of his work"
            continue
        elif prev in SUBJECT_PREPS and _np_modifier(sent, k - 1):
            k -= 1  # "protest organizers in Cleveland said", "one employee at a software firm"
            continue
        elif (
            COORDINATED_SUBJECT
            and prev == ","
            and "and" in norms[k:j]
            and "," not in norms[k:j]
            and _opening_conjunct(sent, k - 1)
        ):
            k = _conjunct_start(sent)  # "His family, friends and employees"
            continue
        elif JOINED_MARK_SUBJECT and prev in ("-", ",") and _joined_mark(sent, k - 1):
            k -= 1  # "A U.S.-born gunman", "34,000 people": a mark inside a word or number
            continue
        elif prev in CLAUSE_PUNCT or prev in BOUNDARY_WORDS or prev in SUBJECT_STOPS:
            if (
                DEMONSTRATIVE_SUBJECT
                and prev in DEMONSTRATIVES
                and (k == 1 or norms[k - 2] in CLAUSE_PUNCT)
                and raws[k].islower()
                and j - k < 3
                and not norms[k].endswith(("ed", "s"))  # "That prompted", "That makes it"
                and norms[j] not in _TIME_HEADS  # "this past week"
            ):
                k -= 1  # "That person said": the demonstrative opens the subject
            break
        k -= 1
    k = _quantifier_start(sent, k)
    while k < j and (
        norms[k] in LEADING_JUNK
        or norms[k] in CLAUSE_PUNCT
        or norms[k] == "and"
        or norms[k] in SUBJECT_LEADS
    ):
        k += 1
    if j - k + 1 > MAX_SUBJECT_WORDS:  # too long: keep its last capitalised or determiner phrase
        m = j
        while m - 1 >= k and (_is_cap(raws[m - 1]) or norms[m - 1] in NP_INNER):
            m -= 1
        if m > k and norms[m - 1] in DETERMINERS:
            m -= 1
        k = m
    return k, j + 1


def _title_and(sent: _Sentence, k: int, j: int) -> bool:
    """Two titles of one person joined by "and" at k - 1 ("the Florida senator and Republican
    presidential candidate", "the businessman and reality star"): a determiner a few plain
    words before it, and only plain words from it to the head at j."""
    norms = sent.norms
    right = norms[k : j + 1]
    if j - k >= TITLE_AND_WORDS or not all(_plain_word(w) and w not in DETERMINERS for w in right):
        return False
    if norms[j].endswith("s") or norms[k - 2].endswith("s"):
        return False  # "the senator and reporters", "the costs and analysts": two parties
    for d in range(k - 3, max(-1, k - 3 - TITLE_AND_WORDS), -1):
        if norms[d] in DETERMINERS:
            return d == 0 or norms[d - 1] in CLAUSE_PUNCT or norms[d - 1] in BOUNDARY_WORDS
        if not _plain_word(norms[d]):
            return False
    return False


def _plain_word(word: str) -> bool:
    """A word that may sit inside a noun phrase (no clause or phrase boundary)."""
    return word.isalpha() and word not in BOUNDARY_WORDS and word not in SUBJECT_STOPS


# "The Clinton campaign and some cybersecurity experts have alleged": a short noun phrase opening
# the sentence before "and" is the first part of the subject (session 28).
COORDINATED_SUBJECT = True
CONJUNCT_WORDS = 5
CONJUNCT_ADVERBS = frozenset("first second finally then now still also and".split())


def _conjunct_start(sent: _Sentence) -> int:
    """Where a subject opening the sentence starts: after a leading "But", "And", "So", "Yet"."""
    return 1 if len(sent.norms) > 1 and sent.norms[0] in ("but", "and", "so", "yet") else 0


def _opening_conjunct(sent: _Sentence, a: int) -> bool:
    """Whether the words before the "and" or list comma at a open the sentence (after a leading
    conjunction) and read as noun phrases separated by commas ("His family, friends and"): at
    most CONJUNCT_WORDS words between commas, no other punctuation, clause verb or participle."""
    norms = sent.norms
    start = _conjunct_start(sent)
    if a <= start:
        return False
    words = 0
    for t in range(start, a):
        w = norms[t]
        if w == ",":
            if words == 0:
                return False
            words = 0
            continue
        words += 1
        if words > CONJUNCT_WORDS:
            return False
        if not w[:1].isalnum() or w in BOUNDARY_WORDS or w in COPULAS or _clause_verb(sent, t):
            return False  # "The economy grew and analysts said": a clause, not a subject
        if sent.raws[t][:1].islower() and w.endswith("ing"):
            return False
        if words == 1 and (w in FRONTED or w in FRONTED_MORE or w in CONJUNCT_ADVERBS):
            return False  # "Throughout the race, X and Y", "First, she and others"
    if words == 0:  # a comma right before "and": a list's ("unions, groups, and lawmakers"),
        return norms[start:a].count(",") >= 2  # not a clause's ("Trump leads, and few expect")
    return True


def _plural_and(sent: _Sentence, k: int) -> bool:
    """Nouns joined by "and" at k - 1 in a subject ("media reports and party sources", "Her
    advisers and allies"): a plural noun before it, a word after it."""
    left, right = sent.norms[k - 2], sent.norms[k]
    if left in BOUNDARY_WORDS or right in BOUNDARY_WORDS or not left.isalpha():
        return False
    plural = left.endswith("s") and len(left) > 3 and not left.endswith(("ss", "us"))
    return plural and (right in DETERMINERS or right.isalpha())


def _quantifier_start(sent: _Sentence, k: int) -> int:
    """A number's approximator before a subject: "About four in 10", "More than 13 million"."""
    norms = sent.norms
    if k >= 1 and (norms[k - 1], norms[k]) in QUANTITY_PAIRS:
        return k - 1  # "At least half of voters": the subject stopped after "at"
    if k < 1 or not (
        _is_number(norms[k]) or norms[k] in ("half", "a") or norms[k].endswith(FRACTIONS)
    ):
        return k
    if k >= 2 and (norms[k - 2], norms[k - 1]) in QUANTITY_PAIRS:
        k -= 2
    for _ in range(2):  # "Only about 4 in 10", "Just over a quarter"
        if k >= 1 and norms[k - 1] in APPROXIMATORS:
            k -= 1
    return k


def _np_modifier(sent: _Sentence, t: int) -> bool:
    """Whether the preposition at t attaches to a noun before it ("organizers in Cleveland"):
    a plural or capitalised word before it, a name or determiner after it."""
    if t < 1 or t + 1 >= len(sent.norms):
        return False
    before, raw_before = sent.norms[t - 1], sent.raws[t - 1]
    if not before.isalpha() or before in BOUNDARY_WORDS or before in DETERMINERS:
        return False
    if not (
        raw_before[:1].isupper()
        or (before.endswith("s") and len(before) > 3)
        or before in PLURAL_NOUNS
        or _determined_noun(sent, t - 1)
    ):
        return False
    if before.endswith(("ss", "us", "ys")) and raw_before[:1].islower():
        return False
    after = sent.norms[t + 1]
    return _is_cap(sent.raws[t + 1]) or after in DETERMINERS or after in QUANTIFIERS


def _determined_noun(sent: _Sentence, t: int) -> bool:
    """Whether the word at t ends a short phrase opened by an article ("a lawmaker", "A CNN/ORC
    poll"): such a noun can carry a place or time ("A lawmaker in the Philippines said")."""
    norms = sent.norms
    if norms[t].endswith(("ly", "ed", "ing")):
        return False
    for k in range(t - 1, max(t - 5, -1), -1):
        if norms[k] in ("a", "an", "the"):
            return True
        if norms[k] in BOUNDARY_WORDS or norms[k] in CLAUSE_PUNCT or norms[k] in NP_INNER:
            return False
    return False


def _is_number(word: str) -> bool:
    return word.isdigit() or word in NUMBER_WORDS


EMPHATIC_REFLEXIVES = frozenset("himself herself themselves itself".split())
ASPECT_VERBS = frozenset(
    "started start starts began begin begins kept keep keeps stopped continued continue".split()
)


def _subject_left(sent: _Sentence, ci: int) -> tuple[int, int] | None:
    """The subject before a cue: "Trump also said", "X, who ..., said", "who said" (found once
    per sentence and cue token: ``_plan`` and the span rules both ask, a fifth of the calls
    repeat one, each about 25,000 instructions)."""
    subjects = sent.subjects
    if subjects is None:
        subjects = sent.subjects = {}
    elif ci in subjects:
        return subjects[ci]
    subj = subjects[ci] = _find_subject_left(sent, ci)
    return subj


def _find_subject_left(sent: _Sentence, ci: int) -> tuple[int, int] | None:
    """``_subject_left`` itself."""
    norms = sent.norms
    if norms[ci].endswith("ing"):
        a = ci - 1
        while a > 0 and norms[a].endswith("ly") and len(norms[a]) > 4:
            a -= 1
        if a >= 0 and norms[a] in PROGRESSIVE_AUX:
            ci = a  # "McConnell is (increasingly) criticizing Obama": the progressive's auxiliary
    j = _skip_time(sent, _skip_back(sent, ci - 1))
    while j > 0 and (
        norms[j].endswith("n't")
        or norms[j] in EMPHATIC_REFLEXIVES
        or (norms[ci].endswith("ing") and norms[j] in ASPECT_VERBS)
    ):
        # "The NRA isn't commenting", "Sanders himself said", "officials started questioning"
        j = _skip_time(sent, _skip_back(sent, j - 1))
    while IN_THE_PAST and j >= 3 and tuple(norms[j - 2 : j + 1]) in TIME_ADJUNCTS:
        # "who has in the past described", "Zucker, who in the past has voiced"
        j = _skip_time(sent, _skip_back(sent, j - 3))
    while DEGREE_BEFORE_CUE and j > 0 and norms[j] in DEGREE_WORDS and _degree_subject(sent, j):
        # "voters are slightly more likely to say", "Freddy was less concerned"
        j = _skip_time(sent, _skip_back(sent, j - 1))
        if j > 0 and norms[j] in COPULAS:
            j = _skip_time(sent, _skip_back(sent, j - 1))
    for t in range(ci - 1, j, -1):
        raw = sent.raws[t]
        if raw[:1].isupper() and norms[t].endswith("ly") and norms[t] not in SKIP_BEFORE_CUE:
            j = t  # "Kelly said", "Schlafly invoked": a name, not an adverb
            break
    if (
        QUANTIFIER_SUBJECT
        and j + 1 < ci
        and norms[j + 1] in QUANTIFIER_SUBJECTS
        and (j < 0 or norms[j] in QUANTIFIER_LEADS)
    ):
        return j + 1, j + 2  # "And both vowed", "On Social Security, both oppose"
    if j < 0:
        return None
    w = norms[j]
    if w in REL_PRONOUNS or w in PRONOUN_CONTRACTIONS:
        return j, j + 1
    if w == ",":
        if TAG_COMMA_SUBJECT and j >= 3 and norms[j - 1] == ")":
            o = j - 2
            while o > 0 and norms[o] != "(":
                o -= 1
            if _party_tag_end(sent, o, j) == j and _PARTY_RE.match(norms[o + 1]):
                np = _np_ending_at(sent, o - 1)
                if np is not None:
                    return np[0], j + 1  # "Sen. Jack Reed (D-R.I.), said": name, tag, comma
        long_who = _long_who_subject(sent, j)
        if long_who is not None:
            return long_who
        opening = _party_tag_opening(sent, j) if PARTY_TAG_SUBJECT else None
        if opening is not None:
            # "Sen. Rand Paul, R-Ky., said": PolNeAR takes the name with its tag and commas
            np = _np_ending_at(sent, opening - 1)
            return (np[0], j + 1) if np is not None else None
        # "X, who ..., said": PolNeAR takes the head with its appositive and closing comma
        k = j - 1
        state_comma = None
        while k >= 0 and norms[k] not in (",", ";", ":", '"', "(", ")", "—", "–"):
            k -= 1
            if k >= 1 and norms[k] == "," and _state_after(sent, k, j):
                state_comma = k
                k -= 1  # "a retiree in Carthage, Ill., said": the place is one segment
        if (
            STATE_SUBJECT
            and state_comma is not None
            and not (k >= 1 and norms[k] == ",")
            and norms[ci] != "to"  # "A quick trip to Flint, Michigan, to highlight"
        ):
            # "A woman in Worcester, Massachusetts, told him": no appositive, the place closes
            # the subject
            np = _np_ending_at(sent, state_comma - 1)
            return (np[0], j + 1) if np is not None else None
        if k >= 1 and norms[k] == "," and k + 1 < j:
            head_end = k - 1
            opening = _party_tag_opening(sent, k) if PARTY_TAG_SUBJECT else None
            if opening is not None:
                head_end = opening - 1  # "Sen. Lindsey Graham, R-S.C., a long-shot candidate,"
            if norms[head_end] == ")":  # "Rep. Elijah Cummings (D-Md.), chair of ..."
                while head_end > 0 and norms[head_end] != "(":
                    head_end -= 1
                head_end -= 1
            if norms[head_end] in REL_PRONOUNS and _not_appositive(sent, k + 1):
                return head_end, head_end + 1  # "who, on a press call Friday, criticized"
            np = _np_ending_at(sent, head_end)
            opener = norms[k + 1]
            if (
                PARTICIPLE_BY_APPOSITIVE
                and np is not None
                and k + 2 < j
                and norms[k + 2] == "by"
                and sent.raws[k + 1].isalpha()
                and sent.raws[k + 1].islower()
            ):
                return np[0], j + 1  # "The aides, led by campaign manager Terry Sullivan, told"
            if np is not None and _not_appositive(sent, k + 1):
                return np  # "Smith, delivering the speech, said": PolNeAR takes "Smith"
            if np is not None:
                np = _outer_appositive(sent, np)
            if np is not None and (
                opener in APPOSITIVE_OPENERS
                or opener in PERSONAL_PRONOUNS
                or opener in DETERMINERS
                or _is_cap(sent.raws[k + 1])
                or _is_cap(sent.raws[np[1] - 1])
                or (APPOSITIVE_NAME and _is_cap(sent.raws[j - 1]) and j - k <= APPOSITIVE_WORDS)
            ):
                return np[0], j + 1
        return None
    if w == ")":
        return _parenthesised_subject(sent, j)
    if _is_dash(sent, j) or (
        DOUBLE_HYPHEN_DASH and _double_hyphen(sent, j) and _is_dash_token(sent, j - 1)
    ):
        return _dashed_subject(sent, j)  # "—" or the second hyphen of a " --"
    if w in CLAUSE_PUNCT:
        return None
    np = _np_ending_at(sent, j)
    if np is not None and j + 1 < ci and _time_tail(sent, j, ci):
        return np[0], ci  # "a WBUR poll last week showed", "an ad released Thursday says"
    if RESTRICTIVE_RELATIVE and np is not None:
        head = _restrictive_head(sent, np[0], ci)
        if head is not None:
            return head[0], np[1]
    return np


def _restrictive_head(sent: _Sentence, start: int, ci: int) -> tuple[int, int] | None:
    """The noun phrase a restrictive relative clause ending before the cue qualifies ("People
    who voted for Trump say", "The state officials whose laws have been invalidated say"):
    PolNeAR's source is the noun phrase with its clause."""
    norms = sent.norms
    for r in range(start - 1, max(0, ci - RELATIVE_SUBJECT_WORDS) - 1, -1):
        w = norms[r]
        if w in CLAUSE_PUNCT:
            return None
        if w.endswith("ing") and r >= 1 and norms[r - 1] in PARTICIPLE_HEADS:
            return _np_ending_at(sent, r - 1)  # "Voters supporting Trump say"
        if w in ("who", "whose"):
            if r < 1 or not norms[r - 1].isalpha() or norms[r - 1] in BOUNDARY_WORDS:
                return None
            if w == "who" and _clause_subject(sent, r + 1):
                return None  # "a man who many party members oppose": the object, not the clause
            return _np_ending_at(sent, r - 1)
    return None


def _subject_over_medium(
    sent: _Sentence, np: tuple[int, int], quotes: _QuoteIndex
) -> tuple[int, int]:
    """The clause's leading subject when np, before an infinitive cue, is where the subject
    went ("took to Twitter", "went on CNN"); else np."""
    if np[0] < 2 or sent.norms[np[0] - 1] not in ("to", "on") or not _subject_like(sent, *np):
        return np  # (a cue that found no subject stays without one)
    lead = _leading_subject(sent, np[0] - 1, quotes)
    if lead is None or lead[1] >= np[0] - 1 or not _subject_like(sent, *lead):
        return np
    return lead


def _catenative_subject(sent: _Sentence, ci: int) -> tuple[int, int] | None:
    """The subject of a catenative verb before an infinitive cue ("is trying to show", "is
    choosing not to respond to"), which _subject_left cannot reach over "to"."""
    norms = sent.norms
    t = ci if norms[ci] == "to" else ci - 1  # the cue may open with its "to" ("to say")
    if t < 2 or norms[t] != "to":
        return None
    v = t - 1
    if norms[v] == "not" and v > 1:
        v -= 1
    if GOES_ON_TO and norms[v] == "on" and norms[v - 1] in GO_FORMS:
        v -= 1  # "The email goes on to say"
    elif norms[v] not in CATENATIVES:
        return None
    return _subject_left(sent, v)


def _predicate_subject(sent: _Sentence, ci: int, cj: int) -> tuple[int, int] | None:
    """The subject before a copula or auxiliary and adverbs that _subject_left stops at ("have
    been critical of", "has not yet responded to")."""
    norms = sent.norms
    if norms[ci].endswith("ing"):
        return None  # a progressive's subject is the main-subject fallback's
    j = _skip_back(sent, ci - 1)
    skipped = False
    while j > 0 and norms[j] in PREDICATE_SKIPS:
        j = _skip_back(sent, j - 1)
        skipped = True
    if j < 1:
        return None
    if norms[j] in COPULA_AUX:
        if any(
            w in PREDICATE_PASSIVES or w.endswith(("ed", "en", "wn")) for w in norms[ci:cj]
        ) and not (ADJECTIVAL_SUBJECT and norms[ci] in ADJECTIVAL_PARTICIPLES):
            return None  # "One of the suspects is named": a passive
        subj = _subject_left(sent, j)
        if subj is not None and subj[1] - subj[0] == 1 and norms[subj[0]] in EXPLETIVES:
            return None  # "It is unclear whether", "There are concerns about"
        return subj
    return _subject_left(sent, j + 1) if skipped else None


def _predicate_infinitive_end(sent: _Sentence, ci: int, cj: int) -> int:
    """Where PolNeAR's cue ends after a predicate adjective and its infinitive ("was quick to
    point out", "was not willing to say"): cj when no infinitive follows."""
    norms, raws = sent.norms, sent.raws
    n = len(norms)
    if not PREDICATE_INFINITIVE or norms[ci].endswith("ing"):
        return cj
    if cj + 1 < n and norms[cj] in PREDICATE_PREPOSITIONS:
        return cj + 1  # "is confident in"
    t = cj + (cj < n and norms[cj] == "not")
    if t + 1 >= n or norms[t] != "to" or not raws[t + 1].isalpha() or not raws[t + 1].islower():
        return cj
    if norms[t + 1] in DETERMINERS or norms[t + 1] in PERSONAL_PRONOUNS:
        return cj  # "critical to the effort": no infinitive
    return t + 2 + (t + 2 < n and norms[t + 2] in INFINITIVE_PARTICLES)


def _adjunct_content(text: str, content: list[tuple[int, int]]) -> bool:
    """Whether a content is a short adjunct or a statement noun ("on Twitter", "a statement
    Wednesday evening"), no clause of its own."""
    words = " ".join(text[a:b] for a, b in content).split()
    if not 0 < len(words) <= PARTICIPLE_CHAIN_WORDS:
        return False
    return words[0].lower() in CHAIN_OPENERS or "statement" in words


def _chain_participles(text: str, found: list[Found]) -> list[Found]:
    """Merge "responded on Twitter, calling ...": drop a cue whose content lies between it and
    a following ", <participle>" cue of the same source, and start that cue's PolNeAR span at
    the first cue."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.cue is not None
            and f.cue is not None
            and prev.source is not None
            and prev.source == f.source
            and text[f.cue[0] : f.cue[1]].lower().endswith("ing")
            and 0 < f.cue[0] - prev.cue[1] <= PARTICIPLE_CHAIN_GAP
            and text[prev.cue[1] : f.cue[0]].rstrip().endswith(",")
            and text.count(",", prev.cue[1], f.cue[0]) == 1
            and not any(ch in QUOTE_MARKS for ch in text[prev.cue[1] : f.cue[0]])
            and all(prev.cue[1] <= a and b <= f.cue[0] for a, b in prev.content)
            and _adjunct_content(text, prev.content)
        ):
            first = prev.extras.get("polnear_cue") or prev.cue
            last = f.extras.get("polnear_cue") or f.cue
            f.extras["polnear_cue"] = (first[0], last[1])
            out[-1] = f
            continue
        out.append(f)
    return out


def _trailing_after_comma(text: str, sent: _Sentence, ci: int, quotes: _QuoteIndex) -> tuple | None:
    """The trailing plan of a sentence-final cue whose subject follows a comma ("..., Chad's
    Ambassador to France confirmed."), when the words before the comma are a content."""
    subj = _subject_left(sent, ci)
    if subj is None or subj[0] < 2 or sent.norms[subj[0] - 1] != ",":
        return None
    comma = subj[0] - 1
    if _fronted_only(sent, comma):
        return None
    content = _content_before(text, sent, comma, quotes)
    return ("trailing", comma, subj, content) if content else None


def _fronted_gerund_subject(sent: _Sentence, ci: int) -> tuple[tuple[int, int], int] | None:
    """The main clause's subject after a fronted "After/By/In <gerund cue> ...," clause (the
    noun phrase after one of its first commas that a lowercase verb follows), and the first
    comma, where the cue's content ends."""
    norms, raws = sent.norms, sent.raws
    n = len(norms)
    opener = ci - 1
    if IN_ADDITION_TO and ci >= 3 and tuple(norms[ci - 3 : ci]) == ("in", "addition", "to"):
        opener = ci - 3  # "In addition to stating that ..., Clinton has vowed"
    elif not norms[ci].endswith("ing") or ci < 1 or norms[ci - 1] not in GERUND_OPENERS:
        return None
    if opener > _lead(sent):
        return None  # only a clause that opens the sentence
    commas = [t for t in range(ci + 1, n - 2) if norms[t] == ","][:FRONTED_GERUND_COMMAS]
    for c in commas:
        for t in range(c + 2, min(c + 10, n)):
            if norms[t] in CLAUSE_PUNCT:
                break
            if not raws[t][:1].islower():
                continue
            subj = _subject_left(sent, t)
            if subj is not None and subj == (c + 1, t):
                if norms[c + 1] in REL_PRONOUNS or norms[c + 1] in EXPLETIVES:
                    break  # ", which periodically chanted his name,": not the main clause
                return (subj, c) if _subject_like(sent, *subj) else None
    return None


def _subordinate_subject(sent: _Sentence, comma: int) -> tuple[int, int] | None:
    """The subject of a "when/after ..." clause that ends at the comma before a participle cue
    ("when Sanders protesters interrupted her speech, shouting"): PolNeAR's source."""
    norms = sent.norms
    for s in range(comma - 1, max(comma - SUBORDINATE_WINDOW, 0) - 1, -1):
        if norms[s] in CLAUSE_PUNCT:
            return None
        if norms[s] in PARTICIPLE_SUBORDINATORS:
            # the noun phrase after the subordinator up to a past verb ("interrupted", "was")
            # that no "and" coordinates with a main clause's verb ("when they were young and
            # arrived in Miami in 1956, hoping")
            for t in range(s + 2, min(s + 8, comma)):
                if norms[t].endswith("ed") or norms[t] in COPULA_AUX:
                    subj = _subject_left(sent, t)
                    if subj != (s + 1, t) or "and" in norms[t:comma]:
                        return None
                    return subj if _subject_like(sent, *subj) else None
            return None
    return None


def _clause_who(sent: _Sentence, j: int) -> tuple[int, int] | None:
    """The "who" opening the clause that ends at token j ("X, who came out and"), if any."""
    norms = sent.norms
    for t in range(j - 1, max(j - COORDINATED_WHO_WINDOW, 0) - 1, -1):
        if norms[t] == "who":
            return (t, t + 1) if t > 0 and norms[t - 1] == "," else None
        if norms[t] in CLAUSE_PUNCT:
            return None
    return None


def _auxiliary_subject(sent: _Sentence, np: tuple[int, int]) -> tuple[int, int]:
    """The subject of the auxiliary before np when np is a verb phrase ("has not stepped forward
    publicly to defend", "did go out of his way to criticize"): np otherwise."""
    norms, raws = sent.norms, sent.raws
    first = np[0]
    if (
        np[1] - first < 2  # "will ever know": a lone word is no subject either way
        or not raws[first].isalpha()
        or not raws[first].islower()
        or norms[first] in DETERMINERS
        or norms[first] in PERSONAL_PRONOUNS
        or norms[first] in QUANTIFIERS
    ):
        return np
    if any(_is_cap(raws[t]) or norms[t] in OBJECT_PRONOUNS for t in range(first, np[1])):
        # "will force Sen. Bernie Sanders to acknowledge", "urged them to say": the object
        return np
    if norms[first] in OBJECT_CONTROL_VERBS:
        return np  # "could help scientists ask": the scientists ask
    a = first - 1
    while a > 0 and (norms[a] in ("not", "never") or _adverb(sent, a)):
        a -= 1
    if a < 1 or not (norms[a] in PHRASE_AUXILIARIES or norms[a].endswith("n't")):
        return np
    subj = _subject_left(sent, a)
    return subj if subj is not None and _subject_like(sent, *subj) else np


def _verb_subject(sent: _Sentence, np: tuple[int, int]) -> tuple[int, int]:
    """The subject of the verb before a noun cue's own determiner phrase ("Mr. Ryan is a vocal
    advocate of", "He gave a few hints of"): np, when it is no such phrase."""
    norms, raws = sent.norms, sent.raws
    if LIGHT_VERB_SUBJECT:
        v = _light_verb_inside(sent, np)
        if v is not None:
            return np[0], v  # "Cruz made an unprompted call for": the words before the verb
    if np[1] - np[0] > 4 or not all(raws[t].islower() for t in range(np[0], np[1])):
        return np  # only a verb, a determiner and lowercase modifiers ("gave a few")
    if norms[np[1]].endswith("ing"):
        return np  # "It is a tweet pushing ...": the participle's noun
    # the determiner at most one modifier before the cue ("a vocal advocate", "a few hints")
    det = next((t for t in (np[0], np[0] + 1) if norms[t] in NOUN_CUE_DETERMINERS), -1)
    if det < np[1] - 2:
        return np
    v = det - 1
    if v < 1:
        return np
    if norms[v] not in LIGHT_VERBS:
        return np  # "Thirteen months passed a federal judge ordered": a subject of its own
    subj = _subject_left(sent, v)
    return np if subj is None else subj


# ... and when np holds the verb's subject too ("Cruz made an unprompted call for", "Sharpton
# left no doubt"), the words before the verb and its auxiliaries (session 28)
LIGHT_VERB_SUBJECT = True
LIGHT_OBJECT_OPENERS = NOUN_CUE_DETERMINERS | frozenset("no his her their its another".split())
LIGHT_VERB_AUXILIARIES = MODALS | frozenset(
    "will would did does do has have had is was are were be been not n't can't cannot won't"
    " don't didn't doesn't also never".split()
)


def _light_verb_inside(sent: _Sentence, np: tuple[int, int]) -> int | None:
    """Where the subject inside np ends: before a lower-case light verb (and its auxiliaries)
    whose object, opening with a determiner at most three words before np's end, the cue
    heads; None without one, or when "and" joins the verb to words before it."""
    norms = sent.norms
    for v in range(max(np[0] + 1, np[1] - 4), np[1] - 1):
        if (
            norms[v] in LIGHT_VERB_FORMS
            and norms[v + 1] in LIGHT_OBJECT_OPENERS
            and sent.raws[v][:1].islower()
        ):
            if norms[v - 1] == "and" or any(
                norms[u] in CLAUSE_PUNCT or norms[u] in REL_PRONOUNS for u in range(np[0], np[1])
            ):
                return None  # "met local reporters and made several statements": whose?
            while v - 1 > np[0] and norms[v - 1] in LIGHT_VERB_AUXILIARIES:
                v -= 1  # "They can't make the same argument"
            return v
    return None


def _degree_subject(sent: _Sentence, j: int) -> bool:
    """Whether the degree word at j would otherwise be taken as the subject ("slightly more",
    "less"): only then is the subject looked for before it (a cue no subject was found for
    stays without one)."""
    if sent.norms[j - 1] in NP_INNER:
        return False  # "one more", "the most"
    np = _np_ending_at(sent, j)
    return np is not None and _subject_like(sent, *np)


def _long_who_subject(sent: _Sentence, j: int) -> tuple[int, int] | None:
    """'Sandy Phillips, who lost her daughter in Aurora, Colorado, in July 2012, said': a name
    with a "who" clause holding commas of its own, up to the comma before the cue."""
    norms = sent.norms
    for t in range(j - 2, max(1, j - 40), -1):
        w = norms[t]
        if w in (";", ":", '"', "(", ")", "—", "–") or _is_dash_token(sent, t):
            return None
        if w == "who" and norms[t - 1] == ",":
            if "," not in norms[t + 1 : j]:
                return None  # one comma pair: the appositive rules handle it
            np = _np_ending_at(sent, t - 2)
            if np is None or not _is_cap(sent.raws[np[1] - 1]):
                return None
            return np[0], j + 1
    return None


def _time_tail(sent: _Sentence, j: int, ci: int) -> bool:
    """Whether a bare time phrase (no preposition) between a common noun or participle at j
    and the cue at ci belongs to the subject."""
    norms = sent.norms
    if not sent.raws[j][:1].islower() or norms[j] in PERSONAL_PRONOUNS or norms[j].endswith("ly"):
        return False
    tail = norms[j + 1 : ci]
    return tail[0] not in ("on", "in") and all(
        w in WEEKDAYS or w in _TIME_HEADS or w in ("last", "this", "yesterday", "today")
        for w in tail
    )


def _party_tag_opening(sent: _Sentence, j: int) -> int | None:
    """The comma opening a party-and-state tag that the comma j closes (", R-Ky.,",
    ", D-N.Y.,"): the tag's first token is a party letter, a hyphen and a capitalised state
    (abbreviated or not), the rest initials; else None."""
    norms, raws = sent.norms, sent.raws
    for o in range(j - 1, max(j - 6, 0), -1):
        if norms[o] == ",":
            first = o + 1
            if first < j and PARTY_TAG_RE.fullmatch(raws[first]) and _is_cap(raws[o - 1]):
                rest = range(first + 1, j)
                if all(norms[t] == "." or (len(raws[t]) == 1 and raws[t].isupper()) for t in rest):
                    return o
            return None
    return None


def _state_after(sent: _Sentence, k: int, j: int) -> bool:
    """Whether the tokens between commas k and j are a state after a town ("Jackson, Miss.,"):
    at most two capitalised words or abbreviations, after a capitalised word."""
    seg = range(k + 1, j)
    if not 1 <= len(seg) <= 3 or not _is_cap(sent.raws[k - 1]):
        return False
    return all(_is_cap(sent.raws[t]) or sent.norms[t] == "." for t in seg) and (
        "." in sent.norms[k + 1 : j] or sent.norms[j - 1] in US_STATES
    )


def _dashed_subject(sent: _Sentence, j: int) -> tuple[int, int] | None:
    """'Kagan — who was ... — supports': the name before an aside in dashes; PolNeAR keeps the
    aside when it is not a relative clause ("Democrats — and some Republicans — say")."""
    norms = sent.norms
    # a double hyphen ("-- who lost in 2008 --") is one dash of two tokens
    double = DOUBLE_HYPHEN_DASH and _double_hyphen(sent, j)
    o = j - 2 if double else j - 1
    while (
        o >= 0
        and j - o <= 40
        and not (norms[o] == norms[j] and (not double or _double_hyphen(sent, o)))
    ):
        if norms[o] in ('"', ";", ":"):
            return None
        o -= 1
    if double and o >= 1:
        o -= 1  # the opening dash's first hyphen
    if o < 1 or norms[o] != norms[j] or o + 1 >= j:
        return None
    np = _np_ending_at(sent, o - 1)
    if np is None:
        return None
    after = o + 2 if double else o + 1
    if norms[after] in ("who", "whose", "which"):
        return np
    return np[0], j + 1


def _double_hyphen(sent: _Sentence, t: int) -> bool:
    """Token t is the second hyphen of "--" (no space between the two)."""
    return (
        t >= 1
        and sent.norms[t] == "-"
        and sent.norms[t - 1] == "-"
        and sent.starts[t] == sent.ends[t - 1]
    )


def _parenthesised_subject(sent: _Sentence, j: int) -> tuple[int, int] | None:
    """'Sen. Roy Blunt (R-Mo.) said': a name with a short parenthetical (PolNeAR keeps it)."""
    norms = sent.norms
    o = j - 1
    while o >= 0 and j - o <= PARENTHESIS_WORDS and norms[o] not in ("(", ")"):
        o -= 1
    if o < 1 or norms[o] != "(":
        return None
    np = _np_ending_at(sent, o - 1)
    if np is None or not _is_cap(sent.raws[np[1] - 1]):
        return None
    return np[0], j + 1


def _skip_time(sent: _Sentence, j: int) -> int:
    """Step left over what :func:`_skip_back` leaves before a subject: the preposition of a
    time phrase ("on" of "on Friday", a lone weekday to it) and modals ("Voters might blame")."""
    norms = sent.norms
    while j >= 1:
        if (
            (norms[j] in ("on", "in") and norms[j + 1] in _TIME_HEADS)
            or norms[j] in MODALS
            or norms[j] == "now"
        ):
            j = _skip_back(sent, j - 1)
        elif norms[j] in DAY_PARTS and norms[j - 1] in WEEKDAYS:
            j = _skip_back(sent, j - 1)  # "Spicer on Thursday evening said"
        elif DEICTIC_TIME and norms[j] in _TIME_HEADS and norms[j - 1] in DEICTIC_TIME_WORDS:
            j = _skip_back(sent, j - 2)  # "The committee this week announced"
        elif norms[j] in MEDIUM_NOUNS:
            p = _medium_phrase_start(sent, j)
            if p is None:
                break
            j = _skip_back(sent, p - 1)  # "Trump in his announcement speech said"
        else:
            break
    return j


def _medium_phrase_start(sent: _Sentence, j: int) -> int | None:
    """The "in" opening "in his (announcement) speech" / "in a statement" that ends at j."""
    norms = sent.norms
    for p in range(j - 1, max(j - 5, 0), -1):
        if norms[p] in ("in", "during"):
            return p if p + 1 < j and norms[p + 1] in DETERMINERS else None
        if not (norms[p].isalpha() and sent.raws[p][:1].islower()):
            return None
    return None


def _subject_after_clause(sent: _Sentence, cj: int) -> tuple[int, int] | None:
    """The subject after a fronted participle clause's comma ("Noting that ..., Trump ..."):
    a pronoun, or a run of capitalised words and determiners."""
    norms, raws = sent.norms, sent.raws
    n = len(norms)
    comma = next((t for t in range(cj, n) if norms[t] == ","), None)
    if comma is None or comma + 1 >= n:
        return None
    k = comma + 1
    if norms[k] in PERSONAL_PRONOUNS:
        return k, k + 1
    end = k
    while end < n and (_is_cap(raws[end]) or norms[end] in DETERMINERS or norms[end] in NP_INNER):
        end += 1
    while end > k and (norms[end - 1] in NP_INNER or norms[end - 1] in DETERMINERS):
        end -= 1
    if end == k or end >= n or not norms[end].isalpha() or _is_cap(raws[end]):
        return None
    return k, end


def _not_appositive(sent: _Sentence, t: int) -> bool:
    """Whether the phrase between a subject's commas opens like an adjunct, not a description:
    a preposition, an -ing or -ed form, an -ly adverb ("Smith, to his credit, said")."""
    w, raw = sent.norms[t], sent.raws[t]
    if not raw[:1].islower():
        return False
    if w in APPOSITIVE_ADJUNCTS:
        return True
    return len(w) > 4 and w.endswith(("ing", "ly", "ed")) and w not in APPOSITIVE_NOUNS


def _outer_appositive(sent: _Sentence, np: tuple[int, int]) -> tuple[int, int]:
    """A name before a description that is itself an appositive: "Jillian Chase, 27, a user",
    "Matthew Prince, chief executive of CloudFlare, a company" (PolNeAR keeps the name)."""
    norms, raws = sent.norms, sent.raws
    start = np[0]
    first = raws[start]
    if not (first.isdigit() or (first[:1].islower() and norms[start] not in PERSONAL_PRONOUNS)):
        return np
    if start < 2 or norms[start - 1] != ",":
        return np
    outer = _np_ending_at(sent, start - 2)
    if outer is None or not raws[outer[0]][:1].isupper():
        return np
    return outer[0], np[1]


def _subject_like(sent: _Sentence, start: int, end: int) -> bool:
    """Whether a token range can be a subject: not a lone lowercase word or an -ing form."""
    norms = sent.norms
    last = norms[end - 1]
    if (
        last in PERSONAL_PRONOUNS
        or last in REL_PRONOUNS
        or last == ","
        or last in PRONOUN_CONTRACTIONS
    ):
        return True
    if last.endswith("ing") and not sent.raws[end - 1][:1].isupper():
        # "Recent polling shows", "the planning for the meeting": a noun after a modifier
        before = norms[end - 2] if end - start >= 2 else ""
        return bool(before) and (
            before in DETERMINERS or before.endswith("'s") or _is_cap(sent.raws[end - 2])
        )
    if end - start == 1 and sent.raws[start][:1].islower() and last not in SUBJECT_WORDS:
        return norms[start].endswith("s")  # "officials said", not "spontaneous chants"
    return True


def _leading_subject(sent: _Sentence, upto: int, quotes: _QuoteIndex) -> tuple[int, int] | None:
    """The subject at the start of the sentence's main clause (for participle and "by" cues)."""
    norms, raws = sent.norms, sent.raws
    k = 0
    # skip a leading quotation and its comma: '"...," he said, adding ...'
    while k < upto and (quotes.at(sent.starts[k]) is not None or norms[k] in CLAUSE_PUNCT):
        k += 1
    while k < upto and norms[k] in LEADING_JUNK:
        k += 1
        if JUNK_COMMA and k < upto and norms[k] == "," and norms[k - 1] in JUNK_COMMA_WORDS:
            k += 1  # "However, he held his fire on Ben Carson, calling him"
            if k < upto and norms[k] in EXPLETIVES:
                return None  # "Instead, it was hearing ... and promising": no one's
    # "In April, he ...", "While in Ohio, she ...": a fronted adjunct ends at its comma
    comma = next((t for t in range(k, upto) if norms[t] in (",", "―", "—", "–")), None)
    if comma is not None and (
        norms[k] in FRONTED
        or norms[k] in FRONTED_MORE
        or (sent.raws[k].isupper() and len(sent.raws[k]) > 2)
        or (comma - k <= 4 and any(norms[t] in _TIME_HEADS | TIME_WORDS for t in range(k, comma)))
        or (comma - k <= 3 and norms[k].isdigit())
    ):
        k = comma + 1  # also "This week, ...", "Last year, ..."
    if LEADING_TIME_CLAUSE and norms[k] in TIME_NOUNS | TIME_QUANTITIES:
        # "Years after Bill Clinton claimed ..., Obama won ...", "A few minutes later they ..."
        t = next((t for t in range(k, min(k + 4, upto)) if norms[t] in TIME_LINKS), None)
        if t is not None and all(norms[x] in TIME_NOUNS | TIME_QUANTITIES for x in range(k, t)):
            if norms[t] in ("later", "ago", "earlier") and norms[t + 1] in PERSONAL_PRONOUNS:
                k = t + 1
            elif comma is not None and comma > t:
                k = comma + 1
    if LEADING_DATELINE and k == 0:
        k = _after_dateline(sent, upto)  # "Washington (AFP) – Democrat Hillary Clinton has ..."
    if LEADING_PARTICIPLE and comma is not None and k < comma and _fronted_participle(sent, k):
        # "Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, calling him"
        k = comma + 1
        nxt = next((t for t in range(k, upto) if norms[t] == ","), None)
        if nxt is not None and (
            _state_after(sent, comma, nxt)
            or (nxt - comma == 3 and norms[nxt - 1] in STATE_SECOND_WORDS)
        ):  # "in Salem, New Hampshire,"
            k = nxt + 1
    if k >= upto:
        return None
    if norms[k] in PERSONAL_PRONOUNS:
        return k, k + 1
    end = k
    while end < upto and (
        _is_cap(raws[end])
        or norms[end] in DETERMINERS
        or norms[end] in ("of", "for", "'", ".", "&")
        or (end > k and norms[end - 1] in DETERMINERS)
    ):
        end += 1
    while end > k and (norms[end - 1] in NP_INNER or norms[end - 1] in DETERMINERS):
        end -= 1
    if end > k:
        end = _noun_tail(sent, k, end, upto)
    return (k, end) if end > k else None


def _main_clause_subject(sent: _Sentence, subj: tuple[int, int], ci: int) -> tuple[int, int]:
    """The whole subject of the main clause whose leading subject ``subj`` a cue at ci takes
    (a participle, an infinitive): the subject of the clause's first verb before ci - 1, or,
    when no verb comes first and a comma stands at ci - 1, what stands before that comma."""
    norms = sent.norms
    k = subj[0]
    if norms[k] in PERSONAL_PRONOUNS:
        return subj
    for v in range(k + 1, ci - 1):
        if _clause_verb(sent, v):
            found = _subject_left(sent, v)
            if found is None or found[0] < k or found[1] > v or norms[found[0]] in REL_PRONOUNS:
                return subj
            if found[0] > k and norms[found[0] - 1] in ("and", "or"):
                # "Mr. Rubio's father and mother married": the coordination from its start
                if any(norms[t] in CLAUSE_PUNCT for t in range(k, found[0])):
                    return subj
                return k, found[1]
            return found
    if (
        subj[1] >= ci - 1
        or norms[ci - 1] != ","
        or norms[subj[1]] not in SUBJECT_PREPOSITIONS
        or any(norms[t] in CLAUSE_PUNCT for t in range(subj[1], ci - 1))
    ):
        return subj
    return k, ci - 1  # "Democrats in Congress, fearing ...": a subject the participle follows


def _embedded_object(sent: _Sentence, subj: tuple[int, int], ci: int) -> bool:
    """Whether the noun phrase right before a bare participle cue at ci is the object of a
    preposition or a verb ("to the caucuses portraying", "spent more time talking about"), so
    that it cannot be the participle's subject."""
    norms = sent.norms
    if not norms[ci].endswith("ing") or subj[1] != ci or subj[0] == 0:
        return False
    before = subj[0] - 1
    if norms[before] == "with" or norms[subj[0]] in ("a", "an"):
        return False  # "with Noah commenting on", "a group backing": the participle's subject
    return norms[before] in SUBJECT_PREPOSITIONS or (
        norms[before] not in AUXILIARY_VERBS and _clause_verb(sent, before)
    )


def _after_infinitive(sent: _Sentence, subj: tuple[int, int], ci: int) -> bool:
    """Whether a subject found left of a cue opens with the verb of an infinitive ("to boycott
    the speech said", "to shut off speculation"): a verb phrase, not a noun phrase. (An
    infinitive cue, "has to step beyond these staples to tell", is the catenative rules'.)"""
    start = subj[0]
    return (
        start > 0
        and sent.norms[ci] != "to"
        and sent.norms[start - 1] == "to"
        and sent.raws[start][:1].islower()
        and sent.norms[start] not in DETERMINERS
        and subj[1] - start > 1
    )


def _infinitive_clause_subject(
    sent: _Sentence, subj: tuple[int, int], ci: int, quotes: _QuoteIndex
) -> tuple[int, int] | None:
    """The subject of a cue whose words on the left open with an infinitive's verb: the object
    of a causative verb ("to make anyone think", "to hear Weld and Johnson speak"), else the
    whole noun phrase the infinitive is part of ("Organizers of the push to boycott the speech
    said"); None when neither is found ("moved quickly to shut off speculation")."""
    norms = sent.norms
    start = subj[0]
    if norms[start] in CAUSATIVE_VERBS:
        inner = _subject_left(sent, ci)
        return (start + 1, subj[1]) if inner is None or inner[0] <= start else inner
    lead = _leading_subject(sent, start - 1, quotes)
    if (
        lead is None
        or lead[0] >= start - 1
        or any(norms[t] in CLAUSE_PUNCT for t in range(lead[0], ci))
    ):
        return None
    if any(_clause_verb(sent, v) for v in range(lead[0] + 1, start - 1)):
        return None  # "Trump moved quickly to boycott the speech said": no noun phrase
    return lead[0], subj[1]


# "The rally let supporters hear Trump promise": the speaker is the object of the causative or
# perception verb before the cue, not the words from the sentence's start (session 28).
CAUSATIVE_OBJECT_SUBJECT = True
# "make" and "have" are left out: "Cruz made an unprompted call for", "who has made".
PERCEPTION_VERBS = frozenset("let lets hear heard watch watched see saw help helps helped".split())


def _causative_object(sent: _Sentence, subj: tuple[int, int], ci: int) -> tuple[int, int]:
    """The words after the last causative verb inside ``subj`` (a verb in lower case, not after
    a determiner, with words of its own before the cue), else ``subj``."""
    norms = sent.norms
    for t in range(subj[1] - 2, subj[0], -1):
        if norms[t] in CLAUSE_PUNCT or norms[t] in REL_PRONOUNS:
            break
        if (
            norms[t] in PERCEPTION_VERBS
            and sent.raws[t][:1].islower()
            and norms[t - 1] not in DETERMINERS
            and not any(norms[u] in REL_PRONOUNS for u in range(subj[0], t))
            and "," not in norms[t + 1 : subj[1]]
            and norms[t + 1] not in PREPOSITIONS
            and (not norms[t].startswith("help") or _is_cap(sent.raws[t + 1]))
        ):
            return t + 1, subj[1]  # "help Cruz cast", not "helped draft a report defending"
    return subj


def _embedded_gerund_subject(
    sent: _Sentence, subj: tuple[int, int], ci: int, quotes: _QuoteIndex
) -> tuple[int, int]:
    """The subject of a bare participle cue at ci whose words on the left, ``subj``, are the
    object of a preposition or a verb ("Clinton spent much of the run-up to the caucuses
    portraying"): the main clause's, as an infinitive cue takes it; else ``subj``."""
    if not _embedded_object(sent, subj, ci):
        return subj
    main = _leading_subject(sent, ci - 1, quotes)
    if main is not None:
        main = _main_clause_subject(sent, main, ci)
    return _near_main_subject(sent, main, ci, ci) or subj


def _near_main_subject(
    sent: _Sentence, subj: tuple[int, int] | None, ci: int, until: int
) -> tuple[int, int] | None:
    """A main clause's subject as an infinitive or a participle cue at ci may take it: a
    subject, at most INFINITIVE_GAP words before the cue, with no clause break or subordinator
    between it and ``until``."""
    norms = sent.norms
    if (
        subj is None
        or not _subject_like(sent, *subj)
        or ci - subj[1] > INFINITIVE_GAP
        or norms[subj[0]] in ("it", "there", "there's", "what")
        or any(
            (norms[t] in CLAUSE_PUNCT and norms[t] != '"') or norms[t] in INFINITIVE_STOPS
            for t in range(subj[1], until)
        )
    ):
        return None
    return subj


def _clause_verb(sent: _Sentence, v: int) -> bool:
    """Whether the token at v reads as a clause's finite verb: an auxiliary or a modal, a common
    irregular past, a word ending in "n't", or a lower-case "-ed" word after no determiner."""
    w = sent.norms[v]
    return sent.raws[v][:1].islower() and (
        _verb_like(w)
        or w in IRREGULAR_PAST
        or w.endswith(("n't", "n’t"))
        or (w.endswith("ed") and sent.norms[v - 1] not in DETERMINERS)
    )


def _coordinated_clause_subject(sent: _Sentence, ci: int, earlier: int) -> tuple[int, int] | None:
    """The subject of a clause opened by ", and" / ", but" after the character offset
    ``earlier`` (the previous attribution's source) that a participle cue at ci ends, when a
    verb follows it there ("..., and the ACLU of Ohio has already sued the city, saying")."""
    norms = sent.norms
    t = ci - 2
    while t > 1 and not (norms[t] in ("and", "but") and norms[t - 1] == ","):
        if norms[t] in (";", ":", '"'):
            return None
        t -= 1
    if t <= 1 or sent.starts[t] <= earlier:
        return None
    for v in range(t + 2, ci - 1):
        if _clause_verb(sent, v):
            found = _subject_left(sent, v)
            if found is not None and found[0] == t + 1:
                return found
            return None
    return None


def _fronted_participle(sent: _Sentence, k: int) -> bool:
    """Whether the clause opens with a participle ("Speaking at ...,", "Asked about ...,"),
    whose subject is the main clause's, not the participle."""
    raw = sent.raws[k]
    return raw[:1].isupper() and len(raw) > 5 and sent.norms[k].endswith(("ing", "ed"))


ADJECTIVE_ENDINGS = ("ic", "an", "al", "ive", "ish")
MODIFIER_ENDINGS = (*ADJECTIVE_ENDINGS, "er", "ion", "ment")


def _noun_tail(sent: _Sentence, k: int, end: int, upto: int) -> int:
    """Extend a leading subject over the lowercase nouns that end it ("The Florida senator",
    "His chief aide", "China's state-owned investment giant CITIC"): words with no verb ending,
    up to the word before the verb."""
    norms, raws = sent.norms, sent.raws
    last = norms[end - 1]
    if not (
        raws[end - 1][:1].islower()
        or last.endswith(("'s", "’s", "'", "’"))
        or (last in ("many", "both"))
        or (end - k <= 2 and norms[k] in DETERMINERS)
        or (end - k == 1 and (last.endswith(ADJECTIVE_ENDINGS) or raws[k].isupper()))
    ):
        return end  # "Bill Clinton got", "Trump went": a name ends the subject
    t = end
    while t + 1 < upto and (t == end or (t == end + 1 and norms[end].endswith(MODIFIER_ENDINGS))):
        w = norms[t]
        if not (raws[t][:1].islower() or _is_cap(raws[t])) or not w.replace("-", "").isalpha():
            break
        if w in BOUNDARY_WORDS or w in SKIP_BEFORE_CUE or w.endswith(("ed", "ly", "ing")):
            break
        nxt = norms[t + 1]
        if nxt in CLAUSE_PUNCT or nxt in NP_INNER:
            break
        t += 1
    return t


def _np_after(
    sent: _Sentence,
    k: int,
    stop: int,
    relaxed: bool = False,
    max_det: int = 5,
    possessive: bool = False,
) -> tuple[int, int] | None:
    """An inverted source after its cue ("said Tom Smith, a spokesman."), up to stop.

    Unless ``relaxed`` (after "according to"), it must open with a capital or a quantifier, or be
    a short determiner phrase ("said the official."), or with ``possessive`` a possessive one.
    """
    norms = sent.norms
    if k >= stop or norms[k] in CLAUSE_PUNCT:
        return None
    end = k
    while end < stop and norms[end] not in (";", ":", '"', "—", "–"):
        if norms[end] == "(":
            close = _party_tag_end(sent, end, stop)
            if close is None:
                break
            end = close  # "said Sen. Chris Murphy (D-Conn.)": PolNeAR keeps the tag
            continue
        if (
            end > k
            and norms[end - 1] != ","
            and (norms[end] in NP_AFTER_STOPS or (relaxed and norms[end] in REL_PRONOUNS))
        ):
            who = _last_who(sent, k, end)
            if who is not None and norms[end] == "that":
                end = who  # "said X, who added that ...": the clause is an attribution of its own
            break
        if end > k and _is_dash_token(sent, end):
            break
        if relaxed and norms[end] == ",":
            break
        if INVERTED_SOURCE_CLAUSE_END and _clause_resumes(sent, k, end, stop):
            break  # "X's decision, said the senator, was a mistake": the clause goes on
        if (
            end > k
            and norms[end] in NAME_ADJUNCTS
            and (_is_cap(sent.raws[end - 1]) or norms[end - 1] == ")")
            and "," not in norms[k:end]
        ):
            break  # "said Larry O'Connor on Hot Air": the adjunct is not the source
        end += 1
    while end > k and norms[end - 1] in FINAL_PUNCT and not _kept_final(sent, k, end - 1):
        end -= 1
    end = _drop_final_time(sent, k, end)
    if end <= k:
        return None
    if not relaxed and not _is_cap(sent.raws[k]):
        first_comma = next((t for t in range(k, end) if norms[t] == ","), end)
        if (
            norms[k] not in INVERTED_OPENERS
            and not (possessive and norms[k] in POSSESSIVE_OPENERS)
            and not _titled_name(sent, k, first_comma)
        ):
            return None
        to_end = end >= len(norms) - 2
        named = (
            INVERTED_NAME_APPOSITIVE
            and first_comma < end - 1
            and _is_cap(sent.raws[first_comma + 1])
            and norms[k] in INVERTED_OPENERS
        )  # "said a former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn"
        if first_comma - k > (
            max(12, max_det) if (to_end and first_comma == end) or named else max_det
        ):
            return None
    return k, end


# An inverted source ends at a comma followed by an auxiliary: the sentence the cue interrupted
# goes on there, and no appositive opens with "was" (session 28).
INVERTED_SOURCE_CLAUSE_END = True


def _clause_resumes(sent: _Sentence, k: int, comma: int, stop: int) -> bool:
    """Whether an inverted source starting at token k ends at ``comma``, followed by an auxiliary
    verb (before ``stop``). Not after "by": in "The email, released by Judicial Watch, was sent"
    the agent belongs to a participle inside the subject, and the resumed clause is no content."""
    return (
        comma + 1 < stop
        and sent.norms[comma] == ","
        and sent.norms[comma + 1] in AUXILIARY_VERBS
        and sent.norms[k] != "by"
    )


def _drop_final_time(sent: _Sentence, k: int, end: int) -> int:
    """The end of an inverted source without a closing time ("said Trump on Friday"), unless the
    time belongs to a participle ("a CBS poll released Monday")."""
    norms = sent.norms
    cut = end
    while cut > k and (norms[cut - 1] in TIME_WORDS or norms[cut - 1] in _TIME_LEADS):
        cut -= 1
    if cut < end and cut > k and norms[cut - 1] in TIMED_PARTICIPLES:
        return end
    return cut


def _party_tag_end(sent: _Sentence, o: int, stop: int) -> int | None:
    """The token after the ")" closing a short tag after a name ("(D-Conn.)", "(R)"), else None."""
    if o < 1 or not _is_cap(sent.raws[o - 1]):
        return None
    for t in range(o + 1, min(stop, o + 8)):
        if sent.norms[t] == ")":
            return t + 1
        if not (_is_cap(sent.raws[t]) or sent.norms[t] in ("-", ".")):
            return None
    return None


def _kept_final(sent: _Sentence, k: int, t: int) -> bool:
    """Whether the final token t of an inverted source stays: the ")" of a party tag, the period
    of an abbreviation ("president of the A.F.L.-C.I.O.", "of Jacksonville, Fla.")."""
    norms, raws = sent.norms, sent.raws
    if norms[t] == ")":
        return any(norms[u] == "(" for u in range(max(k, t - 8), t))
    if norms[t] != "." or t <= k or sent.starts[t] != sent.ends[t - 1]:
        return False
    before = raws[t - 1]
    return before in ABBREVIATIONS or (
        len(before) == 1 and before.isupper() and t - 2 >= k and norms[t - 2] == "."
    )


def _last_who(sent: _Sentence, k: int, end: int) -> int | None:
    """The comma of the last ", who" between k and end, if any."""
    for t in range(end - 2, k - 1, -1):
        if sent.norms[t] == "," and sent.norms[t + 1] == "who":
            return t
    return None


# A hyphen with no space on either side joins the words of a compound the tokens split
# ("U.S.-born"), and a comma between digits a number ("34,000"): the subject runs on over it
# (session 28).
JOINED_MARK_SUBJECT = True


def _joined_mark(sent: _Sentence, t: int) -> bool:
    """Whether the hyphen or comma at t has a token right before and right after it, with no
    space (a comma only between digits)."""
    starts, ends, norms = sent.starts, sent.ends, sent.norms
    if not (0 < t < len(starts) - 1 and ends[t - 1] == starts[t] and ends[t] == starts[t + 1]):
        return False
    return norms[t] == "-" or (norms[t - 1].isdigit() and norms[t + 1].isdigit())


def _is_dash_token(sent: _Sentence, t: int) -> bool:
    """A hyphen standing as a dash (" - " or " --"), by the spaces around it."""
    if sent.norms[t] != "-":
        return False
    return t == 0 or sent.starts[t] > sent.ends[t - 1]


def _titled_name(sent: _Sentence, k: int, end: int) -> bool:
    """A lowercase description leading to a name: "pollster Frank Luntz", "former Obama adviser
    David Axelrod", "another New Hampshire Democrat" (within five words, no clause word)."""
    norms = sent.norms
    for t in range(k, min(end, k + 5)):
        if norms[t] in BOUNDARY_WORDS or norms[t] in CLAUSE_PUNCT:
            return False
        if _is_cap(sent.raws[t]):
            return True
    return False


def _skip_adjuncts(sent: _Sentence, k: int) -> int:
    """Skip time words and "in a statement"-like phrases after a cue."""
    norms = sent.norms
    n = len(norms)
    while k < n:
        w = norms[k]
        if w in TIME_WORDS or w in DAY_PARTS or _adverb(sent, k):
            k += 1
        elif (w in _TIME_LEADS or w == "in") and k + 1 < n and norms[k + 1] in _TIME_HEADS:
            k += 2
        elif MEDIUM_ADJUNCT_WORDS and w == "in" and (h := _medium_head(sent, k + 1)) > 0:
            k = h + 1  # "in a statement", "in a televised address", "in a video message"
        elif (
            w == "in" and k + 2 < n and norms[k + 1] in ("a", "an") and norms[k + 2] in MEDIUM_NOUNS
        ):
            k += 3
        else:
            break
    return k


def _medium_head(sent: _Sentence, k: int) -> int:
    """The last medium noun of "a/an [one or two modifiers] <medium> [<medium>]" from token k
    ("a video message"), or -1."""
    norms, raws = sent.norms, sent.raws
    if k >= len(norms) or norms[k] not in MEDIUM_DETERMINERS:
        return -1
    for h in range(k + 1, min(k + 4, len(norms))):
        if norms[h] in MEDIUM_HEADS:
            return h + 1 if h + 1 < len(norms) and norms[h + 1] in MEDIUM_HEADS else h
        if not (raws[h].isalpha() and raws[h].islower()):
            return -1
    return -1


def _tail_is_adjunct(sent: _Sentence, k: int) -> bool:
    """Nothing but time words, a prepositional adjunct or final punctuation after token k."""
    norms = sent.norms
    k = _skip_adjuncts(sent, k)
    n = len(norms)
    if FINAL_PUNCT.issuperset(norms[k:n]):  # (set operations on the tail: one C call each)
        return True
    if norms[k] in ADJUNCT_PREPS:
        if norms[k] == "to" and k + 1 < n and _infinitive_verb(sent, k + 1):
            return False  # "pledged to make ...": a complement, not an adjunct
        if norms[k] == "at" and k + 1 < n and norms[k + 1] in ("least", "most"):
            return False  # "reported at least six planes filled …": a quantity, not a place
        return _THAT_OR_COLON.isdisjoint(norms[k:n])
    return False


_THAT_OR_COLON = frozenset(("that", ":"))


def _infinitive_verb(sent: _Sentence, t: int) -> bool:
    """A lowercase word after "to" that is not a determiner, pronoun or number ("to make")."""
    w = sent.norms[t]
    return (
        w.isalpha()
        and sent.raws[t][:1].islower()
        and w not in DETERMINERS
        and w not in QUANTIFIERS
        and w not in ("him", "her", "them", "us", "me", "reporters")
    )


def _content_forward(
    text: str,
    sent: _Sentence,
    k: int,
    quotes: _QuoteIndex,
    stop: int,
    objects: bool = False,
    lemma: str = "",
) -> list[tuple[int, int]]:
    """Content from token k to the sentence end or a cut; a quote starting there is taken whole.

    With ``objects`` (a verb cue's complement) a time or medium adjunct closing an object is cut.
    """
    norms = sent.norms
    n = min(len(norms), stop)
    while k < n and norms[k] in (",", ":", "—", "–"):
        k += 1
    if k >= n:
        return []
    if norms[k] in ADJUNCT_PREPS or norms[k] in FRONTED:
        # 'said in Tel Aviv, "Israel is ..."': the quotation after the adjunct is the content
        comma = next((t for t in range(k + 1, min(k + 8, n - 1)) if norms[t] in (",", ":")), None)
        if comma is not None and quotes.starting_at(sent.starts[comma + 1]) is not None:
            k = comma + 1
    q = quotes.starting_at(sent.starts[k])
    if q is not None and not _words_after(text, sent, q, n):
        return list(q.fragments)
    end = _content_cut_end(sent, k, n, quotes, objects, lemma)
    # (most contents hold no dash: one set operation on the tokens spares the scan)
    if CUT_AT_DASH and not _DASHES.isdisjoint(norms[k + 1 : end]):
        dashes = [t for t in range(k + 1, end) if norms[t] in _DASHES and _is_dash(sent, t)]
        if len(dashes) == 1:
            # one dash: what follows is the writer's aside ("... -- but he didn't ...")
            t = dashes[0]
            if quotes.at(sent.starts[t]) is None and not (
                DASH_CONTINUES and t + 1 < n and norms[t + 1] in DASH_CONTINUERS
            ):  # not "… — including Jeb Bush", "… — only that …"
                end = t
    if EVENT_ADJUNCT_CUT and "during" in norms[k + 1 : end]:
        end = _before_event_adjunct(sent, k, end)
    if objects and norms[k] not in CLAUSE_OPENERS:
        end = _before_second_verb(sent, k, end, quotes)
        end = _before_trailing_adjunct(sent, k, end, quotes)
        end = _before_subordinate(sent, k, end)
    s, e = sent.starts[k], sent.ends[end - 1]
    q_end = quotes.at(e - 1)
    if q_end is not None and q_end.end > e:  # a quote that runs on past the sentence
        e = q_end.end
    s, e = _trim(text, s, e)
    return [(s, e)] if e > s else []


_CUT_MARKS = frozenset(",;")  # the tokens the hand rule cuts a forward content at
# where the content cut model may end a forward content: before a mark, a conjunction, a
# preposition or subordinator opening an adjunct, or a dash (session 25: on PolNeAR train,
# out of fold, these words took a further 900 tokens off the boundary errors of marks alone)
CUT_CANDIDATES = _CUT_MARKS | frozenset(
    """and but in on at after when by with as before while because during since from for amid
    over ( — -- – -""".split()
)


def _content_cut_end(
    sent: _Sentence, k: int, n: int, quotes: _QuoteIndex, objects: bool, lemma: str = ""
) -> int:
    """The token where a forward content from token k ends (n: at the sentence's end).

    The content cut model (``scripts/train_content_cuts.py``) decides at each mark or
    clause-opening word outside a quotation (``CUT_CANDIDATES``); without it, the hand rule
    decides at commas and semicolons (``_hand_cut``)."""
    norms = sent.norms
    model = content_cut_model() if CUT_MODEL else None
    if ADJUNCT_LEAD_HAND and norms[k] in ADJUNCT_CONTENT_PREPS:
        # "said — on Twitter, as it happens — that …": ADJUNCT_CONTENT later finds the clause
        # after the adjunct, which a cut inside the adjunct would lose
        model = None
    candidates = _CUT_MARKS if model is None else CUT_CANDIDATES
    # (a tail without a candidate skips the scan, and the scan visits only the candidates,
    # found in C: a Python step per token cost several times as much)
    tail = norms[k + 1 : n - 1]
    if candidates.isdisjoint(tail):
        return n
    if model is not None:
        weights, cut_logit = model["weights"], model["cut_logit"]
        shared = sum(map(weights.get, _content_features(sent, k, objects, lemma), repeat(0.0)))
    for t in compress(count(k + 1), map(candidates.__contains__, tail)):
        if quotes.at(sent.starts[t]) is not None or quotes.at(sent.starts[t + 1]) is not None:
            continue
        if model is None:
            cut = _hand_cut(sent, t, n)
        elif CONCESSION_CUT and norms[t] == "," and norms[t + 1] in CONTENT_CUTS:
            cut = True  # "…, despite …": a concession is the writer's (the issue's article)
        elif BUT_CLAUSE_CUT and norms[t] == "," and _but_clause(sent, t, n):
            cut = True  # "said the plan would fail, but he left": the writer's next clause
        elif SUBJECT_ASIDE and norms[t] == "," and _aside_before_verb(norms, t, n):
            cut = False  # "said the vote, which was held Monday, was fair": the subject's aside
        else:
            features = _candidate_features(sent, k, n, t)
            cut = shared + sum(map(weights.get, features, repeat(0.0))) > cut_logit
        if cut:
            return t
    return n


def _but_clause(sent: _Sentence, t: int, n: int) -> bool:
    """Whether the comma at t opens "but" and a new subject (a pronoun, "the", "his", "her", a
    capital): in PolNeAR train's forward contents gold ends there 24 times in 33."""
    norms = sent.norms
    return (
        t + 2 < n
        and norms[t + 1] == "but"
        and (norms[t + 2] in BUT_SUBJECTS or _is_cap(sent.raws[t + 2]))
    )


BUT_SUBJECTS = frozenset("he she they the his her".split())


def _aside_before_verb(norms: list[str], t: int, n: int) -> bool:
    """Whether the comma at t opens an aside closed by a comma and an auxiliary verb ("the vote,
    which was held Monday, was fair"): in PolNeAR train's forward contents the content goes on
    over such a comma 82 times in 85."""
    close = next((x for x in range(t + 1, n - 1) if norms[x] in _CUT_MARKS), None)
    return close is not None and norms[close] == "," and norms[close + 1] in AUXILIARY_VERBS


def _hand_cut(sent: _Sentence, t: int, n: int) -> bool:
    """Session 1-24's rule for a forward content's mark at t: a semicolon; a comma before
    "despite", "according", a participle, "but" and a new subject, or "and"/"where" and a
    pronoun."""
    norms = sent.norms
    nxt = norms[t + 1]
    return norms[t] == ";" or (
        norms[t] == ","
        and (
            nxt in CONTENT_CUTS
            or (
                CUT_AT_PARTICIPLE
                and nxt.endswith("ing")
                and nxt.isalpha()
                and nxt not in NOT_PARTICIPLES
            )
            or _but_clause(sent, t, n)
            or (nxt in ("and", "where") and t + 2 < n and norms[t + 2] in THIRD_PERSON)
        )
    )


# verbs that mark a clause of its own after a content's comma (with any "-ed" word)
CUT_SEGMENT_VERBS = frozenset("is was are were has had have will would said says".split())


def content_cut_features(
    sent: _Sentence, k: int, n: int, t: int, objects: bool, lemma: str = ""
) -> list[str]:
    """What the content cut model sees at the candidate cut t (``CUT_CANDIDATES``) of a forward
    content that starts at token k and may run to n: the words around it and at the content's
    start, how far it is from both ends, whether the words after it hold a verb, and the cue's
    lemma when the caller gives it."""
    return _content_features(sent, k, objects, lemma) + _candidate_features(sent, k, n, t)


def _content_features(sent: _Sentence, k: int, objects: bool, lemma: str) -> list[str]:
    """The content cut model's features that one content's candidates share (scored once)."""
    norms = sent.norms
    features = ["bias", f"first={norms[k]}", f"before={norms[k - 1] if k else '<start>'}"]
    if objects:
        features.append("objects")
    if CUT_LEMMA and lemma:
        features.append(f"cue={lemma}")
    return features


def _candidate_features(sent: _Sentence, k: int, n: int, t: int) -> list[str]:
    """The content cut model's features of the candidate cut t itself."""
    norms, raws = sent.norms, sent.raws
    after = [norms[x] if x < n else "<end>" for x in range(t + 1, t + 4)]
    nxt, nxt2 = after[0], after[1]
    segment_end = n  # the next mark's token
    for mark in _CUT_MARKS:
        if mark in norms[t + 1 : segment_end]:
            segment_end = norms.index(mark, t + 1, segment_end)
    features = [
        f"mark={norms[t]}",
        f"next={nxt}",
        f"next2={nxt2}",
        f"next3={after[2]}",
        f"next_pair={nxt}_{nxt2}",
        f"prev={norms[t - 1]}",
        f"from_start={min((t - k) // 4, 6)}",
        f"to_end={min((n - t) // 4, 6)}",
        f"segment={min((segment_end - t) // 3, 5)}",
        f"commas_before={min(norms[k:t].count(','), 3)}",
    ]
    if norms[t] not in _CUT_MARKS:  # a word: with its neighbours
        features += [
            "word_mark",
            f"mark_next={norms[t]}_{nxt}",
            f"mark_prev={norms[t]}_{norms[t - 1]}",
        ]
    if t + 1 < n and _is_cap(raws[t + 1]):
        features.append("next_cap")
    if _is_cap(raws[t - 1]):
        features.append("prev_cap")
    for name, word in (("next", nxt), ("next2", nxt2)):
        for suffix in ("ing", "ed", "s"):
            if word.endswith(suffix):
                features.append(f"{name}_{suffix}")
    if any(
        w.endswith("ed") or w in CUT_SEGMENT_VERBS for w in norms[t + 1 : min(segment_end, t + 6)]
    ):
        features.append("segment_verb")
    return features


def _before_event_adjunct(sent: _Sentence, k: int, end: int) -> int:
    """Where "during" opens the speech's own occasion ("… said the plan would fail during a
    debate in Iowa"): the content stops before it (over all of PolNeAR train the cut makes 8
    contents exact and 6 inexact)."""
    norms = sent.norms
    for t in range(k + 1, end - 1):
        if (
            norms[t] == "during"
            and norms[t + 1] in EVENT_DETERMINERS
            and not EVENT_NOUNS.isdisjoint(norms[t + 2 : min(t + 2 + EVENT_WINDOW, end)])
        ):
            return t
    return end


CLAUSE_OPENERS = frozenset("that whether if how what why when where who to".split())
# ", but he ..." / ", and they ..." after a content: a new clause about the speaker, the
# writer's (PolNeAR train ends the content there 36 times in 44 when the words before are no
# quotation); ", but the ...", ", but Trump ...", ", where he ..." open one too.
THIRD_PERSON = frozenset("he she they".split())
TRAILING_PREPS = frozenset("on in at during".split())
TRAILING_HEADS = (
    _TIME_HEADS
    | MEDIUM_NOUNS
    | frozenset("twitter facebook instagram interview interviews tweets statements".split())
)


def _before_trailing_adjunct(sent: _Sentence, k: int, end: int, quotes: _QuoteIndex) -> int:
    """Cut a time or medium adjunct that closes an object content ("called it "meritless" on
    Monday", "posted the image on Twitter"): it modifies the cue, and PolNeAR leaves it out."""
    norms = sent.norms
    last = end - 1
    while last > k and norms[last] in FINAL_PUNCT:
        last -= 1
    for p in range(last - 1, max(k, last - 6), -1):
        if norms[p] in CLAUSE_PUNCT or quotes.at(sent.starts[p]) is not None:
            return end
        if norms[p] in TRAILING_PREPS and any(
            norms[t] in TRAILING_HEADS for t in range(p + 1, last + 1)
        ):
            if (p > k + 1 or (p == k + 1 and _lone_object(sent, k))) and _object_like(sent, k, p):
                return p
            return end
    return end


INFINITIVE_LEMMAS = frozenset("agree expect seek seem".split())
OBJECT_PRONOUNS = frozenset("him her them it us me".split())


def _lone_object(sent: _Sentence, k: int) -> bool:
    """A one-word object a trailing adjunct may follow: a name or an object pronoun ("defended
    Cruz in a recent interview", "favored her in other states"), not "pushed back on ..."."""
    return _is_cap(sent.raws[k]) or sent.norms[k] in OBJECT_PRONOUNS


def _before_second_verb(sent: _Sentence, k: int, end: int, quotes: _QuoteIndex) -> int:
    """Cut an object content at "and" + a verb ("called them ''my friends'' and showed
    flashes of compassion"): the second verb phrase is the source's, not the content."""
    norms, raws = sent.norms, sent.raws
    if "and" not in norms[k + 2 : end - 1]:  # most objects (a C-level scan spares the loop)
        return end
    for t in range(k + 2, end - 1):
        if norms[t] != "and" or quotes.at(sent.starts[t]) is not None:
            continue
        nxt = norms[t + 1]
        then = norms[t + 2] if t + 2 < end else ""
        takes_object = then in DETERMINERS or then in PERSONAL_PRONOUNS or then in ("him", "them")
        verb = raws[t + 1][:1].islower() and (
            nxt in SECOND_VERB_LEADS
            or (nxt.endswith("ed") and takes_object)
            or (
                nxt.endswith("ing")
                and takes_object
                and not any(w.endswith("ing") for w in norms[k:t])  # "for cutting X and paring Y"
            )
        )
        if verb and _object_like(sent, k, t):
            return t
    return end


def _before_subordinate(sent: _Sentence, k: int, end: int) -> int:
    """Cut a short object content at a subordinate clause ("called out the Republicans while
    reveling in ...", "praised the deal when it passed"): the clause is the writer's (PolNeAR
    train ends the content there 15 times in 24 within three words of its start; after "after"
    it goes on as often as not)."""
    norms = sent.norms
    for p in range(k + 1, min(k + 4, end)):
        if (
            norms[p] in OBJECT_SUBORDINATORS
            and norms[p + 1 : p + 2] not in (["that"], [","])  # "complained soon after that"
            and _object_like(sent, k, p)
        ):
            return p
    return end


OBJECT_SUBORDINATORS = frozenset("after while".split())
SECOND_VERB_LEADS = frozenset("has have had is was did then also once later".split())


def _object_like(sent: _Sentence, k: int, p: int) -> bool:
    """Whether tokens k..p-1 read as an object, not a clause ("he arrived in Benghazi", "the
    deal collapsed"): no pronoun subject, clause word, or verb after a determiner and noun."""
    head = sent.norms[k:p]
    return (
        head[0] not in PERSONAL_PRONOUNS
        and not BOUNDARY_WORDS.intersection(head)
        and not (len(head) == 3 and head[0] in DETERMINERS and head[2].endswith("ed"))
    )


def _words_after(text: str, sent: _Sentence, q: Quote, n: int) -> bool:
    """Whether a quotation that opens a content is followed by more of the clause ('"We don't
    teach anything" against homosexuality'), not by punctuation or the sentence end."""
    t = bisect_left(sent.starts, q.end, 0, n)
    if t >= n or not (sent.norms[t][:1].isalpha() and sent.raws[t][:1].islower()):
        return False
    # '"...," she said': a comma closing the quotation ends the content
    return not _closes_on_comma(text, q) and sent.norms[t] not in PERSONAL_PRONOUNS


def _closes_on_comma(text: str, q: Quote) -> bool:
    """Whether a quotation's words end in a comma ('"…," she said'; ''…,'' too): a speaker tag
    follows."""
    return text[q.start : q.end].rstrip(QUOTE_MARKS + "'")[-1:] == ","


_DASHES = frozenset("—–-")  # the tokens _is_dash can accept (a cheap test before the call)


def _is_dash(sent: _Sentence, t: int) -> bool:
    """A dash between words: "—", "–", or a hyphen with a space before it (" - ", " --")."""
    return sent.norms[t] in ("—", "–") or _is_dash_token(sent, t)


def _title_aside(sent: _Sentence, j: int, quotes: _QuoteIndex) -> int:
    """The comma opening an aside after the subject that a short quotation ending at j closes
    ("Dana Perino, a host of ''The Five,'' refused", "Mr. Manafort, citing ''…,'' said"), or -1:
    the quotation is a title or a cited phrase, not the content of the cue after it."""
    norms = sent.norms
    t = j
    while t > 0 and norms[t] in (",", '"', "'"):
        t -= 1
    q = quotes.at(sent.starts[t])
    if q is None or len(q.fragments) != 1 or norms[j] not in (",", '"', "'"):
        return -1
    first = bisect_left(sent.starts, q.start)
    if first < 3 or norms[first - 1] in CLAUSE_PUNCT or t - first > TITLE_QUOTE_WORDS:
        return -1
    comma = next((c for c in range(first - 2, 0, -1) if norms[c] in CLAUSE_PUNCT), -1)
    if comma > _lead(sent) and norms[comma] == "," and _is_cap(sent.raws[comma - 1]):
        return comma
    return -1


def _title_aside_subject(sent: _Sentence, ci: int, quotes: _QuoteIndex) -> tuple[int, int] | None:
    """The subject of a cue after such an aside: the name and its aside ("Joe Scarborough,
    host of MSNBC’s “Morning Joe,”"), or the name alone before a participle ("citing …")."""
    j = _skip_back(sent, ci - 1)
    comma = _title_aside(sent, j, quotes) if j > 0 else -1
    if comma < 0:
        return None
    lead = _lead(sent)
    return (lead, comma) if sent.norms[comma + 1].endswith("ing") else (lead, j + 1)


def _quote_before(
    sent: _Sentence, j: int, quotes: _QuoteIndex, tail_done: bool = False
) -> tuple[list[tuple[int, int]], int, int] | None:
    """'"...," he said' / 'They "had chemistry," said X': content ending in a quote before the cue.

    Returns the content fragments, the token where the words after the quote start, and the
    token where the content starts (words before the quote make it a mixed quote).
    """
    norms = sent.norms
    t = j
    if '"' in norms:  # (one C-level scan: most sentences hold no quote mark to step back to)
        while t >= 0 and norms[t] != '"':
            t -= 1
    else:
        t = -1
    if t < 0 and 0 <= j < 4 and tail_done:
        # '"... OK?" Trump said.' split after the question mark: the quote ends the sentence before
        q = quotes.at(sent.start - 1) or quotes.at(sent.start - 2)
        if (
            q is not None
            and 0 < sent.start - q.end <= 2
            and not any(n in CLAUSE_PUNCT for n in norms[: j + 1])
        ):
            return list(q.fragments), 0, 0
        return None
    if t < 0 or j - t > 16:
        return None
    q = quotes.at(sent.starts[t])
    if q is not None and t + 1 <= j and q.end == sent.ends[t + 1] and norms[t + 1] == "'":
        t += 1  # "'old-school,''' said": the run tokenises as '' and ', the quote ends after both
    if q is None or q.end != sent.ends[t]:
        return None
    b = t + 1
    while b <= j and norms[b] in (",", "?", "!"):
        b += 1
    if any(
        norms[x] in ("and", "but", "or")
        and not (QUOTE_APPOSITIVE_AND and "," in norms[b:x] and "," in norms[x : j + 1])
        and not (
            NAMES_AND_QUOTE  # '"…," Edward-Isaac Dovere and Gabriel Debenedetti wrote'
            and norms[x] == "and"
            and b < x < len(sent.raws) - 1
            and _is_cap(sent.raws[x - 1])
            and _is_cap(sent.raws[x + 1])
        )
        and not (TITLE_AND and norms[x] == "and" and _title_and(sent, x + 1, j))
        for x in range(b, j + 1)
    ):
        return None  # an "and" inside an appositive ("Mr. Kaplan, a screenwriter and ...,") is
    lead = _lead(sent)
    if q.start <= sent.starts[lead]:
        return list(q.fragments), b, lead
    first_q = next(x for x in range(len(sent.starts)) if sent.starts[x] >= q.start)
    if any(norms[x] == ":" for x in range(lead, first_q)):
        return list(q.fragments), b, first_q  # 'His final assessment: "...," he said.'
    # a mixed quote keeps its leading conjunction ("But when it comes to Carrier, ''we've ...''")
    start = 0
    while start < lead and norms[start] in CLAUSE_PUNCT:
        start += 1
    return [(sent.starts[start], q.end)], b, start


def _mixed_after_join(
    sent: _Sentence, qb: tuple[list[tuple[int, int]], int, int], others: list[int]
) -> tuple[list[tuple[int, int]], int, int]:
    """A mixed quote whose words before the quotation hold another cue ("Voters were asked to
    rank them, and the group is less likely to be “overrun,” Hoover said"): its content starts
    after the ", and" or ", but" that follows that cue; qb unchanged without one."""
    content, b, _ = qb
    if not others or len(content) != 1:
        return qb
    norms = sent.norms
    for x in range(max(others) + 1, b):
        if norms[x] == '"':
            return qb  # the quotation opens before any join
        if norms[x] in ("and", "but") and norms[x - 1] == "," and x + 1 < b:
            return [(sent.starts[x + 1], content[0][1])], b, x + 1
    return qb


def _with_comma(sent: _Sentence, end_tok: int, stop: int) -> int:
    """Include a comma that closes a source followed by more words (PolNeAR keeps it)."""
    if end_tok < stop and sent.norms[end_tok] == "," and end_tok + 1 < stop:
        return end_tok + 1
    return end_tok


def _is_sourceless(entry: CueEntry) -> bool:
    """Passives and raising verbs ("is expected", "was charged with", "seems") name no source."""
    if entry.lemma in RAISING or entry.phrase[0] == "known":
        return True  # "A developer known to be bullish": PolNeAR gives no source
    phrase = entry.phrase
    if PERFECT_PASSIVE and len(phrase) > 2 and phrase[0] in PERFECT_AUX:
        if phrase[-1] not in TARGET_PARTICIPLES:
            return False  # "have been outraged": the subject feels, and PolNeAR's source it is
        phrase = phrase[1:]  # "has been criticized", "have been asked"
    if phrase[0] not in PASSIVE_AUX or len(phrase) < 2:
        return False
    rest = [w for w in phrase[1:] if w not in PASSIVE_ADVERBS]  # "is not expected"
    if not rest:
        return False
    participle = rest[0]
    return participle.endswith(("ed", "en", "wn")) or participle in IRREGULAR_PARTICIPLES


def _surface_passive(sent: _Sentence, ci: int, entry: CueEntry) -> int | None:
    """Where the auxiliaries of a one-word participle cue after a form of "be" begin ("The
    senator was being challenged", "have now been deemed"): a passive the lexicon holds only in
    its active phrase. None when the cue is no such passive."""
    norms = sent.norms
    w = norms[ci]
    if len(entry.phrase) != 1 or entry.pos != "verb" or entry.lemma in FEELING_LEMMAS:
        return None
    if w in ADJECTIVAL_PARTICIPLES:
        return None
    if not (w.endswith(("ed", "en", "wn")) or w in IRREGULAR_PARTICIPLES):
        return None
    j = ci - 1
    while j >= 0 and (
        norms[j] in PASSIVE_ADVERBS or norms[j] in PASSIVE_TIME_ADVERBS or _adverb(sent, j)
    ):
        j -= 1
    if j < 0 or norms[j] not in PASSIVE_AUX:
        return None
    while j > 0 and (norms[j - 1] in PASSIVE_CHAIN or _adverb(sent, j - 1)):
        j -= 1
    return j


def _agent_end(sent: _Sentence, agent: tuple[int, int]) -> int:
    """Where a passive's "by" agent ends: before "as", "if", "to", "that" … ("was seen by some
    as …": the agent is "some")."""
    norms = sent.norms
    for t in range(agent[0] + 1, agent[1]):
        if norms[t] in AGENT_ENDS:
            return t
    return agent[1]


def _distant_agent(sent: _Sentence, k: int) -> tuple[int, tuple[int, int]] | None:
    """The "by" agent a few words after a passive cue ("was attacked on Twitter by Democratic
    candidates"): where "by" stands and the agent."""
    norms = sent.norms
    n = len(norms)
    for b in range(k + 1, min(n - 1, k + DISTANT_AGENT_WORDS + 1)):
        w = norms[b]
        if w == "by":
            agent = _np_after(sent, b + 1, n, relaxed=True)
            return None if agent is None else (b, agent)
        if w in DISTANT_AGENT_STOPS:
            return None
    return None


def _names_something(sent: _Sentence, ci: int, cj: int) -> bool:
    """Whether the cue is a participle naming what comes before it: "A documentary titled
    Weiner", "a new group called Black Votes Matter" (an indefinite noun phrase, then a name or
    a quotation), not "one lawmaker called Trump ..."."""
    norms, raws = sent.norms, sent.raws
    if cj - ci != 1 or norms[ci] not in NAMING_WORDS or cj >= len(norms) or ci < 2:
        return False
    if not (_is_cap(raws[cj]) or norms[cj] in ('"', "'")):
        return False
    for t in range(ci - 1, max(-1, ci - 6), -1):
        if norms[t] in ("a", "an"):
            return t < ci - 1
        if not (raws[t].isalpha() and raws[t].islower()):
            return False
    return False


def _attribute_sentence(text: str, sent: _Sentence, quotes: _QuoteIndex) -> list[Found]:
    norms = sent.norms
    cues = _match_cues(sent, quotes)
    if not cues:
        return []
    if sent.starts is None:
        _lay_out(sent)
    found: list[Found] = []
    n = len(norms)
    cue_starts = [c[0] for c in cues]
    last_cue = max(cue_starts)
    has_that = "that" in norms  # cheap checks that spare most cues the span rules' scans
    has_about = "about" in norms
    trailing_stops: list[int] = []
    claimed: set[int] = set()  # tokens inside an inverted source ("said X, who responded ...")
    plans = []
    for ci, cj, entry in cues:
        # "responded by affirming": the -ing verb is the cue
        if cj + 1 < n and norms[cj] == "by" and (cj + 1) in cue_starts:
            continue
        if ci in claimed or (NAMING_PARTICIPLES and _names_something(sent, ci, cj)):
            continue
        plan = _plan(text, sent, ci, cj, entry, quotes, cue_starts)
        plans.append((ci, cj, entry, plan))
        if plan[0] == "trailing":
            trailing_stops.append(plan[1])
            if plan[2] and plan[2][0] > ci:
                claimed.update(range(*_unclaimed_relative(sent, *plan[2])))
    participle_commas = []
    for c in cue_starts:
        pj = _skip_back(sent, c - 1)
        if pj > 0 and norms[pj] == '"' and norms[pj - 1] == ",":
            pj -= 1
        if pj > 0 and norms[pj] == "," and norms[c].endswith("ing"):
            participle_commas.append(pj)
    prev_source: tuple[int, int] | None = None
    absorbed: set[int] = set()  # tokens taken into an earlier cue ("voiced concerns about")
    for ci, cj, entry, plan in plans:
        if ci in absorbed:
            continue
        # PolNeAR cue spans keep auxiliaries and adverbs ("has also said", "did not deny");
        # the table reports the lexical cue ("hinted at"), the scorer adapter the PolNeAR span
        first = ci
        while first > 0 and (norms[first - 1] in CUE_PREFIX or _adverb(sent, first - 1)):
            first -= 1
        cue_span = _span(sent, ci, cj)
        polnear_cue = _span(sent, first, cj)
        gerund_cut: int | None = None  # where a fronted gerund clause's content ends
        mode = plan[0]
        source: tuple[int, int] | None = None
        content: list[tuple[int, int]] = []
        sourceless = False
        if mode == "according":
            _, src, content = plan
            source = src
        elif mode == "trailing":
            _, _cut, src, content = plan
            source = _trailing_source(text, sent, src) if src else None
        else:
            prev = norms[ci - 1] if ci > 0 else ""
            pj = _skip_back(sent, ci - 1)
            if pj >= 0 and norms[pj] == '"' and pj > 0 and norms[pj - 1] == ",":
                pj -= 1  # 'of “New York values,” saying ...'
            if pj >= 0 and norms[pj] == "," and norms[ci].endswith("ing"):
                prev = ","  # ", falsely suggesting that ..."
            subj = None
            sourceless = _is_sourceless(entry)
            passive_at = None
            if SURFACE_PASSIVE and not sourceless:
                passive_at = _surface_passive(sent, ci, entry)
                if passive_at is not None:
                    sourceless = True
                    first = min(first, passive_at)
                    polnear_cue = _span(sent, first, cj)
            if REPORTEDLY_SOURCELESS and entry.lemma in HEARSAY_ADVERBS and cj not in cue_starts:
                # "Both Google and Facebook have reportedly looked at Twitter": PolNeAR gives
                # no source (but "Trump reportedly said" has one: the verb is the cue)
                sourceless = True
            lead = _lead(sent)
            fronted = False
            if sourceless:
                subj = _subject_left(sent, ci if passive_at is None else passive_at)
                if subj is not None and norms[subj[0]] not in ("it", "there", "who"):
                    content.append(_trim(text, *_span(sent, *subj)))
            elif ci == lead and sent.raws[ci][:1].isupper() and norms[ci].endswith("ed"):
                sourceless = True  # "Asked about X, Trump said ...": the question has no source
            elif ASKED_CLAUSE and _asked_clause(sent, ci, entry):
                sourceless = True  # "when asked about X, ...": the question has no source
            elif ci == lead and sent.raws[ci][:1].isupper() and norms[ci].endswith("ing"):
                # "Noting that ..., Trump reminded ...": the main clause's subject
                subj = _subject_after_clause(sent, cj)
                if subj is None and FRONTED_MAIN_CUE:
                    # "Recalling that moment, David Axelrod, who ..., said": the subject of
                    # the main clause's cue
                    main = next((c for c in cue_starts if c > cj and "," in norms[cj:c]), None)
                    if main is not None:
                        subj = _subject_left(sent, main)
                fronted = True
            elif (
                prev == "by"
                or prev in ("and", "but")
                or (THEN_COORDINATED and _then_coordinated(sent, ci))
                or (
                    COORDINATED_AFTER_ADVERB
                    and prev_source
                    and pj > 0
                    and norms[pj] in ("and", "but")
                )
                or (prev == "," and norms[ci].endswith("ing"))
                or (DASH_PARTICIPLE and prev in ("—", "–") and norms[ci].endswith("ing"))
            ):
                own = (
                    _coordinated_clause_subject(sent, ci, prev_source[0])
                    if CLAUSE_OWN_PARTICIPLE and prev == "," and prev_source is not None
                    else None
                )
                if prev_source is not None and prev != "by" and own is None:
                    source = prev_source
                elif own is not None:
                    subj = own  # "X say ..., and the ACLU has sued the city, saying": the ACLU
                elif COORDINATED_RELATIVE and prev in ("and", "but") and _clause_who(sent, ci - 1):
                    # "Weaver, who came out and endorsed Clinton": the relative pronoun
                    subj = _clause_who(sent, ci - 1)
                else:
                    subj = None
                    if SUBORDINATE_PARTICIPLE and prev == ",":
                        subj = _subordinate_subject(sent, ci - 1)
                    if subj is None:
                        subj = _leading_subject(sent, ci - 1, quotes)
                        if PARTICIPLE_VERB_SUBJECT and subj is not None and prev == ",":
                            subj = _main_clause_subject(sent, subj, ci)
                    if (
                        BY_GERUND_CUE
                        and prev == "by"
                        and subj is not None
                        and 0 < ci - subj[1] <= BY_GERUND_GAP
                        and not any(norms[t] in CLAUSE_PUNCT for t in range(subj[1], ci))
                    ):
                        # "Macron responded by affirming": PolNeAR's cue runs from the verb
                        first = subj[1]
                        polnear_cue = _span(sent, first, cj)
            elif pj >= 0 and norms[pj] in GERUND_PREPS and norms[ci].endswith("ing"):
                # "..., Trump told reporters, before insisting ...": the clause's subject
                if prev_source is not None:
                    source = prev_source
                else:
                    subj = _leading_subject(sent, pj, quotes)
                    if MAIN_CLAUSE_VERB_SUBJECT and subj is not None:
                        subj = _main_clause_subject(sent, subj, pj + 1)
                    if FRONTED_GERUND_PREP and subj is None:
                        # "After savaging party funders ..., Trump is finding": opening the
                        # sentence, the main clause's subject after the clause
                        fronted = _fronted_gerund_subject(sent, ci)
                        if fronted is not None:
                            subj, gerund_cut = fronted[0], sent.ends[fronted[1] - 1]
            else:
                subj = left = _title_aside_subject(sent, ci, quotes) if TITLE_QUOTE_ASIDE else None
                if subj is None:
                    subj = left = _subject_left(sent, ci)
                if EMBEDDED_GERUND_SUBJECT and subj is not None:
                    subj = left = _embedded_gerund_subject(sent, subj, ci, quotes)
                if (
                    INFINITIVE_OBJECT_SUBJECT
                    and subj is not None
                    and _after_infinitive(sent, subj, ci)
                ):
                    subj = left = _infinitive_clause_subject(sent, subj, ci, quotes)
                if CAUSATIVE_OBJECT_SUBJECT and subj is not None:
                    subj = left = _causative_object(sent, subj, ci)
                if MEDIUM_INFINITIVE and subj is not None and norms[ci] == "to":
                    # "Hillary Clinton took to Twitter to say thanks": not Twitter
                    subj = _subject_over_medium(sent, subj, quotes)
                if FRONTED_GERUND and subj is None:
                    fronted = _fronted_gerund_subject(sent, ci)
                    if fronted is not None:
                        subj, gerund_cut = fronted[0], sent.ends[fronted[1] - 1]
                        if IN_ADDITION_TO and norms[ci - 1] == "to":
                            polnear_cue = cue_span  # "In addition to stating": not "to"
                if CATENATIVE_INFINITIVE and (
                    subj is None
                    or (CATENATIVE_SUBJECT_FIRST and subj[1] == ci and _after_catenative(sent, ci))
                ):
                    # "Mitchell tried to discuss": not "Mitchell tried"
                    subj = _catenative_subject(sent, ci) or subj
                    if subj is not None and "," not in norms[subj[1] : ci]:
                        # PolNeAR's cue runs from the verb group: "is continuing to insist"
                        first = subj[1]
                        polnear_cue = _span(sent, first, cj)
                if COPULA_PREDICATE and subj is None:
                    subj = _predicate_subject(sent, ci, cj)
                    if subj is not None and "," not in norms[subj[1] : ci]:
                        first = subj[1]  # PolNeAR's cue: "have been critical of"
                        end = _predicate_infinitive_end(sent, ci, cj)
                        if end > cj:  # "was quick to point out", "are eager to hear"
                            absorbed.update(range(cj, end))
                            cj = end
                        polnear_cue = _span(sent, first, cj)
                if (
                    VERB_PHRASE_SUBJECT
                    and entry.pos != "noun"
                    and subj is not None
                    and subj == left
                ):
                    subj = _auxiliary_subject(sent, subj)  # not one another rule chose
            owner = _possessor(sent, ci) if entry.pos == "noun" else None
            if owner is not None:
                subj = (_titled_possessor(sent, owner), owner + 1)  # "his criticism of": his
            if NOUN_CUE_SUBJECT and subj is not None and subj[1] == ci and subj[1] - subj[0] > 1:
                subj = _verb_subject(sent, subj)  # "Mr. Ryan is a vocal advocate of"
            if (
                subj is not None
                and not (POSSESSOR_SOURCE and owner is not None)
                and not _subject_like(sent, *subj)
            ):
                subj = None
                sourceless = entry.pos == "noun"  # "drew complaints that ...": no source
            if subj is None and source is None and not sourceless and MAIN_SUBJECT_FALLBACK:
                subj = _main_subject(sent, ci, quotes)
                if INFINITIVE_CUE_SPAN and subj is not None and norms[ci - 1] == "to":
                    # "Obama held an impromptu press briefing to brag": PolNeAR's cue runs from
                    # the main verb through the infinitive
                    first = subj[1]
                    polnear_cue = _span(sent, first, cj)
            if source is None and subj is not None and not sourceless:
                source = _span(sent, *subj)
                if norms[subj[1] - 1] not in (",", "—", "–", "-"):
                    source = _trim(text, *source)
            if LIGHT_NOUN_CUES and cj < n and norms[cj] in LIGHT_DETERMINERS:
                pj = _participle_after_noun(sent, cj, cues)
                if pj > cj:
                    # "filed a lawsuit in 2013 alleging that …": PolNeAR's cue runs through the
                    # participle, the participle is no attribution of its own
                    absorbed.update(range(cj, pj))
                    polnear_cue = _span(sent, first, pj)
                    cj = pj
            k = _skip_adjuncts(sent, cj)
            if k > cj and k < n and norms[k] not in ("that", ",", ":", '"'):
                # "proposed nearly $1 billion", "proposed temporarily banning": the adverb
                # belongs to the content
                k = next((t for t in range(cj, k) if norms[t].endswith("ly")), k)
            e = k + (k < n and norms[k] == ",")
            if e + 2 < n and norms[e] == "for" and norms[e + 1] in ("example", "instance"):
                k = e + 2 + (norms[e + 2] == ",")  # "believes, for example, that ..."
            elif e > k and e + 1 < n and norms[e] in PARENTHETICALS and norms[e + 1] == ",":
                k = e + 2  # "said, however, that ..."
            if (
                SKIP_TO_THAT
                and entry.lemma not in ADDRESSEE_LEMMAS
                and k < n
                and (
                    norms[k] in ("to", "on", "in", "at", "during", "after", "before", "with")
                    or (k + 1 < n and norms[k] == "for" and norms[k + 1] in SPANS_OF_TIME)
                )
            ):
                # "made it clear to House Democrats on Wednesday that ...": content starts at that
                that = next((t for t in range(k, min(k + 9, n)) if norms[t] in ("that", ":")), None)
                if (
                    that is not None
                    and (
                        (norms[k] != "to" and norms[that] == "that")
                        or not any(norms[t] in (",", '"') for t in range(k, that))
                    )
                    and (norms[k] != "to" or _addressee_before(sent, k, that))
                ):
                    k = that + (norms[that] == ":")
            if COMMA_THAT and has_that and k < n and norms[k] != "that":
                k = _comma_that(sent, k)
            if sourceless and source is None and k + 1 < n and norms[k] == "by":
                # a passive with its agent: "was seen by some as ...", "Asked by Starnes if ..."
                agent = _np_after(sent, k + 1, n, relaxed=True)
                if agent is not None:
                    end_agent = _agent_end(sent, agent)
                    source = _trim(text, *_span(sent, agent[0], end_agent))
                    k = end_agent
            elif DISTANT_AGENT and sourceless and source is None and entry.lemma not in RAISING:
                agent_at = _distant_agent(sent, k)
                if agent_at is not None:
                    b, agent = agent_at
                    end_agent = _agent_end(sent, agent)
                    source = _trim(text, *_span(sent, agent[0], end_agent))
                    content.append(_trim(text, *_span(sent, k, b)))
                    k = end_agent
            if entry.lemma in ADDRESSEE_LEMMAS or entry.lemma in ASK_LEMMAS:
                k = _before_question(sent, k)
            if entry.lemma in ADDRESSEE_LEMMAS:
                k = _after_addressee(sent, k)
            # (each list below is left out when nothing could be in it: most sentences have one
            # cue, and a comprehension costs a function object and a frame even when empty)
            stops = [c for c in trailing_stops if c > cj] if trailing_stops else []
            later_cue = last_cue > cj + 1
            if later_cue:
                # "found X and called Y": a coordinated cue ends this content
                stops += [
                    _coordinator(sent, c)
                    for c in cue_starts
                    if c > cj + 1 and _coordinator(sent, c) > cj
                ]
            if participle_commas:
                # ", saying ...": a later participle cue after a comma ends this content
                stops += [p for p in participle_commas if p > cj]
            if later_cue:
                # "..., and people familiar with her thinking say ...": a later clause with a cue
                # and a subject of its own
                stops += [
                    t for c in cue_starts if c > cj + 1 for t in _clause_with_cue(sent, c, cj)
                ]
            if (
                RESTRICTIVE_RELATIVE
                and last_cue > cj
                and subj is not None
                and (
                    norms[subj[0]] == "who"
                    or (norms[ci].endswith("ing") and norms[ci - 1] in PARTICIPLE_HEADS)
                )
            ):
                # "People who voted for Trump say …", "Voters supporting Trump say …": the
                # clause ends where the cue whose subject holds it starts
                stops += [
                    c
                    for c in cue_starts
                    if c > cj
                    and (s := _subject_left(sent, c)) is not None
                    and s[0] <= subj[0]
                    and s[1] > ci
                ]
            if (ci == lead or (ASKED_CLAUSE and _asked_clause(sent, ci, entry))) and (
                sourceless or fronted
            ):
                stops += [t for t in range(cj, n) if norms[t] == ","][:1]
            if entry.pos == "noun" or (
                ci > 0 and not norms[ci].endswith("ing") and _possessive(sent, ci - 1)
            ):
                stops += _main_verb_after(sent, k)
            stops += _subordinate_clause_end(sent, ci, k, quotes, subj)
            if SOURCELESS_CLAUSE_END and sourceless and source is None:
                stops += _first_comma(sent, k, quotes)
            if NOUN_CUE_COMMA and entry.pos == "noun":
                stops += _first_comma(sent, k, quotes)
            if INFINITIVE_COMMA and k < n and (norms[k] == "to" or norms[cj - 1] == "to"):
                stops += _clause_comma(text, sent, k, quotes)
            if PARTICIPLE_COMMA and norms[ci].endswith("ing"):
                stops += _clause_comma(text, sent, k, quotes)
            stops += _closing_bracket(sent, ci, k)
            if subj is not None and subj[1] - subj[0] == 1 and norms[subj[0]] in REL_PRONOUNS:
                # "Trump, who ... as a response to terrorist attacks, declined at first ...": the
                # relative clause ends where its noun's verb follows a comma
                stops += _main_clause_verb(sent, k)
            else:
                # "listing payments to the group by the centre, are far less detailed": for any
                # other content only an auxiliary after its first comma (outside quotations) ends it
                stops += [
                    t
                    for t in _main_clause_verb(sent, k)
                    if norms[t + 1] in AUXILIARY_VERBS and quotes.at(sent.starts[t]) is None
                ]
            if subj is not None and source is not None and subj[0] > 0:
                gap = norms[subj[0] - 1]
                if (
                    gap in ("which", "what", "who", "whom")
                    and subj[1] - subj[0] <= 4
                    and _object_which(sent, subj[0] - 1, k)
                    and (gap in ("which", "what") or _clause_subject(sent, subj[0]))
                ) or (
                    gap == "that"
                    and subj[1] - subj[0] <= 4
                    and _clause_subject(sent, subj[0])
                    and _opens_with_gap(sent, k)
                ):
                    # "the plan, which he says includes ...": the relative pronoun is the
                    # content's subject (PolNeAR: "which … includes ...")
                    content.append(_span(sent, subj[0] - 1, subj[0]))
                    if norms[subj[0] - 2 : subj[0] - 1] == [","]:
                        # "the plan, which he says includes X, is ...": the clause ends at its comma
                        stops += [t for t in range(k + 1, n) if norms[t] == ","][:1]
            forward = _content_forward(
                text, sent, k, quotes, min([*stops, n]), objects=True, lemma=entry.lemma
            )
            if (
                forward
                and forward[0][0] == sent.starts[cj]
                and cj - ci > 1
                and norms[cj - 1] == "to"
                and entry.lemma in INFINITIVE_LEMMAS
            ):
                # "is expected to run", "sought to reassure": PolNeAR's content opens with the
                # infinitive's "to" (train: 97 times in 140), its cue stops before it
                cue_span = _span(sent, ci, cj - 1)
                polnear_cue = _span(sent, first, cj - 1)
                forward[0] = (sent.starts[cj - 1], forward[0][1])
            elif forward and _particle_lead(sent, cj, forward[0][0]):
                # "makes no mention of X", "has insisted on building ...": PolNeAR's cue takes
                # the preposition, the content starts after it (not "said on Twitter")
                polnear_cue = _span(sent, first, cj + 1)
                forward[0] = (sent.starts[cj + 1], forward[0][1])
            elif (
                ABOUT_IN_CUE
                and has_about
                and forward
                and entry.lemma not in ASK_LEMMAS  # "Asked about X": the content keeps "about"
                and (a := _about_after(sent, cj, forward[0][0])) >= 0
            ):
                # "expressed concern about X", "spoke briefly about X": PolNeAR's cue runs
                # through "about", the content is what follows it
                polnear_cue = _span(sent, first, a + 1)
                forward[0] = (sent.starts[a + 1], forward[0][1])
                absorbed.update(range(cj, a + 1))
            if COMMA_QUOTE and len(forward) == 1 and text[forward[0][1] - 1] in QUOTE_ENDS:
                q = _closing_quotation(text, sent, forward[0], quotes, cue_starts)
                if q is not None:
                    # "joked again using a Southern accent, “Amen, brother!”": the quotation
                    forward = list(q.fragments)
            if (
                COLON_PARAGRAPH
                and norms[-1] == ":"
                and last_cue <= cj
                and (
                    not forward
                    or (
                        forward[-1][1] >= sent.ends[n - 2]
                        and _COORDINATED_CLAUSE_RE.search(text, *forward[0]) is None
                    )
                )
            ):
                q = _paragraph_quote(text, sent, quotes)
                if q is not None and not _quote_tagged(text, q):
                    # "Cruz called them on it:⏎⏎“The questions …”": PolNeAR's content is the
                    # quotation (24 times in 34 such colons in train), a short object before the
                    # colon is the cue's ("released the following statement:")
                    if forward and len(WORD_RE.findall(text, *forward[0])) <= COLON_OBJECT_WORDS:
                        polnear_cue = (polnear_cue[0], max(polnear_cue[1], sent.ends[n - 2]))
                    forward = list(q.fragments)
            if (
                ADJUNCT_THEN_QUOTE
                and forward
                and norms[-1] in (".", ":")
                and source is not None
                and last_cue <= cj
                and _adjunct_only(sent, forward[0][0])
            ):
                q = quotes.starting_at(_NEXT_NONSPACE_RE.match(text, sent.end).end())
                if q is not None and _ends_paragraph(text, q):
                    # "Kelly charged in her now-infamous assault. “You’ve called women …”": the
                    # words after the cue are an adjunct, the quotation that follows the content
                    forward = list(q.fragments)
            content += forward
            if not content and norms[-1] == ":":
                # 'Cruz continued:' ending a paragraph, the quote opening the next one
                nxt = _NEXT_NONSPACE_RE.match(text, sent.end).end()
                q = quotes.starting_at(nxt)
                if q is not None:
                    content = list(q.fragments)
        if gerund_cut is not None:
            content = [(a, min(b, gerund_cut)) for a, b in content if a < gerund_cut]
        if PASSIVE_BY_CUE and mode == "forward" and entry.phrase[-1] == "by" and subj is not None:
            swapped = _passive_by(text, sent, subj, cj)
            if swapped is not None:
                # "O'Malley's move was first reported by MSNBC": the agent is the source, the
                # subject what is attributed
                source, content = swapped
        if NOUN_FROM_SOURCE and mode == "forward":
            swapped = _noun_from(text, sent, ci, cj, quotes)
            if swapped is not None:
                # "The proposal has drawn harsh criticism from fellow GOP hopefuls": they are
                # the source, the proposal what the criticism is about
                source, content = swapped
        if PSYCH_OBJECT_SOURCE and mode == "forward" and subj is not None:
            swapped = _feeling_object(text, sent, ci, cj, entry, subj)
            if swapped is not None:
                # "Mrs. Clinton's position has angered some Democrats": they are the source,
                # the position what their anger is about
                source, content = swapped
        if source is not None:
            source = _strip_marks(text, source)
        if source is not None and not any(ch.isalnum() for ch in text[source[0] : source[1]]):
            source = None  # a stray quote mark is no source
        if not content or (source is None and not sourceless):
            continue  # a cue with neither source nor a passive/raising reading is no attribution
        if content and sourceless and len(content) == 1 and content[0] == cue_span:
            continue
        if source is not None:
            prev_source = source
        found.append(Found(cue_span, content, source, entry, extras={"polnear_cue": polnear_cue}))
    if PARTICIPLE_CHAIN and len(found) > 1:
        found = _chain_participles(text, found)
    return found


def _noun_from(
    text: str, sent: _Sentence, ci: int, cj: int, quotes: _QuoteIndex
) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """Source and content of a noun cue followed by "from" and who it came from ("drew sharp
    criticism from both sides", "won support from members of Congress"): the phrase after
    "from" is the source; the content is a that-clause after it, else the clause's subject."""
    norms = sent.norms
    n = len(norms)
    links = ("from", "of", "among") if NOUN_OF_SOURCE else ("from",)
    f = cj if cj < n and norms[cj] in links else cj - 1
    if f < 1 or f < ci or norms[f] not in links:
        return None
    if norms[f] == "from" and norms[f - 1] not in FROM_NOUNS:
        return None
    if norms[f] != "from" and (norms[f - 1] not in OF_NOUNS or not _acquired(sent, f - 1)):
        return None
    np = _np_after(sent, f + 1, n, relaxed=True)
    if np is None:
        return None
    end = next(
        (
            t
            for t in range(np[0] + 1, np[1])
            if norms[t] in FROM_SOURCE_ENDS
            or norms[t] in AUXILIARY_VERBS
            or norms[t].endswith(("n't", "n’t"))
        ),
        np[1],
    )  # "from rivals that the tenor ...": the claim; "from Clinton about who ...": the topic
    if end < n and norms[end] in ("that", "to"):
        content = _content_forward(text, sent, end, quotes, n)  # "calls from X to drop out"
    else:
        subj = _leading_subject(sent, ci, quotes)
        if (
            subj is None
            or subj[1] > ci
            or not _subject_like(sent, *subj)
            or (subj[1] - subj[0] == 1 and norms[subj[0]].endswith("ing"))  # "Facing mounting"
        ):
            return None
        content = [_span(sent, *subj)]
    if not content:
        return None
    return _trim(text, *_span(sent, np[0], end)), content


def _acquired(sent: _Sentence, t: int) -> bool:
    """Whether the noun at t is what the subject won or has ("earned the backing", "has strong
    support", "picked up the endorsement"), not what it gave ("Graham's endorsement of Cruz")."""
    norms = sent.norms
    for v in range(t - 1, max(-1, t - 5), -1):
        if norms[v] in ACQUIRE_VERBS:
            return True
        if not norms[v].isalpha() or norms[v] in BOUNDARY_WORDS - {"has", "had", "have"}:
            return False
    return False


def _feeling_object(
    text: str, sent: _Sentence, ci: int, cj: int, entry: CueEntry, subj: tuple[int, int]
) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """Source and content of an active verb of feeling with its object ("has angered some
    Democrats", "resonated with Facebook viewers"): whoever feels is the source, the subject what
    they feel about; None for "was angered", "worried that", "worries about"."""
    norms = sent.norms
    if entry.pos != "verb" or entry.lemma not in FEELING_LEMMAS or subj[1] > ci:
        return None
    if any(w in FEELING_NOT_ACTIVE for w in norms[max(subj[1], ci - 2) : cj]):
        return None
    if not norms[cj - 1].endswith(("ed", "s")) or any(w in ("about", "over") for w in norms[ci:cj]):
        return None  # "worried about": no object that feels; "the biggest worry": a noun
    if norms[subj[0]] in PERSONAL_PRONOUNS:
        return None  # "he also angered Jewish leaders": PolNeAR keeps the person as source
    if (
        cj >= len(norms)
        or norms[cj] == "that"
        or not (norms[cj] in DETERMINERS or norms[cj] in QUANTIFIERS or _is_cap(sent.raws[cj]))
    ):
        return None  # "angered him", "worries that …", "worries so much about": no such object
    np = _np_after(sent, cj, len(norms), relaxed=True)
    if np is None or np[0] != cj or (np[1] < len(norms) and _verb_like(norms[np[1]])):
        return None  # "worries Sanders would have trouble": a clause without "that"
    end = next((t for t in range(np[0] + 1, np[1]) if norms[t] in SUBORDINATORS), np[1])
    return _trim(text, *_span(sent, np[0], end)), [_trim(text, *_span(sent, *subj))]


def _verb_like(word: str) -> bool:
    """An auxiliary or a modal: after a noun phrase, the start of a clause."""
    return word in AUXILIARY_VERBS or word in MODALS


def _passive_by(
    text: str, sent: _Sentence, subj: tuple[int, int], cj: int
) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """Source and content of a passive cue ending in "by" ("was first reported by", "was
    rejected by"): the agent after it and the subject before it; None when the cue is not
    passive or no agent follows."""
    norms = sent.norms
    ci = subj[1]
    if not any(norms[t] in PASSIVE_AUX for t in range(ci, cj)):
        return None
    if cj >= 2 and norms[cj - 1] == "by" and norms[cj - 2].endswith("ing"):
        return None  # "is standing by his comments": a progressive, not a passive
    agent = _np_after(sent, cj, len(norms), relaxed=True)
    if agent is None or subj[0] >= subj[1]:
        return None
    stops = (t for t in range(agent[0] + 1, agent[1]) if norms[t] in PASSIVE_AGENT_STOPS)
    end = next(stops, agent[1])
    return _trim(text, *_span(sent, agent[0], end)), [_trim(text, *_span(sent, *subj))]


def _paragraph_quote(text: str, sent: _Sentence, quotes: _QuoteIndex) -> Quote | None:
    """The quotation opening the next paragraph when the sentence ends with a colon."""
    if sent.norms[-1] != ":":
        return None
    nxt = _NEXT_NONSPACE_RE.match(text, sent.end).end()
    if "\n" not in text[sent.end : nxt]:
        return None
    return quotes.starting_at(nxt)


def _quote_tagged(text: str, q: Quote) -> bool:
    """Whether a quotation closes on a comma or runs on into lowercase words ('“They stole the
    country,” the man shouted'): it has a speaker of its own."""
    if _closes_on_comma(text, q):
        return True
    nxt = _NEXT_NONSPACE_RE.match(text, q.end).end()
    return nxt < len(text) and text[nxt].islower()


def _about_after(sent: _Sentence, cj: int, start: int) -> int:
    """The token of an *about* after a cue and one or more adverbs or *concern* (*spoke briefly
    about*, *said little about*, *expressed concern about*), the content starting at ``start``;
    else -1."""
    norms = sent.norms
    n = len(norms)
    t0 = t = bisect_left(sent.starts, start, cj)
    while t < n - 1 and t - cj < ABOUT_WINDOW:
        w = norms[t]
        # "raised doubts about X" keeps "about" in its content (the issue's example)
        if w == "about" and (t > t0 or norms[cj - 1] in ABOUT_WORDS):
            nxt = norms[t + 1]
            if nxt[:1].isdigit() or nxt in NUMBER_WORDS or nxt == "half":
                return -1  # "deemed about 1,500 of them": an approximation
            return t
        if not (w in ABOUT_WORDS or (w.endswith("ly") and len(w) > 4)):
            return -1
        t += 1
    return -1


def _comma_that(sent: _Sentence, k: int) -> int:
    """Where a content starting at token k really starts: at a ", that" within
    ``COMMA_THAT_WINDOW`` tokens with no quotation, clause word or colon before it, else k."""
    norms = sent.norms
    try:  # most contents hold no "that" nearby: find it at C speed first
        that = norms.index("that", k + 1, min(k + COMMA_THAT_WINDOW, len(norms)))
    except ValueError:
        return k
    if norms[that - 1] != ",":
        return k
    for t in range(k, that - 1):
        w = norms[t]
        if w in CLAUSE_OPENERS or w in ('"', ":", ";", "which", "despite"):
            return k
    return that


def _participle_after_noun(sent: _Sentence, cj: int, cues: list[tuple[int, int, CueEntry]]) -> int:
    """The end of a participle cue (*alleging*, *saying*) within ``LIGHT_NOUN_WINDOW`` tokens
    after a cue ending at cj, with no comma, quotation or clause word between, else -1."""
    norms = sent.norms
    for c, c_end, _entry in cues:
        if c <= cj:
            continue
        if c - cj > LIGHT_NOUN_WINDOW or not norms[c].endswith("ing"):
            return -1
        if any(
            norms[t] in CLAUSE_PUNCT
            or norms[t] in CLAUSE_OPENERS
            or norms[t] in LIGHT_NOUN_STOPS
            or (t > cj and norms[t].endswith("ed"))
            for t in range(cj, c)
        ):
            return -1  # a coordinated cue, "accused X of asking", "said X provided a … affirming"
        return c_end
    return -1


def _quote_after_adjunct(sent: _Sentence, after: int, quotes: _QuoteIndex) -> Quote | None:
    """The quotation after a comma that closes a prepositional adjunct opening at token
    ``after`` (*of Trump and Ryan,* *outside the building,*), within ``SAID_OF_WINDOW`` tokens."""
    norms = sent.norms
    n = len(norms)
    if after >= n or norms[after] not in ADJUNCT_PREPS | {"of", "about"}:
        return None
    for t in range(after + 1, min(after + SAID_OF_WINDOW, n - 1)):
        if norms[t] == ",":
            return quotes.starting_at(sent.starts[t + 1])
        if norms[t] in CLAUSE_PUNCT or norms[t] in FINAL_PUNCT:
            return None
    return None


def _closing_quotation(
    text: str, sent: _Sentence, span: tuple[int, int], quotes: _QuoteIndex, cue_starts: list[int]
) -> Quote | None:
    """The quotation that closes a content span after a comma, opening with a capital, when
    the words before it are few and open no clause nor hold a cue (``COMMA_QUOTE``)."""
    s, e = span
    t0 = bisect_left(sent.starts, s)
    norms = sent.norms
    if t0 >= len(norms) or norms[t0] in CLAUSE_OPENERS or norms[t0] == "in":
        return None
    for t in range(t0 + 1, min(t0 + COMMA_QUOTE_WORDS + 1, len(norms) - 1)):
        if norms[t] in ('"', ":", ";") or t in cue_starts:
            return None
        if norms[t] == ",":
            q = quotes.starting_at(sent.starts[t + 1])
            if q is None or q.end < e or not text[q.start + 1 : q.start + 2].isupper():
                return None
            return q
    return None


def _ends_paragraph(text: str, q: Quote) -> bool:
    """Whether a quotation closing on no comma ends its paragraph (no speaker tag after it)."""
    if _closes_on_comma(text, q):
        return False
    end = text.find("\n", q.end)
    return not any(ch.isalpha() for ch in text[q.end : len(text) if end < 0 else end])


def _adjunct_only(sent: _Sentence, start: int) -> bool:
    """Whether a content starting at ``start`` is one adjunct: it opens with a preposition or
    subordinator (*on Twitter*, *as she turned around*) and holds no comma."""
    t = bisect_left(sent.starts, start)
    return (
        t < len(sent.norms)
        and sent.norms[t] in ADJUNCT_OPENERS
        and "," not in sent.norms[t:]  # "in his email, the incident is …": a clause follows
    )


def _particle_lead(sent: _Sentence, cj: int, start: int) -> bool:
    """Whether a content starting at ``start`` opens with *of* (or *on* + an -ing word) right
    after the cue: train's cue takes it 28 times in 34 (*on* before -ing 17 in 25)."""
    norms = sent.norms
    if cj + 1 >= len(norms) or sent.starts[cj] != start:
        return False
    if PARTICLE_TO and sent.raws[cj] == "to":
        # "responded to the claims", "pointed to Clinton's record": a preposition, not an
        # infinitive's "to" (train's cue takes it then, its content takes "to" + a verb)
        return not _infinitive_verb(sent, cj + 1) and norms[cj + 1] not in QUOTE_MARKS
    if (
        PARTICLE_PREPOSITIONS
        and sent.raws[cj] in CUE_PREPOSITIONS
        and norms[cj + 1] not in CLAUSE_PUNCT | FINAL_PUNCT
    ):
        if sent.raws[cj] != "on":
            return True
        # "focused on the economy", not "said on Twitter", "on the jumbo screen", "on Monday"
        t = cj + 1 + (norms[cj + 1] in DETERMINERS)
        return (
            t < len(norms) - 1
            and sent.raws[t][:1].islower()
            and norms[t] not in TIME_WORDS
            and not any(norms[u] in ON_PLACES for u in range(t, min(t + 3, len(norms))))
        )
    return sent.raws[cj] in ("of", "on") and (norms[cj] == "of" or norms[cj + 1].endswith("ing"))


def _asked_clause(sent: _Sentence, ci: int, entry: CueEntry) -> bool:
    """A question put to the main clause's subject ("when asked about X", "after being
    asked"): PolNeAR gives it no source."""
    return (
        entry.lemma == "ask"
        and sent.norms[ci].endswith("ed")
        and ci > 0
        and sent.norms[ci - 1] in ASKED_OPENERS
    )


def _main_subject(sent: _Sentence, ci: int, quotes: _QuoteIndex) -> tuple[int, int] | None:
    """The sentence's main subject for a cue with none of its own ("X will come on the show to
    talk about", "X is sticking to his message, hoping to ...")."""
    norms = sent.norms
    if INFINITIVE_MAIN_SUBJECT and ci > 1 and norms[ci - 1] == "to":
        subj = _leading_subject(sent, ci - 1, quotes)
        if MAIN_CLAUSE_VERB_SUBJECT and subj is not None:
            subj = _main_clause_subject(sent, subj, ci - 1)
        return _near_main_subject(sent, subj, ci, ci - 1)
    if not norms[ci].endswith("ing"):
        return None
    subj = _leading_subject(sent, ci - 1, quotes)
    if MAIN_CLAUSE_VERB_SUBJECT and subj is not None:
        subj = _main_clause_subject(sent, subj, ci)
    if subj is None or not _subject_like(sent, *subj) or ci - subj[1] > MAIN_SUBJECT_GAP:
        return None
    if norms[subj[0]] in ("it", "there", "there's", "what"):
        return None
    if any(norms[t] in CLAUSE_PUNCT or norms[t] in MAIN_SUBJECT_STOPS for t in range(subj[1], ci)):
        return None
    return subj


def _strip_marks(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A source without the quote marks or apostrophes it may start with (\'\' Mr. Putin)."""
    s, e = span
    while s < e and (text[s] in QUOTE_MARKS + "'‘’" or text[s].isspace()):
        s += 1
    if s >= e:
        return span
    if text[s:e].lower() in PRONOUN_CONTRACTIONS:
        e = s + next(i for i, ch in enumerate(text[s:e]) if ch in "'’")  # "they've": they
    return s, e


def _trailing_source(text: str, sent: _Sentence, src: tuple[int, int]) -> tuple[int, int]:
    """A source between a quotation and its cue, or after the cue; an appositive keeps its
    closing comma ('"…," Gene Sperling, a Clinton adviser, said': PolNeAR's source ends with it
    in 92% of train sources with an appositive before the cue)."""
    i, j = src
    norms = sent.norms
    if j - i > 2 and norms[j - 1] == "," and "," in norms[i : j - 1]:
        return sent.starts[i], sent.ends[j - 1]
    return _trim(text, *_span(sent, i, j))


def _object_which(sent: _Sentence, w: int, k: int) -> bool:
    """Whether "which" at w is what the cue's content lacks ("the plan, which he says includes
    ..."), not the object of a preposition ("during which he said ...") before a whole clause."""
    norms = sent.norms
    if w > 0 and norms[w - 1] in ADJUNCT_PREPS | FRONTED:
        return False
    return k < len(norms) and norms[k] not in ("that", "how", "if", "whether", ":")


def _addressee_before(sent: _Sentence, k: int, that: int) -> bool:
    """Whether "to ... that" after a cue is an addressee or a second cue verb ("told it to POLITICO
    that", "continued to assert that"), not an infinitive or a noun the "that" hangs on ("pledged
    to stay through that contest", "responded to reports that")."""
    last = that - 1
    return (
        _is_cap(sent.raws[last])
        or sent.norms[last] in _TIME_HEADS
        or (that == k + 2 and sent.norms[last] in _lemma_forms())
    )


def _opens_with_gap(sent: _Sentence, k: int) -> bool:
    """Whether the words after a cue lack their subject ("that Clinton hopes will soothe ..."):
    they open with a modal, a form of *be* or a past tense."""
    if k >= len(sent.norms) or not sent.raws[k][:1].islower():
        return False
    w = sent.norms[k]
    return w in GAP_VERBS or (w.endswith("ed") and w.isalpha())


def _possessive(sent: _Sentence, t: int) -> bool:
    """Whether the word at t owns the next one ("his", "Clinton's"): a cue after it is a noun
    (not "he's", and not "In Ash's view", where the noun is no subject)."""
    norms, raws = sent.norms, sent.raws
    if raws[t] in ("'s", "’s") and t > 0:
        owner, base = t - 1, norms[t - 1]
    else:
        owner, base = t, norms[t][:-2] if raws[t].endswith(("'s", "’s")) else ""
    if norms[t] not in POSSESSIVES and (not base or base in CONTRACTED):
        return False
    return not any(norms[x] in ADJUNCT_PREPS | FRONTED for x in range(max(0, owner - 2), owner))


CLAUSE_LINKS = frozenset("while whereas although though because when after as since".split())


# A clause a subordinator opens right after "that" is inside the content of the cue before it,
# and a cue with a comma right after it there has no content of its own (session 28):
# "Prosecutors argued that although Lazar confessed, he showed no remorse".
SUBORDINATE_CLAUSE_CUE = True


def _subordinator_before(sent: _Sentence, start: int) -> bool:
    """Whether a subordinating conjunction (not "as") stands right before token ``start``."""
    return start > 0 and sent.norms[start - 1] in CLAUSE_SUBORDINATORS


def _inside_that_clause(sent: _Sentence, cj: int, start: int) -> bool:
    """Whether the clause from token ``start`` is a subordinate clause opening a "that" clause
    after token cj, or the clause after its comma: "that although A confessed, B showed"."""
    norms = sent.norms
    end = start - 1 if norms[start - 1] == "," else start
    for t in range(end - 1, cj, -1):
        if norms[t] == ",":
            return False
        if norms[t] in CLAUSE_SUBORDINATORS and norms[t - 1] == "that":
            return True
    return False


def _clause_with_cue(sent: _Sentence, c: int, cj: int) -> list[int]:
    """Where a later clause opens whose cue at c has its own subject after a comma or "and" /
    "but" ("…, and three-fourths say …", "…, others appeared …"); empty otherwise."""
    subj = _subject_left(sent, c)
    if subj is None or subj[0] <= cj + 1:
        return []
    norms = sent.norms
    t = subj[0] - 1
    if SUBORDINATE_CLAUSE_CUE and _inside_that_clause(sent, cj, subj[0]):
        return []  # "argued that although Lazar confessed, he showed …": inside this content
    if norms[t] in ("and", "but") or norms[t] in CLAUSE_LINKS:
        return [t - 1] if norms[t - 1] == "," and t - 1 > cj else [t]
    return [t] if norms[t] == "," else []


def _closing_bracket(sent: _Sentence, ci: int, k: int) -> list[int]:
    """The ")" closing a parenthesis the cue stands in ("Clinton (who said the plan was flawed)
    voted for it"), as a content stop; empty otherwise."""
    norms = sent.norms
    if "(" not in norms[:ci] or ")" not in norms[k:]:
        return []
    opened = max(t for t in range(ci) if norms[t] == "(")
    if ")" in norms[opened:ci]:
        return []
    return [norms.index(")", k)]


CLAUSE_SUBORDINATORS = frozenset(
    "while when after though although if even because since once unless whereas before".split()
)


def _subordinate_clause_end(
    sent: _Sentence, ci: int, k: int, quotes: _QuoteIndex, subj: tuple[int, int] | None = None
) -> list[int]:
    """The comma closing a subordinate clause that opens the sentence and holds the cue ("While
    Trump said X, Clinton ..."), or that opens right before the cue's subject ``subj`` ("argued
    that although Lazar confessed, he showed no remorse"), as a content stop; empty otherwise."""
    norms = sent.norms
    lead = _lead(sent)
    lead = _fronted_subordinator(sent, lead, ci, k)
    if lead >= ci or (
        norms[lead] not in CLAUSE_SUBORDINATORS and not (AS_CLAUSE and norms[lead] == "as")
    ):
        if not (
            SUBORDINATE_CLAUSE_CUE and subj is not None and _subordinator_before(sent, subj[0])
        ):
            return []
        # "although Lazar confessed, he …": nothing left for the content; else the content
        # cut decides (the clause's own commas and the one closing it look alike)
        n = len(norms)
        if k + 1 < n and norms[k] == "," and quotes.starting_at(sent.starts[k + 1]) is None:
            return [k]
        return []  # 'When asked, she said, "…"': the quotation after the comma is the content
    if any(norms[t] == "," for t in range(lead, ci)):
        return []
    n = len(norms)
    for t in range(k + 1, n - 1):
        if norms[t] != ",":
            continue
        q = quotes.at(sent.starts[t])
        if q is None:
            if (
                AS_CLAUSE
                and norms[lead] == "as"
                and quotes.starting_at(sent.starts[t + 1]) is not None
            ):
                return []  # 'As they say about the doctor, "gifted hands"': the quotation
            return [t]
        if (
            CLAUSE_QUOTE_COMMA
            and t + 2 < n
            and q.end == sent.ends[t + 1]
            and _is_cap(sent.raws[t + 2])
        ):
            return [t + 2]  # '... too “pro-gay,” Pastor Kevin Swanson has ...': the quotation
    return []


def _after_catenative(sent: _Sentence, ci: int) -> bool:
    """Whether an infinitive cue at ci follows a catenative verb ("tried to discuss")."""
    norms = sent.norms
    t = ci if norms[ci] == "to" else ci - 1
    return t >= 1 and norms[t] == "to" and norms[t - 1] in CATENATIVES


def _clause_comma(text: str, sent: _Sentence, k: int, quotes: _QuoteIndex) -> list[int]:
    """The first comma after token k that closes the clause: outside quotations, not inside a
    number ("$180,000"), not in a list, around a short aside or before an aside before "that"
    ("mail, phone calls and digital ads", "his wife, Sarah, the founders", ", not X"), not closing
    an adjunct that opens the content ("that if elected, he would ..."); as a content stop."""
    norms = sent.norms
    n = len(norms)
    lead = k + (k < n and norms[k] == "that")
    fronted = lead < n and norms[lead] in FRONTED_IN_CONTENT
    for t in range(k + 1, n - 1):
        if norms[t] != "," or quotes.at(sent.starts[t]) is not None:
            continue
        if not text[sent.ends[t] : sent.ends[t] + 1].isspace():
            continue
        if fronted:
            fronted = False  # the comma closing "if elected,"
            continue
        after = norms[t + 1 : t + 1 + LIST_WINDOW]
        if (
            after[0] in COMMA_CONTINUES
            or "and" in after
            or "or" in after
            or "," in after
            or "," in norms[max(k, t - LIST_WINDOW) : t]  # "steady versus capricious, …"
        ):
            continue
        aside = norms[t + 1 : t + 10]
        if any(w == "," and aside[x + 1 : x + 2] == ["that"] for x, w in enumerate(aside)):
            continue  # "despite concerns, even inside his team, that it might hurt": an aside
        return [t]
    return []


def _first_comma(sent: _Sentence, k: int, quotes: _QuoteIndex) -> list[int]:
    """The first comma after token k outside quotations, as a content stop; empty if none."""
    norms = sent.norms
    for t in range(k + 1, len(norms) - 1):
        if norms[t] == "," and quotes.at(sent.starts[t]) is None:
            return [t]
    return []


def _fronted_subordinator(sent: _Sentence, lead: int, ci: int, k: int) -> int:
    """Where a fronted clause's subordinator stands: ``lead``, or after a time phrase ("A few
    weeks after ..."); past ``ci`` when a leading "as" only frames the cue ("As Trump said, ...",
    "As X reported just today, ...")."""
    norms = sent.norms
    if lead >= ci:
        return lead
    if AS_CLAUSE and norms[lead] == "as":
        opens = norms[k] if k < len(norms) else ","
        if opens in ADJUNCT_PREPS or opens in TIME_WORDS or opens in AS_ADJUNCTS:
            return ci
        return ci if opens == "," or opens.endswith("ly") else lead
    if TIMED_SUBORDINATOR:
        t = lead
        while t < min(ci, lead + 4) and (norms[t] in TIMED_LEADS or norms[t].isdigit()):
            t += 1
        if lead < t < ci and norms[t] in TIMED_LINKS:
            return t
    return lead


AUXILIARY_VERBS = frozenset("is was are were has had have will would can could did does".split())
MAIN_VERBS = AUXILIARY_VERBS | frozenset("said says told also then".split())
# ... or a present-tense verb before its object or complement (session 24)
PRESENT_MAIN_VERB = True
PRESENT_VERB_NEXT = frozenset("to that the a an his her their its it".split())


def _main_clause_verb(sent: _Sentence, k: int) -> list[int]:
    """The first comma after token k followed by a verb (an auxiliary or a lower-case -ed word)."""
    norms = sent.norms
    tail = norms[k + 1 : len(norms) - 1]
    if "," not in tail:  # (no ValueError raised and caught: most tails have no comma)
        return []
    t = k + 1 + tail.index(",")
    nxt = norms[t + 1]
    if nxt in MAIN_VERBS or (nxt.endswith("ed") and sent.raws[t + 1][:1].islower()):
        return [t]
    if (
        PRESENT_MAIN_VERB
        and t + 2 < len(norms)
        and nxt.endswith("s")
        and not nxt.endswith(("ss", "us", "is"))
        and len(nxt) > 3
        and sent.raws[t + 1][:1].islower()
        and norms[t + 2] in PRESENT_VERB_NEXT
    ):
        return [t]  # "Clinton, who announced a plan on Monday, plans to focus on …"
    return []


def _main_verb_after(sent: _Sentence, k: int) -> list[int]:
    """Where a noun cue's phrase meets its clause's verb ("Her plan to cut taxes is ...": the
    content ends before "is"); empty when a clause of its own comes first."""
    norms = sent.norms
    if (
        k >= len(norms)
        or (norms[k] in CLAUSE_OPENERS and norms[k] != "to")
        or ":" in norms[k - 1 : k + 1]
        or norms[k] in PERSONAL_PRONOUNS
        or norms[k] == "there"
    ):
        return []  # a clause of its own: "his assertion there are generals who ..."
    for t in range(k + 1, len(norms)):
        w = norms[t]
        if w in CLAUSE_PUNCT or w in CLAUSE_OPENERS or w in REL_PRONOUNS or w in PERSONAL_PRONOUNS:
            return []
        if w in GAP_VERBS and sent.raws[t][:1].islower():
            # "Her advice to reporters is to ...": what follows the copula is the content
            after = norms[t + 1] if t + 1 < len(norms) else ""
            return [] if after in ("to", "that", ":") else [t]
    return []


def _clause_subject(sent: _Sentence, t: int) -> bool:
    """Whether the word at t opens a noun phrase, so a relative pronoun before it is the object
    of the clause ("whom he described as ...") rather than its subject ("who back her")."""
    return (
        sent.norms[t] in PERSONAL_PRONOUNS
        or sent.norms[t] in DETERMINERS
        or sent.norms[t] in GAP_QUANTIFIERS
        or _is_cap(sent.raws[t])
    )


def _unclaimed_relative(sent: _Sentence, start: int, end: int) -> tuple[int, int]:
    """The part of an inverted source whose cues are not attributions of their own: up to a
    ", who" ('said X, who added that ...' is a second attribution, with the source "who")."""
    norms = sent.norms
    for t in range(start + 1, end - 1):
        if norms[t] == "," and norms[t + 1] == "who":
            return start, t
    return start, end


ASK_LEMMAS = frozenset(("ask", "question", "press"))
QUESTION_WORDS = frozenset("how why whether what when where who if which".split())


def _before_question(sent: _Sentence, k: int) -> int:
    """Where an indirect question starts after its addressee ("asked Sanders how he's
    feeling", "asked them why ..."): PolNeAR's content leaves the addressee out."""
    norms = sent.norms
    for t in range(k, min(k + 6, len(norms))):
        w = norms[t]
        if w in QUESTION_WORDS:
            return t
        if w in CLAUSE_PUNCT or w in BOUNDARY_WORDS or w in SUBJECT_PRONOUNS:
            return k
    return k


def _after_addressee(sent: _Sentence, k: int) -> int:
    """Where the content starts after a verb whose first object is the addressee: "told
    reporters that ...", "reassured senators of ...", "told POLITICO he would ..."."""
    norms = sent.norms
    n = len(norms)
    if k < n and norms[k] == "to":
        return k  # "promised to stay out of it": no addressee
    for t in range(k, min(k + ADDRESSEE_WINDOW, n)):
        w = norms[t]
        if w in SUBJECT_PRONOUNS:
            return t  # "assures he will", "told Joyce he's not planning"
        if w in ("that", ":", ","):
            return t + (w != "that")
        if w in ("of", "about") and t - k <= 3 and not _is_cap(sent.raws[t - 1]):
            return t + 1
        if w == '"':
            return t
    return k


def _possessor(sent: _Sentence, ci: int) -> int | None:
    """The possessive before a noun cue, over up to two modifiers: "his (longstanding)
    criticism", "Trump’s call for" (PolNeAR's source of a nominal cue)."""
    for j in range(ci - 1, max(ci - 4, -1), -1):
        w = sent.norms[j]
        if w in POSSESSIVES or (w.endswith("'s") and len(w) > 2):
            return j
        if not w.isalpha() or w in BOUNDARY_WORDS or w in DETERMINERS:
            return None
    return None


# A possessive name keeps its abbreviated title: "Mr. Trump's call for" (session 28).
POSSESSOR_TITLE = True


def _titled_possessor(sent: _Sentence, owner: int) -> int:
    """Where a possessive at ``owner`` starts: at its title ("Mr.", "Sen.") when one stands
    right before the name, else at ``owner``."""
    raws = sent.raws
    if (
        POSSESSOR_TITLE
        and owner >= 2
        and sent.norms[owner - 1] == "."
        and _is_cap(raws[owner])
        and raws[owner - 2].isalpha()
        and raws[owner - 2][:1].isupper()
        and len(raws[owner - 2]) <= 4
    ):
        return owner - 2
    return owner


def _coordinator(sent: _Sentence, c: int) -> int:
    """For a cue at c coordinated with an earlier one ("and have been calling", "but on Tuesday
    wrote"), the index of its "and"/"but"; -1 when it is not coordinated."""
    t = _skip_back(sent, c - 1)
    if THEN_COORDINATED and _then_coordinated(sent, c):
        return c - 2  # ", then said": the comma
    return t if t >= 0 and sent.norms[t] in ("and", "but") else -1


def _then_coordinated(sent: _Sentence, c: int) -> bool:
    """Whether the cue at c follows ", then" ("offered him a job, then said he would ...")."""
    return c >= 2 and sent.norms[c - 1] == "then" and sent.norms[c - 2] == ","


def _lead(sent: _Sentence) -> int:
    """Index of the first token that is not a leading conjunction or adverb."""
    norms = sent.norms
    k = 0
    while k < len(norms) and norms[k] in LEADING_JUNK:
        k += 1
    return k


def _plan(
    text: str,
    sent: _Sentence,
    ci: int,
    cj: int,
    entry: CueEntry,
    quotes: _QuoteIndex,
    cue_starts: list[int],
) -> tuple:
    """Decide the pattern of one cue: ("according", source, content), ("trailing", comma token,
    source token range, content) or ("forward",)."""
    norms = sent.norms
    n = len(norms)
    if entry.lemma == "according to":
        stop = next((c for c in cue_starts if c > ci), n)
        np = _np_after(sent, cj, stop, relaxed=True)
        if np is None:
            return ("forward",)
        source = _span(sent, *np)
        followed = np[1] < n - 1 and norms[np[1]] == ","
        if ci <= _lead(sent) or (followed and ci > 0 and norms[ci - 1] in (",", ":")):
            # "According to X, ...", "In addition, according to X, ..."
            content = _content_forward(text, sent, np[1], quotes, n, lemma=entry.lemma)
            if ci > _lead(sent) and norms[ci - 1] == "," and content:
                # "At the heart of the trouble, according to X, was ...": both halves (train
                # joins them 22 times in 31); a lead alone ("But,", "In addition,") is no content
                before = _content_before(text, sent, ci - 1, quotes)
                nxt = norms[np[1] + 1] if followed else ""
                if before and nxt in ACCORDING_APPOSITIVES:
                    # "..., according to Bill McInturff, a Republican pollster who ...": the rest
                    # of the sentence describes the source
                    last = n - 1 if norms[-1] in FINAL_PUNCT else n
                    return ("according", _span(sent, np[0], last), before)
                content = before if before and nxt in ACCORDING_CLAUSES else before + content
            return ("according", source, content)
        j = ci - 1
        cut = j if norms[j] == "," else j + 1
        return ("according", source, _content_before(text, sent, cut, quotes))
    j = _skip_back(sent, ci - 1)
    if j >= 0 and norms[j] == "," and norms[ci].endswith("ing"):
        return ("forward",)  # a participle: ", adding that ..."
    if _is_sourceless(entry):
        return ("forward",)
    # an inverted source runs to the sentence end, or to a participle cue (", noting that")
    inv_stop = next(
        (c for c in cue_starts if c > ci and norms[c - 1] == "," and norms[c].endswith("ing")),
        n,
    )
    tail_done = _tail_is_adjunct(sent, cj)  # nothing but adjuncts after the cue
    if TOLD_ADDRESSEE and not tail_done and entry.lemma in ADDRESSEE_LEMMAS:
        tail_done = _addressee_tail(sent, cj)  # "..., a spokesman told The Wall Street Journal."
    loose = not tail_done and SPLIT_QUOTE_TAIL and j < 4 and _loose_tail(sent, cj)
    qb = _quote_before(sent, j, quotes, tail_done or loose)
    if TITLE_QUOTE_ASIDE and qb is not None and not tail_done and _title_aside(sent, j, quotes) > 0:
        qb = None  # 'Joe Scarborough, host of “Morning Joe,” suggested …': a title, no content
    split = loose and qb is not None and qb[0][-1][1] <= sent.start
    if split and not _opens_sentence(text, qb[0][0][0]):
        qb = None  # '… will “compete vigorously.” O’Malley’s move was reported by MSNBC.'
    if MIXED_AFTER_JOIN and qb is not None:
        qb = _mixed_after_join(sent, qb, [c for c in cue_starts if c != ci and qb[2] <= c <= j])
    if qb is not None and not any(qb[2] <= c <= j for c in cue_starts if c != ci):
        content, b, _ = qb
        after = _skip_adjuncts(sent, cj)
        if DASHED_QUOTE_ASIDE and after < n and _is_dash(sent, after):
            # 'Neither man was impressed — “Born with a silver spoon,” Mr. Elkins said — but
            # …': a quotation and its cue set off by dashes; the quotation alone is the content
            t = b - 1
            while t > 0 and norms[t] in (",", "?", "!"):
                t -= 1
            q = quotes.at(sent.starts[t])
            first = bisect_left(sent.starts, q.start) if q is not None else 0
            if q is not None and first >= 1 and _is_dash(sent, first - 1):
                content = list(q.fragments)
        if (
            QUOTE_THEN_INVERTED
            and b < j
            and norms[j] == ","
            and sent.raws[b][:1].islower()  # "to Mr. Sanders", not a name and its appositive
            and norms[b] not in PERSONAL_PRONOUNS
            and after < n
            and (_is_cap(sent.raws[after]) or norms[after] in DETERMINERS)  # not "said of"
            and entry.lemma not in ADDRESSEE_LEMMAS  # not "told AFP"
        ):
            # "… ''building bridges'' to Mr. Sanders, said David Axelrod, a strategist.": the
            # words after the quotation run on to the comma before an inverted cue and its name
            np = _np_after(sent, after, inv_stop)
            if (
                np is not None
                and (np[1] >= n - 1 or norms[np[1]] in FINAL_PUNCT or norms[np[1]] == ",")
                and (_tail_is_adjunct(sent, np[1]) or np[1] >= inv_stop - 1)
            ):
                s0, e0 = _trim(text, content[-1][0], sent.ends[j - 1])
                content = [*content[:-1], (s0, e0)]
                return ("trailing", j, (np[0], _with_comma(sent, np[1], inv_stop)), content)
        if b <= j:  # '"...," he said.'
            c = next((x for x in range(j, b, -1) if norms[x] == ","), None)
            if c is not None and c < j and norms[b] != "," and _np_ending_at(sent, j) is not None:
                # '"..." before the incident, she said': the words after the quote are content
                s0, e0 = _trim(text, content[-1][0], sent.ends[c - 1])
                content = [*content[:-1], (s0, e0)]
                b = c + 1
            if after < n and norms[after] == ",":
                # '"...," he said, "...": the quote after the source continues the content
                nxt = quotes.starting_at(sent.starts[after + 1]) if after + 1 < n else None
                if nxt is not None:
                    content = content + list(nxt.fragments)
            elif text[content[0][0]] not in QUOTE_OPEN + "'" and not tail_done:
                return ("forward",)  # 'In "The Axe Files," Henry said her group ...'
            elif SAID_OF_QUOTE and (nxt := _quote_after_adjunct(sent, after, quotes)) is not None:
                # '"…," he said of Trump and Ryan, "because …"': the second quotation goes on
                content = content + list(nxt.fragments)
            return ("trailing", b, (b, j + 1), content)
        possessive = POSSESSIVE_INVERTED and entry.lemma in SPEECH_LEMMAS
        np = _np_after(sent, after, inv_stop, max_det=15, possessive=possessive)
        if np is not None:  # '"...," said Tom Smith, a spokesman.'
            end = _with_comma(sent, np[1], inv_stop)
            nxt = next(
                (
                    quotes.starting_at(sent.starts[t + 1])
                    for t in range(np[1] - 1, inv_stop - 1)
                    if norms[t] == "," and norms[t + 1] == '"'
                ),
                None,
            )
            if nxt is not None:
                # '"...," said X, "...": the quote after the source continues the content
                content = content + list(nxt.fragments)
            return ("trailing", b, (np[0], end), content)
        return ("forward",)
    if j >= 0 and norms[j] == ",":
        subject = _subject_left(sent, ci)
        c = subject[0] - 1 if subject is not None else -1
        if APPOSITIVE_TRAILING and tail_done and c > _lead(sent) and norms[c] == ",":
            # "Sanders will stay in the race, his top aide, Tad Devine, said.": nothing after
            # the cue, so the clause before the subject is the content
            content = _content_before(text, sent, c, quotes)
            if content:
                return ("trailing", c, (c + 1, j + 1), content)
        if subject is not None and not (
            INVERTED_AFTER_CLAUSE
            and subject[0] > _lead(sent)
            and entry.lemma == "say"
            and sent.raws[subject[0]][:1].islower()
        ):
            return ("forward",)  # "X, who ..., said ...": an appositive subject
        # "Cruz lacks support from his colleagues, whom he alienated, said Larry Sabato.": a
        # "subject" that starts in mid-clause, in lower case, is no subject of "said"
        after = _skip_adjuncts(sent, cj)
        np = _np_after(sent, after, inv_stop)
        if INVERTED_PLACE and np is not None:
            np = _with_place(sent, np)
        ends_np = np is not None and (np[1] >= n - 1 or norms[np[1]] in FINAL_PUNCT | {","})
        relative_tail = (
            INVERTED_RELATIVE
            and ends_np
            and np[1] + 1 < n
            and norms[np[1]] == ","
            and norms[np[1] + 1] in ("who", "whose")
        )  # "…, said Howard Rubel, a senior analyst at Jefferies, who notes that …"
        resumes = INVERTED_SOURCE_CLAUSE_END and ends_np and _clause_resumes(sent, np[0], np[1], n)
        if ends_np and (
            _tail_is_adjunct(sent, np[1]) or np[1] >= inv_stop - 1 or relative_tail or resumes
        ):
            content = _content_before(text, sent, j, quotes)
            if content and resumes:
                # "X's decision, said the senator, was a mistake": the clause goes on
                content += _content_forward(
                    text, sent, np[1] + 1, quotes, inv_stop, lemma=entry.lemma
                )
            if content:
                return ("trailing", j, (np[0], _with_comma(sent, np[1], inv_stop)), content)
        return ("forward",)
    after = _skip_adjuncts(sent, cj)
    parenthetical = after + 1 < n and norms[after] == "," and norms[-1] != ","
    if tail_done or parenthetical:
        # "..., X said." — a comma shortly before the subject; "And that, X said, was ..."
        k = j
        while k >= 0 and norms[k] not in CLAUSE_PUNCT and j - k <= 8:
            k -= 1
        if (
            k >= 1
            and norms[k] == ","
            and k < j
            and not any(
                norms[t] in BOUNDARY_WORDS - REL_PRONOUNS - {"and"} for t in range(k + 1, j + 1)
            )
            and not (OBJECT_RELATIVE_CUE and norms[k + 1] in OBJECT_RELATIVES and k + 1 < j)
        ):
            content = _content_before(text, sent, k, quotes)
            if content and not parenthetical and _fronted_only(sent, k):
                return ("forward",)  # "When pressed by moderators, Sanders apologized."
            if content and parenthetical and not tail_done:
                rest = _content_forward(text, sent, after + 1, quotes, inv_stop, lemma=entry.lemma)
                if (
                    rest
                    and (norms[0] in FRONTED or norms[0] == "asked")
                    and quotes.starting_at(rest[0][0])
                ):
                    # 'In a statement, X said, "..."', 'Asked about it, X said, "..."': the
                    # fronted adjunct or question is not content
                    content = rest
                elif rest and SEMICOLON_ADVERB and _adverb_after_semicolon(sent, k):
                    # '…; indeed, he said, "…"': the clause before the semicolon is the
                    # writer's, the sentence adverb no content
                    content = rest
                else:
                    content = content + rest
            if content:
                return ("trailing", k, (k + 1, j + 1), content)
    if TRAILING_SUBJECT and tail_done:
        trailing = _trailing_after_comma(text, sent, ci, quotes)
        if trailing is not None:
            return trailing
    return ("forward",)


def _with_place(sent: _Sentence, np: tuple[int, int]) -> tuple[int, int]:
    """An inverted source with the place that ends the sentence after it ("says political
    scientist Dossym Satpayev in Almaty."): PolNeAR's source keeps the place."""
    norms = sent.norms
    end = len(norms) - 1 if norms[-1] in FINAL_PUNCT else len(norms)
    t = np[1]
    if t + 1 < end and norms[t] == "in" and all(_is_cap(w) for w in sent.raws[t + 1 : end]):
        return np[0], end
    return np


def _loose_tail(sent: _Sentence, k: int) -> bool:
    """What may follow a cue whose quotation ended the sentence before ('"Why?" Obama asked
    Republican politicians.'): a participle clause (", clutching the lectern") or a short
    object with no clause of its own (the addressee)."""
    norms = sent.norms
    n = len(norms)
    k = _skip_adjuncts(sent, k)
    if k + 1 < n and norms[k] == "," and norms[k + 1].endswith("ing"):
        return sent.raws[k + 1][:1].islower()
    end = n - 1 if norms[-1] in FINAL_PUNCT else n
    rest = norms[k:end]
    if "," in rest:
        rest = rest[: rest.index(",")]
        if k + len(rest) + 1 >= end or not norms[k + len(rest) + 1].endswith("ing"):
            return False
    return 0 < len(rest) <= LOOSE_TAIL_WORDS and LOOSE_TAIL_STOPS.isdisjoint(rest)


def _opens_sentence(text: str, i: int) -> bool:
    """Whether the character at i opens its paragraph or follows a sentence's end."""
    before = text[max(0, i - 3) : i].rstrip(" \t\xa0")
    return not before or before[-1] in "\n.!?\"”'’"


def _addressee_tail(sent: _Sentence, k: int) -> bool:
    """Whether only an addressee (and adjuncts) follows the cue ending at k: "told The Wall
    Street Journal.", "told reporters during Tuesday's conference call." — the content is
    before the cue, as with "said"."""
    norms, raws = sent.norms, sent.raws
    n = len(norms)
    k = _skip_adjuncts(sent, k)
    if k >= n:
        return False
    group = _addressee_group(sent, k) if ADDRESSEE_GROUP else -1
    if norms[k] in OBJECT_PRONOUNS or norms[k] in ADDRESSEE_NOUNS:
        end = k + 1
    elif group > 0:
        end = group + 1
    else:
        end = k + (norms[k] == "the")
        while end < n and end - k <= ADDRESSEE_MAX and (_is_cap(raws[end]) or norms[end] == "of"):
            end += 1
        if end == k or not _is_cap(raws[end - 1]):
            return False
    if end < n and norms[end] in ("of", "about", "to", "on"):
        return False  # "reminded voters of ...": a complement
    return _tail_is_adjunct(sent, end)


def _addressee_group(sent: _Sentence, k: int) -> int:
    """Where an audience named by a group noun ends ("told a Senate panel", "told the crowd"),
    or -1."""
    norms = sent.norms
    if norms[k] not in ADDRESSEE_DETERMINERS:
        return -1
    for t in range(k + 1, min(len(norms), k + 1 + ADDRESSEE_MAX)):
        if norms[t] in ADDRESSEE_GROUPS:
            return t
        if not norms[t].isalpha() or norms[t] in BOUNDARY_WORDS:
            return -1
    return -1


# after ", according to X,": what opens an appositive of X, and a clause of the writer's
ACCORDING_APPOSITIVES = frozenset("a an including which".split())
ACCORDING_CLAUSES = frozenset("where but compared even while as".split())


def _adverb_after_semicolon(sent: _Sentence, comma: int) -> bool:
    """Whether a lone sentence adverb stands between a semicolon and the comma ("; indeed,")."""
    norms = sent.norms
    return comma >= 2 and norms[comma - 2] == ";" and norms[comma - 1] in ADJUNCT_WORDS


def _fronted_only(sent: _Sentence, comma: int) -> bool:
    """Whether all before a comma is one fronted adjunct or subordinate clause ("When pressed
    by the moderators,", "More recently,"), which is no reported content."""
    norms = sent.norms
    start = 0
    while start < comma and norms[start] in CONTENT_LEADS:
        start += 1
    if start >= comma or "," in norms[start:comma] or '"' in norms[start:comma]:
        return False
    return (
        norms[start] in FRONTED
        or norms[start] in SUBORDINATORS
        or (comma - start <= 2 and norms[comma - 1].endswith("ly"))
    )


def _content_before(
    text: str, sent: _Sentence, comma: int, quotes: _QuoteIndex
) -> list[tuple[int, int]]:
    """Content before a trailing source ("..., X said."): the sentence start to the comma."""
    norms = sent.norms
    start = _after_dateline(sent, comma)
    while start < comma and (norms[start] in CONTENT_LEADS or norms[start] == ","):
        start += 1
    if (
        start + 2 < comma
        and (norms[start], norms[start + 1]) in LEAD_PAIRS
        and norms[start + 2] == ","
    ):
        start += 3  # "In contrast, ...", "In fact, ..."

    if start >= comma:
        return []
    s, e = sent.starts[start], sent.ends[comma - 1]
    q = quotes.at(e - 1)
    if q is not None and q.end == e and q.start <= s:
        return list(q.fragments)  # the quote is all of it, perhaps begun sentences earlier
    q = quotes.at(s)
    if q is not None and q.start < s:
        s = q.start
    s, e = _trim(text, s, e)
    return [(s, e)] if e > s else []


def _after_dateline(sent: _Sentence, stop: int) -> int:
    """The token after a dateline opening the sentence ("LOS ANGELES, Feb. 2 (UPI) —",
    "New York (AFP) –"): capitalised words, numbers and punctuation up to a dash; else 0."""
    norms, raws = sent.norms, sent.raws
    for t in range(min(stop, DATELINE_MAX)):
        if t > 0 and (norms[t] in ("—", "–") or _is_dash_token(sent, t)):
            # a place in capitals or a news agency ("MEXICO CITY -", "(AFP)"), not "Mr. Trump —"
            return t + 1 if any(len(r) > 1 and r.isupper() for r in raws[:t]) else 0
        if raws[t][:1].isalpha() and not raws[t][:1].isupper():
            return 0
        if norms[t] in QUOTE_MARKS:
            return 0
    return 0


def _kind(text: str, content: list[tuple[int, int]]) -> str:
    s, e = content[0][0], content[-1][1]
    if _QUOTE_MARK_RE.search(text, s, e) is None:
        return "indirect"
    first = text[s]
    last = text[e - 1]
    if first in QUOTE_OPEN + "'" and last in QUOTE_CLOSE + "'":
        return "direct"
    return "mixed"


def _continue_quotes(
    text: str, sentences: list[_Sentence], per_sentence: list[list[Found]], quotes: _QuoteIndex
) -> None:
    """'"...," said X. "More."': a quote opening the next sentence, with no cue of its own,
    continues the content of a direct attribution (PolNeAR joins them as fragments). A quote
    opening the next paragraph continues a direct quotation too, unless a cue inside the quote's
    sentences claims it ('"…" he said.\n\n"…. …," he added.'); a mixed one stops at the paragraph
    (train joins the next paragraph's quote to a direct one 30 times in 45, to a mixed one 4 in
    13)."""
    for i, found in enumerate(per_sentence[:-1]):
        if not found:  # most sentences (no comprehension for them)
            continue
        direct = [f for f in found if f.kind == "direct" or _ends_in_quote(text, f)]
        if not direct or per_sentence[i + 1]:
            continue
        nxt = sentences[i + 1]
        q = quotes.starting_at(nxt.start)
        if q is None or q.start < direct[-1].content[-1][1]:
            continue
        if "\n" in text[sentences[i].end : nxt.start] and (
            direct[-1].kind != "direct"
            or _claimed_later(sentences, per_sentence, i + 2, q.end)
            or _words_after_quote(text, sentences, i + 1, q.end)
        ):
            continue
        direct[-1].content.extend(q.fragments)


def _words_after_quote(text: str, sentences: list[_Sentence], j: int, end: int) -> bool:
    """Whether the sentence where a quotation ends (from sentence j on) goes on with words
    ('"…," an angry Hollande retaliated.'): the quotation has a speaker of its own."""
    while j + 1 < len(sentences) and sentences[j + 1].start < end:
        j += 1
    stop = sentences[j].end if sentences[j].end > end else end
    return any(ch.isalpha() for ch in text[end:stop])


def _claimed_later(
    sentences: list[_Sentence], per_sentence: list[list[Found]], j: int, end: int
) -> bool:
    """Whether a sentence from j on that starts before end has an attribution of its own."""
    while j < len(sentences) and sentences[j].start < end:
        if per_sentence[j]:
            return True
        j += 1
    return False


def _ends_in_quote(text: str, f: Found) -> bool:
    """A mixed quote whose content ends with the quotation ('They have "a set of
    expectations," he said.') or opens with one ('"People were celebrating" before the
    incident, she said.'): a quote opening the next sentence goes on with it."""
    return f.kind == "mixed" and (
        text[f.content[-1][1] - 1] in QUOTE_CLOSE + "'" or text[f.content[0][0]] in QUOTE_OPEN
    )


def _floating_quotes(
    text: str, found: list[Found], quotes: _QuoteIndex, sentence_starts: set[int]
) -> list[Found]:
    """Quotes no cue claims, spoken by the source of the attribution just before (or after).

    '"We will win," Smith said. "Nobody can stop us."' is joined by :func:`_continue_quotes`;
    here a quote standing in its own sentence or paragraph takes the speaker of the nearest
    attribution within ``FLOAT_WINDOW`` characters before it, else just after it. It has no cue.
    """
    # a quoted phrase inside a sentence is not a floating quotation: without a quote opening a
    # sentence (most texts) the claimed spans are never read
    opening = [q for q in quotes.quotes if q.start in sentence_starts]
    if not opening:
        return []
    claimed = sorted(  # (a list, not a generator: no frame resumed per item)
        [
            span
            for f in found
            for span in [*f.content, *([f.cue] if f.cue else []), *([f.source] if f.source else [])]
        ]
    )
    claimed_starts = [c[0] for c in claimed]
    reach = list(accumulate((c[1] for c in claimed), max))  # furthest end among spans so far
    with_source = sorted(
        (((f.cue or f.content[0])[0], f) for f in found if f.source is not None and f.cue),
        key=lambda pf: pf[0],
    )
    positions = [p for p, _ in with_source]
    out = []
    for q in opening:
        k = bisect_left(claimed_starts, q.end)
        if k > 0 and reach[k - 1] > q.start:
            continue  # some attribution already covers part of it
        if _word_count(text, q.start, q.end, FLOAT_MIN_WORDS) < FLOAT_MIN_WORDS:
            continue
        i = bisect_left(positions, q.start) - 1
        speaker = None
        if i >= 0 and q.start - positions[i] <= FLOAT_WINDOW:
            speaker = with_source[i][1]
        elif i + 1 < len(positions) and positions[i + 1] - q.end <= FLOAT_WINDOW // 2:
            speaker = with_source[i + 1][1]
        if speaker is not None:
            out.append(
                Found(None, list(q.fragments), speaker.source, None, "direct", {"anchor": speaker})
            )
    return out


def _word_count(text: str, start: int, end: int, most: int) -> int:
    """Words in text[start:end], counted up to ``most`` (a long quotation is not read through)."""
    return sum(1 for _ in islice(WORD_RE.finditer(text, start, end), most))


def _drop_nested_cues(sentences: list[_Sentence], per_sentence: list[list[Found]]) -> None:
    """Drop attributions whose cue lies inside another attribution's content unless the
    classifier is sure of it: on the held-out train slice a nested cue ("Trump said the poll
    *showed* ...") made a correct attribution a quarter of the time, a free-standing one four
    times in five."""
    model = cue_model() if CUE_MODEL else None
    if model is None:
        return
    spans = sorted(  # (a list, not a generator: no frame resumed per item)
        [
            (s, e, id(f), REPORT_NESTING and _reports(f))
            for found in per_sentence
            for f in found
            if f.cue
            for s, e in f.content
        ]
    )
    if len(spans) < 2:
        return
    starts = [sp[0] for sp in spans]
    reach = list(accumulate((sp[1] for sp in spans), max))  # the furthest end so far
    limit = _threshold_logit(model["threshold"]) + NESTED_MIN_LOGIT
    for sent, found in zip(sentences, per_sentence, strict=True):
        if not found:
            continue
        keep = []
        for f in found:
            if f.cue is not None and f.entry is not None:
                cs, ce = f.cue
                j = bisect_right(starts, cs)
                outer = (
                    [sp for sp in spans[:j] if sp[1] >= ce and sp[2] != id(f)]
                    if j > 0 and reach[j - 1] >= ce
                    else ()
                )
                if any(sp[3] for sp in outer):
                    continue  # "According to the Post, the judge said ...": the Post's report
                if (
                    outer
                    and f.entry.pos not in NESTED_EXEMPT
                    and _found_logit(model, sent, f) < limit
                ):
                    continue
            keep.append(f)
        found[:] = keep


def _reports(f: Found) -> bool:
    """Whether an attribution is a report whose content PolNeAR does not split further: "according
    to", "reported", "found", "showed", or a poll opening the sentence."""
    return f.entry is not None and (f.entry.lemma in REPORT_LEMMAS or f.entry is _poll_entry())


def _found_logit(model: dict, sent: _Sentence, f: Found) -> float:
    """The classifier's log-odds for a found attribution's cue (infinite for the phrases
    accepted without scoring: hand-listed ones train barely shows, those nearly always cues)."""
    entry = f.entry
    if entry.extra and entry.n_seen < EXTRA_MIN_SEEN:
        return math.inf
    i = bisect_left(sent.starts, f.cue[0])
    for k, cand, kind in _candidates_at(sent, i) if i < len(sent.starts) else ():
        if cand is entry:
            if kind == "lex" and entry.phrase in _always_phrases():
                return math.inf
            return _cue_logit(model, sent, i, k, entry, kind)
    return math.inf


def _headline_colon(text: str, sent: _Sentence) -> Found | None:
    """A title "Name Name: words" (a headline convention): the name said the words."""
    if sent.starts is None:
        _lay_out(sent)
    norms, raws = sent.norms, sent.raws
    c = next((t for t in range(min(len(norms), HEADLINE_MAX_SOURCE + 1)) if norms[t] == ":"), -1)
    if c < 1 or c + 1 >= len(norms) or not _is_cap(raws[0]):
        return None
    if not all(_is_cap(raws[t]) or norms[t] in HEADLINE_INNER for t in range(c)):
        return None
    if any(norms[t] in HEADLINE_LABELS for t in range(c)):
        return None  # "The Latest: ...", "WATCH: ...": a rubric, not a speaker
    content = _trim(text, sent.starts[c + 1], sent.end)
    if content[1] <= content[0]:
        return None
    cue = _span(sent, c, c + 1)
    return Found(cue, [content], _span(sent, 0, c), _colon_entry(), extras={"polnear_cue": cue})


def _report_opening(text: str, sent: _Sentence, found: list[Found]) -> Found | None:
    """A sentence opening "In a … poll (…), …" or "As reported by X, …": the poll or X is the
    source of the rest of the sentence, "In" or "reported" its cue, as PolNeAR marks them; not
    when a name follows that has a cue of its own ("In a memo released as polls closed,
    Clinton's manager acknowledged ...")."""
    entry = _poll_entry()
    m = _IN_POLL_RE.match(text, sent.start, sent.end) if POLL_OPENING else None
    if m is None and AS_REPORTED_BY:
        m = _AS_REPORTED_RE.match(text, sent.start, sent.end)
        entry = cue_lexicon().get((m.group(1).lower(),)) if m is not None else None
    if m is None or entry is None:
        return None
    if set(WORD_RE.findall(m.group(2).lower())) & POLL_CLAUSE_WORDS:
        return None
    source_end, start = m.end(2), m.end()
    tail = _POLL_PARTICIPLE_RE.match(text, start, sent.end)
    if tail is not None:
        source_end, start = tail.end(1), tail.end()  # ", conducted March 11-13," is the poll's
    lead = _LEAD_WORD_RE.match(text, start, sent.end)
    if lead is not None and lead.group(1).lower() in PARENTHETICALS:
        start = lead.end()
    content = _trim(text, start, sent.end)
    if content[1] - content[0] < 2 or any(
        f.source and f.source[0] == content[0] and text[content[0]].isupper() for f in found
    ):
        return None
    cue = m.span(1)
    source = (m.start(2), source_end)
    return Found(cue, [content], source, entry, extras={"polnear_cue": cue})


@cache
def _poll_entry() -> CueEntry:
    return CueEntry(("in",), "in", "preposition", cue_class("according to"), 0, 0)


@cache
def _colon_entry() -> CueEntry:
    return CueEntry((":",), "say", "punctuation", cue_class("say"), 0, 0)


def _transcript_turns(
    text: str, regions: list[tuple[int, int]], cues: set[tuple[int, int] | None]
) -> list[Found]:
    """Transcript turns: a paragraph opening "TAPPER: ..." (a capitalised speaker label) is
    that speaker's words up to the paragraph end."""
    out = []
    for r_start, r_end in regions:
        m = _TRANSCRIPT_RE.match(text, r_start, r_end)
        if m is None or m.group(1).strip(" .").lower() in HEADLINE_LABELS:
            continue
        cue = m.span(2)
        content = _trim(text, m.end(), r_end)
        if cue in cues or content[1] <= content[0]:
            continue
        out.append(Found(cue, [content], m.span(1), _colon_entry(), extras={"polnear_cue": cue}))
    return out


def _labelled_quotes(
    text: str,
    regions: list[tuple[int, int]],
    quotes: _QuoteIndex,
    cues: set[tuple[int, int] | None],
) -> list[Found]:
    """Quotations a name and a colon introduce, opening a paragraph or after a dash or "More
    from" ('… JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “Although …”', 'Clinton: "Our
    goal is …"'): the name said the quotation."""
    out = []
    for r_start, r_end in regions:
        for m in _LABELLED_QUOTE_RE.finditer(text, r_start, r_end):
            name = m.group(1)
            first = name.split()[0]
            if first.endswith("ed") or first.lower() in HEADLINE_LABELS:
                continue  # "Continued Stone:": a cue, not a name
            q = quotes.starting_at(m.end())
            cue = m.span(2)
            if q is None or cue in cues:
                continue
            out.append(
                Found(
                    cue, list(q.fragments), m.span(1), _colon_entry(), extras={"polnear_cue": cue}
                )
            )
    return out


def _outside_turns(found: list[Found], turns: list[Found]) -> list[Found]:
    """The attributions whose cue lies outside every transcript turn: inside "BENENSON: This is
    a man who said ...", PolNeAR marks the turn alone (train: 24 such, none right)."""
    bounds = [(turn.content[0][0], turn.content[-1][1]) for turn in turns]
    return [
        f
        for f in found
        if f.cue is None or not any(s <= f.cue[0] and f.cue[1] <= e for s, e in bounds)
    ]


def extract(
    text: str,
    regions: list[tuple[int, int]],
    floating: bool = True,
    spans: list[tuple[int, int]] | None = None,
) -> list[Found]:
    """All attributions in the given regions of text, in text order (``spans``: the regions'
    sentences when already split)."""
    quotes = _QuoteIndex(find_quotes(text, regions))
    first_region = regions[0][0] if regions else -1
    sentences = _sentences(text, regions, spans, always=first_region, defer=True)
    per_sentence: list[list[Found]] = []
    for sent in sentences:
        if not sent.norms:  # no word a cue needs
            per_sentence.append([])
            continue
        found = _attribute_sentence(text, sent, quotes)
        if sent.start == first_region:
            head = _headline_colon(text, sent)
            if head is not None and not any(f.cue == head.cue for f in found):
                found.insert(0, head)
        if POLL_OPENING or AS_REPORTED_BY:
            report = _report_opening(text, sent, found)
            if report is not None:
                found = [f for f in found if f.cue != report.cue]
                found.insert(0, report)
        for f in found:
            f.kind = _kind(text, f.content)
        per_sentence.append(found)
    _continue_quotes(text, sentences, per_sentence, quotes)
    if NESTED_MIN_LOGIT is not None:
        _drop_nested_cues(sentences, per_sentence)
    out = [f for found in per_sentence for f in found]
    if NAME_COLON_QUOTE:
        out += _labelled_quotes(text, regions, quotes, {f.cue for f in out})
    if TRANSCRIPTS:
        turns = _transcript_turns(text, regions, {f.cue for f in out})
        if REPORT_NESTING and turns:
            out = _outside_turns(out, turns)
        out += turns
    if floating:
        out += _floating_quotes(text, out, quotes, {s.start for s in sentences})
    out = _without_empty_fragments(out)
    if ABSORBED_CUES:
        out = _without_absorbed_cues(out)
    if ADJUNCT_CONTENT or BACK_IN_CUE:
        out = _without_adjunct_content(text, out)
    _trim_source_pictographs(text, out)
    _relative_antecedents(text, sentences, out)
    out.sort(key=lambda f: (f.cue or f.content[0])[0])
    return out


def _trim_source_pictographs(text: str, found: list[Found]) -> None:
    """A source neither starts nor ends with a pictograph: the clause rules take in the token
    after a name ("said coach Anna Smith 👏."), but an emoji or ``©`` names no one. (Currency
    and maths signs stay: "€500" is what the text says.)"""
    for f in found:
        if f.source is None:
            continue
        start, end = f.source
        while start < end and _is_pictograph_or_space(text[end - 1]):
            end -= 1
        while start < end and _is_pictograph_or_space(text[start]):
            start += 1
        if (start, end) != f.source:
            f.source = (start, end) if start < end else None


def _relative_antecedents(text: str, sentences: list[_Sentence], found: list[Found]) -> None:
    """A relative pronoun as source ("said Cory Doctorow, who argues", "a society that sees")
    stays the source span, as PolNeAR marks it (*who* is the source 421 times in train), but
    names the noun phrase before it (``extras["antecedent"]``), whose actor is the speaker.

    The phrase runs from its last determiner ("led a surge in *the 2014 report*, which"), else
    over the capitalised words before its last ("angered *residents*, who"), and takes in a name
    before an appositive ("*David Cameron, the British prime minister*, who").
    """
    starts = None
    for f in found:
        if f.source is None or text[f.source[0] : f.source[1]] not in REL_PRONOUNS:
            continue
        if starts is None:
            starts = [sent.start for sent in sentences]
        i = bisect_right(starts, f.source[0]) - 1
        if i < 0:
            continue
        sent = sentences[i]
        if sent.starts is None:
            _lay_out(sent)
        t = bisect_left(sent.starts, f.source[0])
        if t >= len(sent.starts) or sent.starts[t] != f.source[0]:
            continue
        j = t - 2 if t >= 2 and sent.norms[t - 1] == "," else t - 1
        np = _np_ending_at(sent, j)
        if np is None:
            continue
        norms, raws = sent.norms, sent.raws
        determiners = [m for m in range(np[0], j + 1) if norms[m] in DETERMINERS]
        k = determiners[-1] if determiners else j
        while not determiners and k > np[0] and _is_cap(raws[k - 1]):
            k -= 1
        if k >= 2 and norms[k - 1] == ",":
            name = _np_ending_at(sent, k - 2)
            if name is not None and _is_cap(raws[k - 2]):
                k = name[0]
        f.extras["antecedent"] = _span(sent, k, j + 1)


def _is_pictograph_or_space(char: str) -> bool:
    return not char.isalnum() and (char.isspace() or unicodedata.category(char) == "So")


def _without_absorbed_cues(found: list[Found]) -> list[Found]:
    """Drop an attribution whose cue lies inside another's PolNeAR cue span with the same
    content ("The email goes on to say: “…”": *goes* is a cue candidate of its own, but
    *goes on to say:* already holds it)."""
    by_content: dict[tuple, list[tuple[Found, tuple[int, int]]]] = {}
    for f in found:
        span = f.extras.get("polnear_cue") or f.cue
        if span is not None:
            by_content.setdefault(tuple(f.content), []).append((f, span))
    return [
        f
        for f in found
        if f.cue is None
        or not any(
            g is not f and span != f.cue and span[0] <= f.cue[0] and f.cue[1] <= span[1]
            for g, span in by_content.get(tuple(f.content), ())
        )
    ]


def _without_adjunct_content(text: str, found: list[Found]) -> list[Found]:
    """Content that is the cue's adjunct ("said in a 911 call from the scene that …") moved to
    the clause or quotation after it; an attribution whose content is a short adjunct alone
    ("as she said at the outset") or a sentence adverb dropped (``ADJUNCT_CONTENT``); a
    content's opening "back" given to the cue (``BACK_IN_CUE``), and an infinitive after "went
    on" (``INFINITIVE_IN_CUE``)."""
    out = []
    extended: list[Found] = []
    for f in found:
        if f.cue is None or f.kind == "direct":
            out.append(f)
            continue
        start, end = f.content[0][0], f.content[-1][1]
        if ADJUNCT_CONTENT and ADJUNCT_WORDS.issuperset(WORD_RE.findall(text[start:end].lower())):
            continue  # "However, he said, …": no content but a sentence adverb
        adjacent = start >= f.cue[1] and not text[f.cue[1] : start].strip()
        back = _BACK_RE.match(text, start, end) if BACK_IN_CUE and adjacent else None
        run = _INFINITIVE_RUN_RE.match(text, start, end) if INFINITIVE_IN_CUE and adjacent else None
        if back is not None:
            # "pushed back against the charge", "wrote back: …": PolNeAR's cue takes "back"
            if _cue_takes(text, f, back.end(1), back.end()):
                out.append(f)
            continue
        if (
            run is not None
            and _catenative_head(text, f.cue)
            and run.group(1).lower() not in NOT_INFINITIVE_VERBS
        ):
            # "went on to criticize the convention": PolNeAR's cue runs through the
            # infinitive's verb, its object is the content
            if _cue_takes(text, f, run.end(1), run.end()):
                out.append(f)
                extended.append(f)
            continue
        m = _FIRST_WORD_RE.match(text, start, end)
        if (
            not ADJUNCT_CONTENT
            or start < f.cue[1]
            or text[f.cue[1] : start].strip(" ,-–—\n")
            or m is None
            or m.group(1).lower() not in ADJUNCT_CONTENT_PREPS
            or (m.group(2) or "").lower() in ("least", "most")
            or (f.entry is not None and f.entry.lemma in FEELING_LEMMAS)  # "outraged by"
            or _after_copula(text, f.cue[0])  # "were less confident in Mrs. Clinton"
        ):
            out.append(f)
            continue
        restart = _CONTENT_RESTART_RE.search(text, m.end(1), end)
        after_dash = _DASH_THAT_RE.match(text, end)
        if restart is None and after_dash is not None:  # "said — on Twitter — that …"
            f.content = [(after_dash.start(1), after_dash.end(1) - 1)]
        elif restart is not None:
            cut = restart.start()
            f.content = [(max(s, cut), e) for s, e in f.content if e > cut]
        elif len(text[start:end].split()) <= ADJUNCT_CONTENT_WORDS:
            continue
        f.kind = _kind(text, f.content)
        out.append(f)
    if extended:
        # "went on to criticize": the verb's own attribution is the extended one's
        out = [
            f
            for f in out
            if f.cue is None  # a floating quote has no cue to compare
            or not any(
                g is not f
                and g.cue[0] <= f.cue[0]
                and f.cue[1] <= g.cue[1]
                and g.content == f.content
                for g in extended
            )
        ]
    return out


def _cue_takes(text: str, f: Found, cue_end: int, content_from: int) -> bool:
    """Move the words up to ``cue_end`` from the content into the cue (the table's and PolNeAR's
    alike), the content starting again at ``content_from``; whether any content is left."""
    polnear = f.extras.get("polnear_cue") or f.cue
    f.cue = (f.cue[0], cue_end)
    f.extras["polnear_cue"] = (polnear[0], cue_end)
    f.content = [(max(s, content_from), e) for s, e in f.content if e > content_from]
    if f.content:
        f.kind = _kind(text, f.content)
    return bool(f.content)


def _catenative_head(text: str, cue: tuple[int, int]) -> bool:
    """Whether a cue ends in "went on" (any form of "go") or a form of "continue", whose
    infinitive PolNeAR's cue runs through."""
    words = text[cue[0] : cue[1]].lower().split()
    if not words:
        return False
    if words[-1] == "on":
        before = text[max(0, cue[0] - 12) : cue[0]].lower().split()
        return (len(words) > 1 and words[-2] in GO_FORMS) or (
            bool(before) and before[-1] in GO_FORMS
        )
    return words[-1] in INFINITIVE_HEADS


def _after_copula(text: str, start: int) -> bool:
    """The word before ``start`` is a copula or a degree word: the cue there is a predicate
    adjective, and a preposition after it opens its complement ("less confident in")."""
    before = text[max(0, start - 24) : start].split()
    return bool(before) and before[-1].lower() in PREDICATE_LEADS


def _without_empty_fragments(found: list[Found]) -> list[Found]:
    """Drop zero-width content fragments (a trimmed stretch of punctuation beside the cue), and an
    attribution left with no content: every span the table reports must hold some text."""
    for f in found:
        if any(start >= end for start, end in f.content):
            f.content = [(start, end) for start, end in f.content if start < end]
    return [f for f in found if f.content]


def attributions_for_scoring(text: str) -> list:
    """Attributions over the whole text (title and every block but bylines/credits), for PolNeAR."""
    from analysis.validation.polnear import Attribution

    try:
        article = Article.from_text(text)
        regions = attribution_regions(article)
    except AnalysisError:
        return []
    # PolNeAR attributions always have a cue: a floating quote (no cue) is no row of its own;
    # with FLOAT_JOIN one that opens where the attribution before it ends joins that
    # attribution's content, as PolNeAR marks it ('… he said he would help.  "I'm going to
    # support him."'). PolNeAR cue spans include the auxiliaries and adverbs before the verb.
    found = extract(text, regions, floating=FLOAT_JOIN)
    joined: dict[int, list[tuple[int, int]]] = {}
    for f in found:
        anchor = f.extras.get("anchor")
        if f.cue is None and isinstance(anchor, Found) and _follows_content(text, anchor, f):
            joined.setdefault(id(_first_in_sentence(text, found, anchor)), []).extend(f.content)
    return [
        Attribution(
            (f.source,) if f.source else (),
            (_polnear_cue(text, f.extras.get("polnear_cue", f.cue), f.entry),),
            tuple(sorted([*f.content, *joined.get(id(f), ())])),
        )
        for f in found
        if f.cue
    ]


def _follows_content(text: str, anchor: Found, f: Found) -> bool:
    """A floating quote that opens right where its anchor's content ends: no word between, and
    no colon (what a colon introduces is not the content's sequel)."""
    end, start = anchor.content[-1][1], f.content[0][0]
    return end <= start and WORD_RE.search(text, end, start) is None and ":" not in text[end:start]


def _first_in_sentence(text: str, found: list[Found], anchor: Found) -> Found:
    """The sentence's first attribution with a source, up to the anchor: '"…," Trump told a
    rally, saying Clinton would …' hands the next quote on to "told", not "saying"."""
    cue = (anchor.cue or anchor.content[0])[0]
    start = max(0, cue - SENTENCE_REACH)
    for m in _SENTENCE_END_RE.finditer(text, start, cue):
        start = m.end()
    firsts = [g for g in found if g.cue and g.source and start <= g.cue[0] <= cue]
    return min(firsts, key=lambda g: g.cue[0], default=anchor)


_CONTRACTION_RE = re.compile(r"(\w+)['’]s[ \t]*$")
_AUX_CONTRACTION_RE = re.compile(r"(\w+)['’](?:re|ve|d|ll)[ \t]*$", re.IGNORECASE)
_COLON_RE = re.compile(r"[ \t]*:")


def _polnear_cue(text: str, cue: tuple[int, int], entry: CueEntry | None) -> tuple[int, int]:
    """A cue span as PolNeAR marks it: with the colon that follows it ("replied:", 232 of 245
    in train) and a contracted auxiliary before it ("he’s predicting", "it’s according to": 87
    of 92), not a possessive (*Trump’s talking about*, *Pence’s call for*: 1 of 139 in train
    articles 200–839 after a word other than a pronoun such as *he*, *it*, *that*)."""
    start, end = cue
    colon = _COLON_RE.match(text, end)
    if colon is not None:
        end = colon.end()
    if entry is not None and entry.pos in ("verb", "preposition"):
        m = _CONTRACTION_RE.search(text, max(0, start - 12), start)
        if m is not None and m.group(1).lower() in CONTRACTED:
            start = m.end(1)
        elif CONTRACTED_AUX:
            m = _AUX_CONTRACTION_RE.search(text, max(0, start - 12), start)
            if m is not None:
                start = m.end(1)  # "they’re endorsing", "who’ve already said", "I’d love"
    return start, end


# --- speakers -------------------------------------------------------------------------------------
_HEAD_CUTS = frozenset(("of", "for", "at", "from", "with", "who", "which", "that", ",", "in"))


def source_head(text: str, start: int, end: int) -> tuple[int, int]:
    """The head word of a source phrase: its last word before any post-modifier.

    "his nominee for NATO ambassador" → "nominee"; "President Donald Trump" → "Trump"; before a
    comma, since an appositive or a party tag follows one: "Grant Green, a spokesman" → "Green",
    "Sen. Rand Paul, R-Ky.," → "Paul"; and before a bracket: "coach Anna Smith (AP)" → "Smith".
    """
    phrase = text[start:end]
    cut, bracket = phrase.find(","), phrase.find("(")
    if bracket > 0 and not 0 < cut < bracket:
        cut = bracket
    if cut > 0 and phrase[:cut].strip():
        end = start + cut
        phrase = phrase[:cut]
    if phrase.replace(" ", "").isalpha() and _HEAD_CUTS.isdisjoint(phrase.lower().split()[1:]):
        # plain words and no post-modifier (most sources: "he", "the minister"): each word is
        # one WORD_RE token and the head is the last, found without the regex
        stripped = phrase.rstrip(" ")
        return start + stripped.rfind(" ") + 1, start + len(stripped)
    head = None
    for i, m in enumerate(WORD_RE.finditer(text, start, end)):  # up to the first post-modifier
        if i and m.group().lower() in _HEAD_CUTS:
            break
        head = m
    if head is None:
        return start, end
    s, e, w = head.start(), head.end(), head.group()
    for suffix in ("’s", "'s"):
        if w.endswith(suffix):
            e -= len(suffix)
    return s, e


MentionRows = tuple[tuple, ...] | list[tuple]  # as analysis.actors.detection gives them


class _MentionLookup:
    """Mention spans sorted by start, built once per table (speakers are looked up per row)."""

    def __init__(self, mentions: pd.DataFrame | MentionRows | None) -> None:
        starts: list = []
        ends: list = []
        actors: list = []
        if isinstance(mentions, pd.DataFrame):
            if len(mentions):
                starts, ends, actors = (mentions[n].tolist() for n in ("start", "end", "actor"))
            starts, ends = list(map(int, starts)), list(map(int, ends))
            actors = list(map(str, actors))
        elif mentions:  # rows (actor, kind, start, end, ...) of Python ints and str
            columns = zip(*mentions, strict=True)  # lazy: only the first four columns are made
            actors, _, starts, ends = next(columns), next(columns), next(columns), next(columns)
        # the actors module's table is in text order already; sort only when it is not
        if not all(map(operator.lt, starts, starts[1:])):
            rows = sorted(zip(starts, ends, actors, strict=True))
            starts, ends, actors = ([r[c] for r in rows] for c in range(3))
        self.starts = starts
        self.ends = ends
        self.actors = actors
        self.longest = max(map(operator.sub, ends, starts), default=0)

    def actor_at(self, hs: int, he: int) -> str | None:
        """The actor of the mention overlapping [hs, he) that ends closest to he."""
        i = bisect_left(self.starts, he) - 1
        best, best_key = None, None
        while i >= 0 and self.starts[i] >= hs - self.longest:
            if self.ends[i] > hs:
                key = (abs(self.ends[i] - he), self.ends[i] - self.starts[i])
                if best_key is None or key < best_key:
                    best, best_key = self.actors[i], key
            i -= 1
        return best


def speaker_from_mentions(
    text: str, source_start: int, source_end: int, mentions: pd.DataFrame | _MentionLookup | None
) -> str:
    """The canonical actor whose mention overlaps the source's head word (of its first part
    that has one, when commas divide it: a name and its appositive), else the source text.

    ``mentions`` is an :func:`analysis.actor_mentions` table (actor, start, end, ...); pronoun
    sources resolve through it because the actors module links pronouns to actors.
    """
    lookup = mentions if isinstance(mentions, _MentionLookup) else _MentionLookup(mentions)
    start = source_start
    while True:  # each comma-separated part in turn: "The magazine's editor, Rachael Jolley,"
        if start == source_start or not _PARTICIPLE_BY_RE.match(text, start, source_end):
            # (not "The aides, led by Terry Sullivan,": that part names someone else)
            actor = lookup.actor_at(*source_head(text, start, source_end))
            if actor:
                return actor
        comma = text.find(",", start, source_end)
        if comma < 0:
            return text[source_start:source_end]
        start = comma + 1


_PARTICIPLE_BY_RE = re.compile(r"\s*[a-z]+\s+by\b")


def _mentions_for(article: Article) -> pd.DataFrame | None:
    """The actors module's mention table, if that module is available."""
    if importlib.util.find_spec("analysis.actors") is None:
        return None
    try:
        actors = importlib.import_module("analysis.actors")
        return actors.actor_mentions(article)
    except (ImportError, AttributeError, NotImplementedError, AnalysisError):
        return None


# --- public table ---------------------------------------------------------------------------------
def _sentence_ids(starts: list[int], ends: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """Body sentences overlapped by any of the spans (given the sentences' starts and ends)."""
    ids: set[int] = set()
    n = len(starts)
    for s, e in spans:
        i = bisect_right(starts, s) - 1
        if i >= 0 and s < e <= ends[i]:  # the usual span, inside one sentence
            ids.add(i)
            continue
        i = max(i, 0)
        while i < n and starts[i] < e:
            if ends[i] > s:
                ids.add(i)
            i += 1
    return sorted(ids)


def find_attributions(
    text_or_article: str | Article, mentions: pd.DataFrame | MentionRows | None = None
) -> pd.DataFrame:
    """One row per attribution (source, cue, content), with the canonical speaker.

    Columns: source_start, source_end (NA without a source), cue_start, cue_end, content_start,
    content_end (outer bounds), content_spans (list of (start, end) fragments), speaker (the
    canonical actor when :mod:`analysis.actors` links the source, else the source text), kind
    (direct / indirect / mixed), cue_lemma, cue_class (neutral / evaluative), sentence_ids (body
    sentences the attribution touches), source_text, cue_text, content_text. ``mentions``
    overrides the actor-mention table (tests pass hand-built ones); it may also be the mention
    rows of :func:`analysis.actors.detection` (``analyze`` has them: nothing to read back).
    """
    article = as_article(text_or_article)
    text = article.text
    regions = attribution_regions(article)
    body_start = article.sentences[0].start if article.sentences else len(text)
    spans = [
        span
        for r_start, r_end in regions
        if r_end <= body_start
        for span in split_sentences(text, r_start, r_end)
    ]  # the title's sentences; the body's are the article's own
    spans += [(sent.start, sent.end) for sent in article.sentences]
    found = extract(text, regions, spans=spans)
    if mentions is None and found:
        mentions = _mentions_for(article)
    sentence_starts = [sent.start for sent in article.sentences]
    sentence_ends = [sent.end for sent in article.sentences]
    lookup = _MentionLookup(mentions) if found else None
    sources = [f.source for f in found]
    cues = [f.cue for f in found]
    contents = [list(f.content) for f in found]
    entries = [f.entry for f in found]
    speakers = [f.extras.get("antecedent", f.source) for f in found]
    cols: dict[str, list] = {
        "content_spans": contents,
        "speaker": [
            speaker_from_mentions(text, src[0], src[1], lookup) if src else None for src in speakers
        ],
        "kind": [f.kind for f in found],
        "cue_lemma": [entry.lemma if entry else None for entry in entries],
        "cue_class": [entry.cue_class if entry else None for entry in entries],
        "sentence_ids": [
            _sentence_ids(
                sentence_starts,
                sentence_ends,
                [*spans, *([cue] if cue else []), *([src] if src else [])],
            )
            for spans, cue, src in zip(contents, cues, sources, strict=True)
        ],
        "source_text": [text[src[0] : src[1]] if src else None for src in sources],
        "cue_text": [text[cue[0] : cue[1]] if cue else None for cue in cues],
        # (one fragment, the usual content: its text, without a comprehension and a join)
        "content_text": [
            text[spans[0][0] : spans[0][1]]
            if len(spans) == 1
            else " … ".join([text[s:e] for s, e in spans])
            for spans in contents
        ],
    }
    return _table(cols, sources, cues, contents)


def _table(
    cols: dict[str, list],
    sources: list[tuple[int, int] | None],
    cues: list[tuple[int, int] | None],
    contents: list[list[tuple[int, int]]],
) -> pd.DataFrame:
    """The attribution table of its object and text columns (``cols``) and its spans."""
    # the four nullable int columns and the content's bounds as the rows of one array, the
    # masks of the four as another (``frame`` takes the last two rows as consecutive columns):
    # two NumPy calls instead of ten, each a pass through NumPy's conversion code
    no_source = [src is None for src in sources]
    no_cue = [cue is None for cue in cues]
    ints = np.array(
        [
            [src[0] if src else 0 for src in sources],
            [src[1] if src else 0 for src in sources],
            [cue[0] if cue else 0 for cue in cues],
            [cue[1] if cue else 0 for cue in cues],
            [spans[0][0] for spans in contents],
            [spans[-1][1] for spans in contents],
        ],
        dtype="int64",
    )
    missing = np.array([no_source, no_source, no_cue, no_cue], dtype=bool)
    # one string array for all text columns, cut from its Arrow data (``string_columns``)
    texts = iter(
        string_columns([v for name in _TEXT_NAMES for v in cols[name]], len(_TEXT_NAMES), _STR)
    )
    arrays: list[object] = []
    for name in COLUMNS:
        if name in _INT_ROWS:
            row = _INT_ROWS[name]
            arrays.append(pd.arrays.IntegerArray(ints[row], missing[row]))
        elif name == "content_start":  # and content_end, the next column
            arrays.append(ints[4:6])
        elif name == "content_end":
            continue
        elif name in _TEXT_COLUMNS:
            arrays.append(next(texts))
        else:  # lists stay lists: one item a list, in one call
            arrays.append(np.fromiter(cols[name], dtype=object, count=len(contents)))
    return frame(_COLUMN_INDEX, arrays)


_TEXT_COLUMNS = frozenset(
    ("speaker", "kind", "cue_lemma", "cue_class", "source_text", "cue_text", "content_text")
)
_TEXT_NAMES = [name for name in COLUMNS if name in _TEXT_COLUMNS]
# the Int64 columns, by their row of find_attributions' array
_INT_ROWS = {"source_start": 0, "source_end": 1, "cue_start": 2, "cue_end": 3}


_STR = pd.StringDtype(na_value=np.nan)  # pandas' default "str" dtype, built once
_COLUMN_INDEX = pd.Index(COLUMNS)


def speaker_summary(attributions: pd.DataFrame, text_or_article: str | Article) -> pd.DataFrame:
    """Per speaker: attributions, words of content, shares direct / indirect / mixed and evaluative.

    Speakers without a source are grouped as "(unattributed)".
    """
    article = as_article(text_or_article)
    columns = [
        "speaker",
        "attributions",
        "content_words",
        "share_direct",
        "share_indirect",
        "share_mixed",
        "share_evaluative",
    ]
    if attributions.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    speakers = attributions["speaker"].astype("string").fillna("(unattributed)")
    for speaker, group in attributions.groupby(speakers, sort=False):
        n = len(group)
        words = sum(
            len(WORD_RE.findall(article.text, s, e))
            for spans in group["content_spans"]
            for s, e in spans
        )
        kinds = group["kind"].value_counts()
        rows.append(
            {
                "speaker": speaker,
                "attributions": n,
                "content_words": words,
                "share_direct": kinds.get("direct", 0) / n,
                "share_indirect": kinds.get("indirect", 0) / n,
                "share_mixed": kinds.get("mixed", 0) / n,
                "share_evaluative": float((group["cue_class"] == "evaluative").sum()) / n,
            }
        )
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["content_words", "attributions"], ascending=False, ignore_index=True)


# Caches that depend on the cue model (cleared when it changes, e.g. by the training script).
MODEL_CACHES = (
    _trie,
    _phrase_forms,
    _phrase_form_words,
    _phrase_form_heads,
    _starters,
    _scan_words,
    _cue_words,
    _lemma_forms,
    _cue_lemmas,
    _lemma_entry,
    _neighbours,
    _single_forms,
    _phrase_openers,
    _match_settings,
    _candidate_tables,
    _sure_phrases,
    _sure_words_start,
    _model_phrases,
    _always_phrases,
    _phrase_features,
    _phrase_score,
    _weight_tables,
    _entry_weights,
    _slot_weights,
    _slot_score,
)


__all__ = [
    "COLUMNS",
    "find_attributions",
    "source_head",
    "speaker_from_mentions",
    "speaker_summary",
]
