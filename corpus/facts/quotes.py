"""Quotes: quoted speech with its speaker, when the text says who.

Quote marks: curly “…” and ‘…’, guillemets « … », straight "…" paired within a line, and
straight '…' when they open after a space and close before one (so apostrophes never pair).
A quote stays within its paragraph but may span sentences; nested quotes are not reported.
Short scare quotes ("regret", "positive") are quotes too, usually without a speaker.

The speaker is read from these constructions, in order, and is null when none applies:

1. after the quote: '"…," Konashenkov stressed', '« … » a Russian army statement said',
   '"…," said David Swanson, a spokesman for ...', '"…" the news agency cited Zakharova as
   telling ...', and across a line break when the quote ends on a comma ('« …, »' / 'Zakharova
   told Rossia-24'); or the sentence ends with ", the Syrian army said in a statement";
2. before the quote, in its sentence: 'Putin said Washington « … »', 'The Pentagon issued a
   statement saying “…”' (a participle takes the sentence's subject);
3. the subject phrase resolves to a person or organization mentioned inside it (appositives
   skipped: "Putin, a key ally of Syrian President Bashar al-Assad, said" is Putin; "reported by
   SANA" is not the speaker); "he"/"she" to the speaker of the latest quote in the three previous
   sentences, or else the one person named in the nearest sentence naming any; "it" and "the
   statement" to the latest organization speaker; a generic mention ("the agency", "the army
   statement") to the nearest earlier compatible organization (``resolver.py``), never a default;
4. a quote still without one, introduced by a verb ("adding that « … »", "calling it a « … »"),
   shares the speaker of another quote in its sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corpus.facts.document import Document
from corpus.facts.lexicons import function_words, sentence_bounds
from corpus.facts.model import MAX_FACTS_PER_ARTICLE, ExtractedFact
from corpus.facts.organizations import refer_back

_VERBS = (
    "said|says|say|told|tells|stressed|added|adds|noted|explained|insisted|warned|declared|"
    "stated|wrote|writes|tweeted|asked|replied|argued|claimed|announced|reported|confirmed|"
    "concluded|continued|cautioned|complained|commented|remarked|recalled|suggested|admitted|"
    "emphasized|emphasised|underlined|cited|quoted"
)
_PARTICIPLES = (
    "saying|stating|noting|adding|calling|suggesting|describing|telling|insisting|warning|"
    "arguing|declaring|stressing|explaining|claiming|accusing|branding|labelling|labeling"
)
_BEFORE_VERBS = f"{_VERBS}|called|calls|described|branded|labelled|labeled|urged|accused"
_AFTER_VERB = re.compile(rf"\b(?:(?:also|then|later|earlier|further|again) )?(?P<verb>{_VERBS})\b")
_BEFORE_VERB = re.compile(rf"\b(?P<verb>{_BEFORE_VERBS}|{_PARTICIPLES})\b")
_CITED_AS = re.compile(r"^\s*(?P<obj>[^,.;]{1,60}?) as (?P<verb>telling|saying)\b")
_CUT = re.compile(r"\b(?:reported by|cited by|quoted by|according to|quoting|citing)\b")
# "Putin, a key ally of ..., said": a short head that is no subordinate clause ("When police
# called back, a man ... told police" is a clause, then the speaker).
_APPOSITIVE = re.compile(
    r"^(?!(?i:when|if|as|after|before|while|because|although|though|since|once|until|where)\b)"
    r"(?P<head>[^,]+), (?:a|an|the|who|whose|which)\b"
)
_MAX_APPOSITIVE_HEAD = 6  # words
# What may follow a closing quote as its speaker: a name, a role, an article, a pronoun, but
# not the rest of a clause ('” that killed 20, the army said' is sentence-final attribution).
_SPEAKER_OPENERS = frozenset(
    ["a", "an", "the", "he", "she", "it", "they", "we", "his", "her", "its", "their"]
)
_QUOTE_MARK = re.compile(r"[“”«»\"]")
_PAIRS = (("“", "”"), ("«", "»"), ("‘", "’"))
_STRAIGHT_DOUBLE = re.compile(r'(?<![\w])"(?=\S)([^"\n]{1,1500}?)(?<=\S)"(?![\w])')
_STRAIGHT_SINGLE = re.compile(r"(?<![\w'’])'(?=[A-Za-z])([^'\n]{1,300}?[\w.,!?])'(?![\w])")
_PRONOUN_LOOKBACK = 3
_PASSIVE = re.compile(r"\b(?:be|been|being|is|was|were|are)\s+$")
_QUOTE_OR_STOP = re.compile(r"[;“”«»\"]")
_ENDS_LINE = re.compile(r"[ .]*(?:\n|\Z)")  # nothing but spaces and full stops to the line's end


@dataclass(slots=True)
class _Quote:
    start: int
    end: int
    inner_start: int
    inner_end: int
    speaker: tuple[str, str] | None = None  # (name, entity_id)
    verb: str | None = None
    is_org: bool = False
    cued: bool = False  # a speech verb introduced it, even if no speaker was found


def extract(
    doc: Document, *, people: Sequence[ExtractedFact], organizations: Sequence[ExtractedFact]
) -> list[ExtractedFact]:
    """Quotes in ``doc`` with their speaker (one of its ``people`` or ``organizations``) when
    the text names one."""
    orgs = list(organizations)
    quotes = _Quotes(_find_quotes(doc.text)[:MAX_FACTS_PER_ARTICLE])
    persons = _Mentions([f for f in people if not quotes.contain(f)])
    orgs_out = _Mentions([f for f in orgs if not quotes.contain(f)])
    for quote in quotes:
        _attribute(doc, quote, quotes, persons, orgs_out, orgs)
    _share_within_sentences(doc, quotes)
    return [_fact(doc, q) for q in quotes]


class _Quotes(list["_Quote"]):
    """The article's quotes in text order (none contains another, so ends ascend too), with
    lookups by position that cost a bisection, not a scan."""

    def __init__(self, quotes: list[_Quote]) -> None:
        super().__init__(quotes)
        self.starts = [q.start for q in quotes]

    def contain(self, fact: ExtractedFact) -> bool:
        """Whether a quote contains ``fact``: the last one opening at or before it would."""
        i = bisect.bisect_right(self.starts, fact.start) - 1
        return i >= 0 and fact.end <= self[i].end

    def between(self, start: int, end: int) -> list[_Quote]:
        """The quotes opening in ``[start, end)``."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return self[lo:hi]


