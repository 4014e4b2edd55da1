"""Attribution: the source a sentence credits with its claim.

Rule families (each yields a candidate: where its reporting verb sits, and the source phrase):

1. **Speaker before a reporting verb**: "the observatory said", "Syria's military says",
   "The Syrian army is claiming", "a senior official told Fox News". The speaker is the run of
   capitalised words and source nouns (ministry, army, spokesman...) just before the verb; it may
   cross an appositive name ("Russia's Defense Ministry spokesman, Major-General Igor
   Konashenkov, said").
2. **Speaker after the verb, at a clause edge**: "» said the statement", ", said David Swanson, a
   spokesman for the UN Office for ...".
3. **Prepositional**: "according to the observatory", "citing the General Command".

The phrase is named through the resolver (``resolver.py``), as organizations are: the first
organization the article's extractor found inside the phrase names it ("Russia's Defense
Ministry spokesman, ..." -> Russian Defense Ministry); else the phrase or one of its word n-grams
(longest first) is an explicit or owned body, or a generic one ("police officials", "a ministry
spokesman") that names the nearest compatible body mentioned before; else the source stays as
written. Pronouns and bare "the statement" take the named source of one of the two sentences
before. A sentence that names no source borrows the last one named in the sentence before it,
unless it is a headline or a blank line parts them (a paragraph that opens with a quote mark
goes on quoting).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from corpus.facts import organizations
from corpus.facts.document import Document
from corpus.facts.lexicons import is_title_case
from corpus.facts.model import ExtractedFact
from corpus.facts.resolver import Organization, canonical_organization, generic_mention, resolve

# Lower case only: "the United States" is not a speaker followed by "states".
_VERB = re.compile(
    r"\b(?:said|says|say|saying|reported|reports|report|reporting|claimed|claims|claiming"
    r"|stated|announced|announces|confirmed|confirms|added|adds|told|tells|estimated"
    r"|estimates|noted|wrote|writes|warned|insisted|stressed|declared|alleged"
    r"|[Aa]ccording\s+to|[Cc]iting|cited)\b"
)
# Titles keep their full stop ("Sgt. Ann Lee"), so an abbreviation never ends a speaker.
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}(?:-\w+)*|(?:Sgt|Lt|Capt|Cpl|Det|Dep|Ofc|Insp|Supt|Cmdr|Sen|Rep|Gov|Gen"
    r"|Col|Maj|Dr|Mr|Mrs|Ms)\.(?= [A-Z])|\w[\w’'\-]*\w|\w|[^\w\s]"
)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Lower-case words that may sit inside a source phrase ("the defense ministry in Russia").
_SOURCE_NOUNS = _wordset(
    """army military ministry observatory monitor command general spokesman spokeswoman
    spokesperson official officials agency news state media statement source sources police
    government authorities defense defence foreign interior health office department group
    organization organisation committee council commission service services forces force
    coalition rescue civil emergency president minister chief head director witnesses residents
    activists doctors medics hospital officer officers ambassador correspondent reporter
    staff team based local national senior top regional provincial federal public television
    tv radio newspaper daily channel outlet website administration secretary communique
    affiliated run owned backed led human rights watchdog medical workers volunteers
    paramedics home justice finance information education transport security intelligence
    border coast guard fire ambulance disaster management relief humanitarian aid press
    sheriff sheriff's sheriff’s coroner coroner's coroner’s examiner examiner's examiner’s
    deputies deputy detectives detective investigators troopers trooper patrol highway county
    city"""
)
_LINKS = frozenset({"the", "of", "for", "in", "and", "a", "an", "'s", "’s", "al", "el", "de"})
_SKIP_BEFORE_VERB = _wordset(
    """has have had is was were are also later earlier previously meanwhile however too again
    initially separately then now reportedly been"""
)
_ROLES = _wordset(
    """spokesman spokeswoman spokesperson official chief head minister general commander envoy
    ambassador director representative secretary president spokesmen"""
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
# Sources that point back at one named earlier ("the statement said").
_ANAPHORIC = _PRONOUNS | {"statement", "report"}
_TIME_WORDS = _wordset("monday tuesday wednesday thursday friday saturday sunday today yesterday")
# Capitalised sentence openers that are not part of a speaker ("But officials said").
_OPENERS = _wordset(", but and so yet meanwhile however later earlier also then still now")
_EDGE = frozenset({",", "»", "”", '"', "’", "'", "—", "–", ":"})


@dataclass(frozen=True, slots=True)
class _Candidate:
    position: int  # offset of the reporting verb
    phrase: str
    direct: bool  # a reporting verb, not "according to"/"citing"
    start: int  # where the source phrase lies
    end: int


# A word of a source phrase: (start, end, text); an appositive name is one such piece.
_Word = tuple[int, int, str]


def find_attribution(
    doc: Document,
    sentence_index: int,
    offset: int | None = None,
    organizations: Sequence[ExtractedFact] | None = None,
) -> str | None:
    """The source credited for a claim in a sentence (a body's name, a phrase, or None).

    With ``offset`` (where the claim sits), the nearest source before it wins, else the first
    one after it; a sentence without a source borrows the last one of the sentence before.
    ``organizations`` are the article's organization facts, extracted here when not given.
    """
    candidates = _candidates(doc, sentence_index)
    if candidates:
        chosen = _choose(candidates, offset)
    elif (
        sentence_index > 0
        and _same_paragraph(doc, sentence_index - 1, sentence_index)
        and (previous := _candidates(doc, sentence_index - 1))
    ):
        chosen = previous[-1]
        sentence_index -= 1
    else:
        return None
    if _is_pronoun(chosen.phrase):
        return _resolve_pronoun(doc, sentence_index, organizations)
    return _source_name(doc, chosen, organizations)


def _same_paragraph(doc: Document, first: int, second: int) -> bool:
    # Another story's paragraph never lends its source across a blank line, nor to a headline;
    # a paragraph that opens with a quote mark goes on quoting the speaker before it.
    sentence = doc.sentences[second]
    if is_title_case(sentence.text):
        return False
    gap = doc.text[doc.sentences[first].end : sentence.start]
    return "\n\n" not in gap or sentence.text[:1] in '«“"'


def _source_name(
    doc: Document, candidate: _Candidate, facts: Sequence[ExtractedFact] | None
) -> str:
    """The name of the body a source phrase speaks for, or the phrase as written."""
    if facts is None:
        facts = organizations.extract(doc)
    inside = [f for f in facts if candidate.start <= f.start and f.end <= candidate.end]
    if inside:
        return str(inside[0].value["name"])
    earlier = [
        Organization(f.value["entity_id"], f.value["name"])
        for f in facts
        if f.start < candidate.start
    ]
    return normalise_source(candidate.phrase, earlier)


def normalise_source(phrase: str, earlier: Sequence[Organization] = ()) -> str:
    """A source phrase as the name of the body it names, or the trimmed phrase itself.

    ``earlier`` are the bodies the article named before the phrase, nearest last: a generic
    phrase ("police officials") names only one of them.
    """
    org = resolve(phrase, earlier)
    if org is not None:
        return org.name
    words = [w.strip(",;:") for w in phrase.split()]
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            gram = " ".join(words[i : i + size])
            if gram.islower() and canonical_organization(gram) is not None:
                continue  # "is" is not IS
            if i and generic_mention(" ".join(words[i - 1 : i + size])) is not None:
                continue  # "ministry" of "the foreign ministry" keeps its portfolio
            org = resolve(gram, earlier)
            if org is not None:
                return org.name
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)


def _choose(candidates: list[_Candidate], offset: int | None) -> _Candidate:
    if offset is not None:
        before = [c for c in candidates if c.position < offset]
        if before:
            return before[-1]
        after = [c for c in candidates if c.direct] or candidates
        return after[0]
    direct = [c for c in candidates if c.direct]
    return (direct or candidates)[0]


def _resolve_pronoun(
    doc: Document, sentence_index: int, organizations: Sequence[ExtractedFact] | None
) -> str | None:
    for i in range(sentence_index - 1, max(-1, sentence_index - 3), -1):
        named = [c for c in _candidates(doc, i) if not _is_pronoun(c.phrase)]
        if named:
            return _source_name(doc, named[-1], organizations)
    return None


def _is_pronoun(phrase: str) -> bool:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.lower()) in _ANAPHORIC


_TITLE_AT_END = re.compile(r"\b(?:Sgt|Lt|Capt|Cpl|Det|Dep|Ofc|Insp|Supt|Cmdr|Gen|Col|Maj|Dr)\.$")


def _candidates(doc: Document, sentence_index: int) -> list[_Candidate]:
    sentence = doc.sentences[sentence_index]
    shift, end = sentence.start, sentence.end
    if _TITLE_AT_END.search(sentence.text) and sentence_index + 1 < len(doc.sentences):
        end = doc.sentences[sentence_index + 1].end  # "said Sgt." | "Mike Miller.": one speaker
    return [
        _Candidate(shift + c.position, c.phrase, c.direct, shift + c.start, shift + c.end)
        for c in _sentence_candidates(doc.text[shift:end])
        if c.position < len(sentence.text)
    ]


# Every claim of a sentence, and the claims of the sentence after it, ask for the same
# candidates: read each sentence once (positions relative to the sentence).
@lru_cache(maxsize=4096)
def _sentence_candidates(text: str) -> tuple[_Candidate, ...]:
    verbs = list(_VERB.finditer(text))
    if not verbs:
        return ()  # most sentences: no need to tokenise
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    starts = [start for start, _, _ in tokens]
    out: list[_Candidate] = []
    for verb in verbs:
        word = verb.group().lower()
        first_verb = bisect.bisect_left(starts, verb.start())
        first_after = bisect.bisect_left(starts, verb.end())
        if word.startswith("according") or word == "citing":
            words = _phrase_after(tokens, first_after)
            direct = False
        else:
            words = _phrase_before(tokens, first_verb)
            edge = first_verb > 0 and tokens[first_verb - 1][2] in _EDGE
            if not words and edge:
                words = _phrase_after(tokens, first_after)
            direct = True
        if words:
            out.append(_Candidate(verb.start(), _joined(words), direct, words[0][0], words[-1][1]))
    return tuple(out)


def _phrase_before(tokens: list[_Word], verb: int) -> list[_Word]:
    i = verb - 1
    while i >= 0 and tokens[i][2].lower() in _SKIP_BEFORE_VERB:
        i -= 1
    if (
        i >= 2
        and tokens[i][2] == ","
        and tokens[i - 2][2] == ","
        and (tokens[i - 1][2].lower() in _SKIP_BEFORE_VERB)
    ):
        i -= 3  # "the army, meanwhile, said"
    if i >= 0 and tokens[i][2].lower() in _PRONOUNS:
        return [tokens[i]]
    words: list[_Word] = []
    if i >= 0 and tokens[i][2] == ",":
        # "X spokesman, Major-General Igor Konashenkov, said": an appositive name after a role.
        j = i - 1
        name: list[_Word] = []
        while j >= 0 and tokens[j][2][:1].isupper():
            name.insert(0, tokens[j])
            j -= 1
        if not (name and j >= 1 and tokens[j][2] == "," and tokens[j - 1][2].lower() in _ROLES):
            return []
        words = [(tokens[j][0], name[-1][1], ", " + " ".join(w[2] for w in name))]
        i = j - 1
    while i >= 0:
        word = tokens[i][2]
        lower = word.lower()
        if lower in _TIME_WORDS and i >= 1 and tokens[i - 1][2].lower() in {"on", "late"}:
            i -= 2  # "X on Saturday said"
            continue
        if not (
            word[:1].isupper()
            or lower in _SOURCE_NOUNS
            or lower in _LINKS
            or ("-" in word and lower.split("-")[-1] in _SOURCE_NOUNS)
        ):
            break
        words.insert(0, tokens[i])
        i -= 1
    return _trim(words)


def _phrase_after(tokens: list[_Word], start: int) -> list[_Word]:
    words: list[_Word] = []
    i = start
    while i < len(tokens):
        word = tokens[i][2]
        lower = word.lower()
        if (
            word == ","
            and words
            and i + 2 < len(tokens)
            and tokens[i + 1][2].lower() in {"a", "the"}
            and tokens[i + 2][2].lower() in _ROLES
        ):
            words.append(tokens[i])  # "said David Swanson, a spokesman for ..."
            i += 1
            continue
        if not (word[:1].isupper() or lower in _SOURCE_NOUNS or lower in _LINKS or lower in _ROLES):
            break
        words.append(tokens[i])
        i += 1
    return _trim(words)


def _trim(words: list[_Word]) -> list[_Word]:
    while words and words[0][2].lower() in _LINKS | _OPENERS:
        words.pop(0)
    while words and words[-1][2].lower() in _LINKS | {","}:
        words.pop()
    if not words or all(w[2].lower() in _TIME_WORDS for w in words):
        return []
    return words


def _joined(words: list[_Word]) -> str:
    text = " ".join(w[2] for w in words)
    return re.sub(r"\s+([,’'])", r"\1", text).replace(" ’s", "’s").replace(" 's", "'s")