class _Mentions(list[ExtractedFact]):
    """Person or organization facts in the extractor's order, found by position by bisection."""

    def __init__(self, facts: list[ExtractedFact]) -> None:
        super().__init__(facts)
        self._by_start = sorted(range(len(facts)), key=lambda i: facts[i].start)
        self._starts = [facts[i].start for i in self._by_start]

    def starting(self, start: int, end: int) -> list[ExtractedFact]:
        """The facts starting in ``[start, end)``, in the extractor's order."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return [self[i] for i in sorted(self._by_start[lo:hi])]


def _find_quotes(text: str) -> list[_Quote]:
    spans: list[tuple[int, int]] = []
    for opening, closing in _PAIRS:
        pos = 0
        while (start := text.find(opening, pos)) >= 0:
            end = text.find(closing, start + 1)
            reopen = text.find(opening, start + 1)
            newline = text.find("\n", start)
            if end < 0:
                break
            if (0 <= reopen < end) or (0 <= newline < end):
                pos = min(p for p in (reopen, newline) if p >= 0)
                continue
            if opening != "‘" or not text[end + 1 : end + 2].isalpha():  # ’ is also an apostrophe
                spans.append((start, end + 1))
            pos = end + 1
    for pattern in (_STRAIGHT_DOUBLE, _STRAIGHT_SINGLE):
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    quotes = []
    for start, end in _outermost(spans):
        inner_start, inner_end = start + 1, end - 1
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and (
            text[inner_end - 1].isspace() or text[inner_end - 1] == ","
        ):
            inner_end -= 1
        if inner_end > inner_start:
            quotes.append(_Quote(start, end, inner_start, inner_end))
    return quotes


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans no other span contains, in order (one sweep, longest first at each start)."""
    out: list[tuple[int, int]] = []
    reach = -1
    for start, end in sorted(set(spans), key=lambda span: (span[0], -span[1])):
        if end > reach:
            out.append((start, end))
            reach = end
    return out


def _attribute(
    doc: Document,
    quote: _Quote,
    quotes: _Quotes,
    persons: _Mentions,
    orgs: _Mentions,
    all_orgs: list[ExtractedFact],
) -> None:
    text = doc.text
    closing = doc.sentence_at(quote.end - 1)
    after_start, after_end = quote.end, closing.end
    if _ENDS_LINE.match(text, quote.end) and text[quote.inner_end : quote.end].lstrip().startswith(
        ","
    ):
        index = doc.sentence_index(quote.end - 1)
        if index is not None and index + 1 < len(doc.sentences):
            after_end = doc.sentences[index + 1].end  # '« …, »' then 'Zakharova told …'
    after = text[after_start:after_end]
    # A quote closed by a full stop ends its sentence: what follows is not its attribution.
    ended = text[quote.inner_start : quote.inner_end].rstrip("…").endswith(".")
    verb = None if ended else _AFTER_VERB.search(after)
    subject: tuple[int, int] | None = None
    if verb is not None:
        lead = after[: verb.start()]
        if not lead.strip(" ,\n") and verb["verb"] in ("told", "tells"):
            subject = None  # '"Piper" told 41 Action News': "told" never inverts its subject
        elif not lead.strip(" ,\n"):
            subject = _inverted_subject(after_start + verb.end(), after_end, text)
        elif (
            len(lead.split()) <= 8
            and _opens_subject(lead)
            and not _QUOTE_MARK.search(lead)
            and not _continues_sentence(lead)
        ):
            subject = _last_segment(text, after_start, after_start + verb.start())
        else:
            final = re.search(rf",\s*([^,“”«»\"]{{1,80}}?)\s+{re.escape(verb['verb'])}\b", after)
            if final is not None:
                subject = (after_start + final.start(1), after_start + final.end(1))
        if subject is not None:
            quote.verb, quote.cued = verb["verb"].lower(), True
            if quote.verb in ("cited", "quoted"):
                cited = _CITED_AS.match(text[after_start + verb.end() : after_end])
                if cited is not None:
                    obj = after_start + verb.end() + cited.start("obj")
                    subject, quote.verb = (obj, obj + len(cited["obj"])), cited["verb"]
            _set_speaker(doc, quote, subject, quotes, persons, orgs, all_orgs)
            return
    _attribute_before(doc, quote, quotes, persons, orgs, all_orgs)


def _continues_sentence(lead: str) -> bool:
    # '“stable” condition to Loyola Medical Center, police said': the quote sits inside a
    # clause; the speaker is the sentence-final one after the comma, not the clause's nouns.
    words = lead.strip(" ,\n").split(" ", 1)
    return "," in lead and words[0][:1].islower() and words[0] not in _SPEAKER_OPENERS


def _opens_subject(lead: str) -> bool:
    first = lead.strip(" ,\n").split(" ", 1)[0].lower()
    return first in _SPEAKER_OPENERS or first not in function_words()


def _inverted_subject(start: int, end: int, text: str) -> tuple[int, int]:
    stop = re.search(r"[.;:“”«»\"]|$", text[start:end])
    return start, start + (stop.start() if stop else end - start)


def _last_segment(text: str, start: int, end: int) -> tuple[int, int]:
    """The subject before a verb, past any clause that precedes it."""
    phrase = text[start:end].rstrip(" ,")
    appositive = _APPOSITIVE.match(phrase.lstrip(" ,\n"))
    if appositive is not None and len(appositive["head"].split()) <= _MAX_APPOSITIVE_HEAD:
        lead = len(phrase) - len(phrase.lstrip(" ,\n"))
        return start + lead, start + lead + len(appositive["head"])
    if phrase.count(",") >= 2 or (phrase.count(",") == 1 and len(phrase.split()) > 8):
        cut = phrase.rfind(",")
        return start + cut + 1, start + len(phrase)
    return start, start + len(phrase)


def _attribute_before(
    doc: Document,
    quote: _Quote,
    quotes: _Quotes,
    persons: _Mentions,
    orgs: _Mentions,
    all_orgs: list[ExtractedFact],
) -> None:
    sentence = doc.sentence_at(quote.start)
    before = doc.text[sentence.start : quote.start]
    verb = _last_cue(before)
    if verb is None:
        return
    quote.verb, quote.cued = verb["verb"].lower(), True
    if re.fullmatch(_PARTICIPLES, quote.verb):
        subject = (sentence.start, sentence.start + verb.start())
        found = _entities_in(subject, persons, orgs, first=True)
    else:
        subject = _last_segment(doc.text, sentence.start, sentence.start + verb.start())
        found = _entities_in(subject, persons, orgs, first=False)
    if found is not None:
        quote.speaker, quote.is_org = found
    else:
        _set_speaker(doc, quote, subject, quotes, persons, orgs, all_orgs)


def _last_cue(before: str) -> re.Match[str] | None:
    """The last speech verb in ``before`` that reaches the quote (not passive, no quote mark or
    semicolon between); verbs further back than any reach are not tried."""
    for verb in reversed(list(_BEFORE_VERB.finditer(before))):
        words_after = len(before[verb.end() :].split())
        if words_after > _reach("said"):
            return None
        if (
            words_after <= _reach(verb["verb"])
            and not _PASSIVE.search(before, 0, verb.start())
            and not _QUOTE_OR_STOP.search(before, verb.end())
        ):
            return verb
    return None


def _reach(verb: str) -> int:
    # "X said (that) ... «quote»": the whole reported clause is X's; a participle reaches less.
    return 12 if re.fullmatch(_PARTICIPLES, verb.lower()) else 25


def _entities_in(
    span: tuple[int, int],
    persons: _Mentions,
    orgs: _Mentions,
    *,
    first: bool,
) -> tuple[tuple[str, str], bool] | None:
    """The person (else organization) mentioned in ``span``: first or last one."""
    for facts, is_org in ((persons, False), (orgs, True)):
        inside = [f for f in facts.starting(span[0], span[1]) if f.end <= span[1]]
        if inside:
            fact = inside[0] if first else inside[-1]
            return (fact.value["name"], fact.value["entity_id"]), is_org
    return None


def _set_speaker(
    doc: Document,
    quote: _Quote,
    subject: tuple[int, int],
    quotes: _Quotes,
    persons: _Mentions,
    orgs: _Mentions,
    all_orgs: list[ExtractedFact],
) -> None:
    text = doc.text
    phrase = text[subject[0] : subject[1]]
    cut = _CUT.search(phrase)
    if cut is not None:
        subject = (subject[0], subject[0] + cut.start())
        phrase = phrase[: cut.start()]
    appositive = _APPOSITIVE.match(phrase.strip())
    if appositive is not None and len(appositive["head"].split()) <= _MAX_APPOSITIVE_HEAD:
        lead = len(phrase) - len(phrase.lstrip())
        subject = (subject[0] + lead, subject[0] + lead + len(appositive["head"]))
        phrase = appositive["head"]
    found = _entities_in(subject, persons, orgs, first=True)
    if found is not None:
        quote.speaker, quote.is_org = found
        return
    head_phrase = phrase.strip(" ,\n").split(",")[0].lower()
    words = [w for w in re.findall(r"[\w’'-]+", head_phrase) if w not in ("the", "a", "an")]
    if words in (["he"], ["she"]):
        quote.speaker = _pronoun(doc, quote, quotes, persons)
    elif words in (["it"], ["statement"]):
        quote.speaker = _latest_org_speaker(doc, quote, quotes, orgs)
        quote.is_org = quote.speaker is not None
    elif words:
        heads = [w for w in words if w not in ("statement", "official", "officials", "source")]
        org = None
        if heads and len(heads) <= 2:  # "the agency", "the army statement": a generic mention
            org = refer_back(all_orgs, " ".join(heads), quote.start)
            org = org or refer_back(all_orgs, heads[-1], quote.start)
        if org is not None:
            quote.speaker, quote.is_org = (org.name, org.entity_id), True


def _previous_quotes(doc: Document, quote: _Quote, quotes: _Quotes) -> list[_Quote]:
    here = doc.sentence_index(quote.start) or 0
    first = doc.sentences[max(0, here - _PRONOUN_LOOKBACK)].start
    return [q for q in quotes.between(first, quote.start) if q.speaker is not None]


def _pronoun(
    doc: Document, quote: _Quote, quotes: _Quotes, persons: _Mentions
) -> tuple[str, str] | None:
    earlier = [q for q in _previous_quotes(doc, quote, quotes) if not q.is_org]
    if earlier:
        return earlier[-1].speaker
    return _nearest_named(doc, quote, persons)


def _latest_org_speaker(
    doc: Document, quote: _Quote, quotes: _Quotes, orgs: _Mentions
) -> tuple[str, str] | None:
    earlier = [q for q in _previous_quotes(doc, quote, quotes) if q.is_org]
    if earlier:
        return earlier[-1].speaker
    return _nearest_named(doc, quote, orgs)


def _nearest_named(doc: Document, quote: _Quote, facts: _Mentions) -> tuple[str, str] | None:
    """The one entity named in the nearest sentence that names any (None if it names two)."""
    here = doc.sentence_index(quote.start) or 0
    for index in range(here, max(-1, here - _PRONOUN_LOOKBACK - 1), -1):
        sentence = doc.sentences[index]
        named = {
            (f.value["name"], f.value["entity_id"])
            for f in facts.starting(sentence.start, min(sentence.end, quote.start))
        }
        if named:
            return next(iter(named)) if len(named) == 1 else None  # two of them: never guess
    return None


def _share_within_sentences(doc: Document, quotes: _Quotes) -> None:
    for quote in quotes:
        if quote.speaker is not None or not quote.cued:
            continue
        sentence = doc.sentence_at(quote.start)
        sharing = [q for q in quotes.between(sentence.start, sentence.end) if q.speaker is not None]
        if sharing:
            quote.speaker, quote.is_org = sharing[0].speaker, sharing[0].is_org


def _fact(doc: Document, quote: _Quote) -> ExtractedFact:
    sentence_start, sentence_end = sentence_bounds(doc, quote.start, quote.end)
    value: dict[str, Any] = {
        "quote": doc.text[quote.inner_start : quote.inner_end],
        "speaker": quote.speaker[0] if quote.speaker else None,
        "speaker_entity_id": quote.speaker[1] if quote.speaker else None,
        "verb": quote.verb if quote.speaker or quote.cued else None,
    }
    return ExtractedFact(
        field="quotes",
        kind="quote",
        value=value,
        start=quote.start,
        end=quote.end,
        text=doc.text[quote.start : quote.end],
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        attributed_to=value["speaker"],
    )
