"""Question analysis by rules: what is asked (type, field, kind), about what (focus), and which
content words must be found near the answer.

Types: ``how_many`` (casualties when the question says killed, dead, wounded...; otherwise
quantities or equipment by head noun), ``who_said`` (a quote's speaker), ``who_is`` (a person's
role), ``who_role`` (the person holding a role), ``who`` (an actor), ``where`` (places), ``when``
(dates), ``what`` (equipment, organizations, people), and ``passage`` (the best passage).
A question that names a source ("according to the Syrian Observatory") filters on attribution.

Each type maps to the expected *answer type* users see (count, person, role, role_holder,
speaker, place, date, organization, thing); a person question also says which side it asks
for (``role``: suspect or victim, from "suspect", "arrested", "Who shot ..." or "killed",
"victim"...). The constraints the question puts on its event come from ``constraints``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from lemminflect import getAllInflections, getAllLemmas, getLemma

from corpus.facts.lexicons import function_words, load_data
from corpus.facts.organizations import canonical_organization
from search.analysis import passage_analyzer
from search.answer.constraints import Constraints, question_constraints

_KILLED = re.compile(
    r"\b(kill(?:ed|s|ing)?|dead|deaths?|died|die|dying|fatalit(?:y|ies)|lives|death toll|toll|"
    r"perish(?:ed)?|slain|massacred|executed|shot dead|fatally|fatal)\b",
    re.I,
)
_INJURED = re.compile(
    r"\b(wound(?:ed|s|ing)?|injur(?:ed|ies|y|ing)|hurt|maimed|casualt(?:y|ies)|survived|"
    r"survivors?)\b",
    re.I,
)
# "How many people were shot?" asks for everyone shot, the dead and the wounded together.
# "Hit" or "struck" asks the same in a question about gunfire.
_SHOT = re.compile(
    r"\b(?:shot(?!\s+down)|gunned\s+down)\b|\b(?:hit|struck)\b(?=.*\b(?:shots?|gunfire|bullets?|shooting)\b)",
    re.I,
)
_HOW_MANY = re.compile(r"\bhow\s+(?:many|much)\b(?P<rest>.*)$", re.I)
# Words that end the noun phrase after "how many": auxiliaries, prepositions, verbs in -ing/-ed.
_PHRASE_END = re.compile(
    r"^(?:were|was|are|is|be|been|did|do|does|have|has|had|will|would|could|can|may|might|"
    r"in|on|at|of|for|from|to|by|with|during|after|before|since|near|under|over|across|into|"
    r"there|that|who|which|\w+ing|\w+ed|took|made|came|went|got|lost|fell|rose|saw|"
    # irregular and short verbs a count's noun comes before ("How many firemen fought ...")
    r"live|lives|fought|fight|fled|flee|held|hold|ran|run|left|leave|won|win|sold|sell|"
    r"bought|buy|paid|pay|remain|remains|stay|need|needs|want|wants|work|works|own|owns)$",
    re.I,
)
_WHO_SAID = re.compile(
    r"^\s*who\s+(?:said|says|stated|told|warned|claimed|declared|added|stressed|insisted|"
    r"asked|demanded|described|called|accused|questioned|announced)\b",
    re.I,
)
_WHO_IS = re.compile(
    r"^\s*[Ww]ho\s+(?:is|was)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
    # "Who is <Name>, the witness to the fire?": the description says which <Name>
    r"(?:\s*,\s*(?:the|a|an|who|whose)\s[^?]+)?\s*\??\s*$"
)
_WHO_ROLE = re.compile(
    r"^\s*who\s+(?:is|was)\s+(?:the\s+)?(?P<role>[\w\s'’.-]+?)\s+(?:of|for|at|in)\s+(?P<org>.+?)\s*\??\s*$",
    re.I,
)
_WHO_ROLE_BARE = re.compile(
    r"^\s*who\s+(?:is|was)\s+(?:the|a|an)\s+(?P<role>[\w\s'’.-]+?)\s*\??\s*$", re.I
)
# "Who heads the agency?", "Who coached <Name>?": a verb that names a role the articles write
# as a noun ("<Body> chief <Name>", "<Name>'s coach <Other>"); the question asks for its holder.
# A verb of an office asks so of any body; the others ("coached", "manages", "led") only of a
# body or a person the question names in capitals: "Who led the attack?" asks for an act's
# doer, and "Who manages the ice rink ...?" for a manager the generic reading finds better
# (the role reader wants the asked body written beside the role).
_ROLE_OF_VERB = {
    **dict.fromkeys(("heads", "headed", "leads"), "head"),
    **dict.fromkeys(("chairs", "chaired"), "chairman"),
    **dict.fromkeys(("commands", "commanded"), "commander"),
    **dict.fromkeys(("directs", "directed"), "director"),
    **dict.fromkeys(("coaches", "coached"), "coach"),
    **dict.fromkeys(("captains", "captained"), "captain"),
    **dict.fromkeys(("manages", "managed"), "manager"),
    **dict.fromkeys(("edits", "edited"), "editor"),
    "led": "leader",
}
_OFFICE_VERBS = frozenset(
    ("heads", "headed", "leads", "chairs", "chaired", "commands", "commanded", "directs")
)
_WHO_ROLE_VERB = re.compile(
    rf"^\s*who\s+(?:(?:currently|now)\s+)?(?P<verb>{'|'.join(_ROLE_OF_VERB)})\s+"
    r"(?P<object>[^?]+?)\s*\??\s*$",
    re.I,
)
_NAMES_ONLY = re.compile(r"(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of\s+)?[A-Z][\w'’.&-]*)*(?:['’]s)?")


def _role_of_verb(rest: str, terms: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
    """The role a "Who <verb> ...?" question asks the holder of, and its terms with the verb's
    word replaced by the role's ("chair" -> "chairman"); None for other questions."""
    m = _WHO_ROLE_VERB.match(rest)
    if m is None:
        return None
    verb = m["verb"].lower()
    if verb not in _OFFICE_VERBS and not _NAMES_ONLY.fullmatch(m["object"]):
        return None
    role = _ROLE_OF_VERB[verb]
    kept = tuple(t for t in terms if t not in stems_of(verb))
    return role, (*sorted(stems_of(role)), *kept)


# "Outside which club ...", "Near what intersection ...": a locative before "which" asks for
# the place as "in" does.
_WHERE = re.compile(
    r"^\s*(?:where|(?:(?:in|from|to|at|into|on|outside|inside|near|behind|beside|opposite|along|"
    r"off|across(?:\s+from)?)\s+)?(?:which|what)\s+(?P<noun>city|town|village|"
    r"place|country|countries|region|province|area|airport|base|hospital|building|street|road|"
    r"neighbou?rhood|park|school|venue|club|nightclub|bar|restaurant|hotel|church|store|mall|"
    r"stadium|station|bridge|prison|jail|state|states|river|lake|island|islands|county|suburb|"
    r"district|port|harbou?r|beach|coast|valley|mountain|capital|venue|address|subdivision|"
    r"community|complex|intersection|block|motel|apartments?|location|site|campus|estate|"
    r"(?:parking\s+)?lot|garage))\b(?!-)",  # "Which state-owned firm" asks for no state
    re.I,
)
# "What is the name of the bar where ...": the place noun after "the name of" is what is asked.
_NAME_OF_PLACE = re.compile(
    r"^\s*(?:what|which)\s+(?:is|was)\s+the\s+name\s+of\s+the\s+(?P<noun>[a-z]+)\b", re.I
)
# "What is the address of the <Name> nightclub?", "What was the location of the crash?"
_ADDRESS_OF = re.compile(
    r"^\s*what\s+(?:is|was)\s+the\s+(?:exact\s+)?(?P<noun>address|location)\s+of\b", re.I
)
# "Where is Halbrook Corp based?", "Where is the senator from?": where a body is based or a
# person comes from, which the article says "Miami-based", "a Dunmore native".
_ORIGIN = re.compile(
    r"^\s*where\s+(?:is|was|are|were)\s+.+\s(?:from|based|headquartered)\s*\??\s*$", re.I
)
_WHEN = re.compile(
    # "Since when ...", "By what date ...", "Until which day ...": a date is asked with the
    # preposition that bounds it
    r"^\s*(?:(?:since|until|till|by|from)\s+when|when|"
    r"(?:(?:on|in|by|since|until|till|from|before|after|as\s+of)\s+)?(?:what|which)\s+"
    r"(?:date|day|time|year|month|night|morning|afternoon|evening|weekday)|at\s+what\s+time)\b",
    re.I,
)
# "By what percentage did ... grow?", "What share of ...", "How much ... in percent": a
# percentage is asked, answered by an amount in percent.
_PERCENT = re.compile(
    # a stake in a company, a share of a whole: told in percent ("a 19.5 pct stake")
    r"^\s*(?:by\s+)?(?:what|which)\s+(?:percentage|percent|per\s+cent|proportion|stake|share)"
    r"(?!\s+price)\b|"
    r"^\s*how\s+much\b.*\b(?:percent|per\s+cent|pct)\b",
    re.I,
)
_PERCENT_WORDS = frozenset({"percentag", "percent", "per", "cent", "pct", "proport", "share"})
# "How much is <Company> paying for ...?", "How much did it cost?": with no noun after "how
# much", a verb of buying, selling or owing asks for money.
_MONEY_VERBS = frozenset(
    {"pay", "cost", "spend", "sell", "buy", "earn", "raise", "fine", "charge", "owe", "invest"}
    | {"sue", "price", "value", "offer", "bid", "fetch"}
)


# Nouns that are sums of money: "What bail ...?", "What reward ...?" ask how much.
_SUMS = frozenset(
    {"bond", "bail", "fine", "reward", "ransom", "salary", "wage", "fee", "settlement"}
    | {"compensation", "bounty", "payout", "penalty"}
)


def _asks_money(text: str) -> bool:
    """Whether a verb of buying, selling or owing (any form, lemminflect's lexicon) or "worth"
    is in ``text``."""
    words = re.findall(r"[a-z]+", text.lower())
    return any(w == "worth" or _MONEY_VERBS.intersection(getLemma(w, upos="VERB")) for w in words)


# "Name the people who died ...", "What was the name of the suspect ...", "Who did police
# identify as the shooter ...": a person asked for by what they did, not by role or title.
_NAME_OF = re.compile(
    r"^\s*(?:name\s+(?:the|a|an|all|any|one)\b|(?:what|which)\s+(?:is|was|were|are)\s+the\s+"
    r"names?\b|who\s+did\s+(?:the\s+)?\w+\s+(?:identify|name|arrest|charge)\b|"
    r"(?:which|what)\s+(?:suspects?|victims?|person|people|man|woman|men|women|shooter|gunman|"
    r"teen|teenager|boy|girl)\b)",
    re.I,
)
# Which side of an event the asked person was on.
_SUSPECT = re.compile(
    r"\b(?:suspects?|shooters?|gunm[ae]n|accused|arrest(?:ed|s)?|charged?|killers?|perpetrators?|"
    r"opened\s+fire|booked|jailed|detained|indicted|convicted|sentenced|apprehended|wanted|"
    r"assailants?|attackers?|offenders?|culprits?|"
    # what only the accused does: "Who pleaded guilty to ...?", "Who turned himself in?"
    r"plead(?:s|ed)?|pled|confess(?:es|ed)?|surrender(?:s|ed)?|"
    r"turned\s+(?:himself|herself|themselves)\s+in)\b",
    re.I,
)
_VICTIM = re.compile(
    r"\b(?:victims?|killed|died|dead|slain|wounded|injured|hurt|shot|murdered|lost)\b", re.I
)
# "From which company ...", "For which firm ...": a preposition may open the question.
_LEADING_PREPOSITION = r"(?:(?:from|to|for|with|by|of|at|in|on)\s+)?"
_WHAT = re.compile(
    rf"^\s*{_LEADING_PREPOSITION}(?:what|which)\s+(?P<noun>[\w.-]+(?:\s+[\w.-]+)?)", re.I
)
_WHO = re.compile(r"^\s*(?:who|whom|by\s+whom)\b", re.I)
_ACCORDING = re.compile(
    r"\b(?i:according\s+to|as\s+reported\s+by|reported\s+by|as\s+stated\s+by)\s+(?:the\s+)?"
    r"(?P<source>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,7})",
)
# "How many soldiers did the Syrian military say were killed?": the sayer of a figure.
_DID_SAY = re.compile(
    r"\b(?i:did|does|do)\s+(?:the\s+)?(?P<source>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,6}?)\s+"
    r"(?i:say|report|claim|estimate|put|give|count|announce)\b"
)

_MODEL = re.compile(r"[a-z]{1,4}-?\d{1,3}[a-z]?")  # F-16, A-10, Su-24, T-72, MQ-9
EQUIPMENT_NOUNS = {
    "aircraft",
    "plane",
    "planes",
    "jet",
    "jets",
    "warplane",
    "warplanes",
    "fighter",
    "fighters",
    "weapon",
    "weapons",
    "drone",
    "drones",
    "helicopter",
    "helicopters",
    "tank",
    "tanks",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "vehicle",
    "vehicles",
    "bomber",
    "bombers",
    "artillery",
    "ship",
    "ships",
    "equipment",
}
ORGANIZATION_NOUNS = {
    "organization",
    "organisation",
    "group",
    "agency",
    "ministry",
    "militia",
    "faction",
    "outlet",
    "news",
    "army",
    "military",
    "coalition",
    # bodies of other kinds a question asks for by their noun ("Which company ...")
    "company",
    "companies",
    "firm",
    "newspaper",
    "paper",
    "network",
    "channel",
    "broadcaster",
    "party",
    "union",
    "bank",
    "department",
    "office",
    "court",
    "council",
    "committee",
    "airline",
    "university",
    "government",
    "authority",
    "commission",
    "institute",
    "charity",
    "movement",
    "alliance",
    "association",
    "bureau",
    "regulator",
    "watchdog",
    "organisations",
    "organizations",
    "groups",
    "agencies",
    # businesses named by what they make or do ("Which circuit board maker ...")
    "maker",
    "makers",
    "manufacturer",
    "producer",
    "supplier",
    "retailer",
    "broker",
    "insurer",
    "lender",
    "carrier",
    "operator",
    "subsidiary",
    "corporation",
    "service",
    "journal",
    "magazine",
    "team",
    "club",
    "body",
    "command",
    # works and stations named as the body that did something ("Which factory fired ...")
    "factory",
    "plant",
    "mill",
    "station",
}
# Question words that carry no content for matching against answer sentences.
_QUESTION_STOPS = {
    "how",
    "many",
    "much",
    "who",
    "whom",
    "whose",
    "what",
    "which",
    "when",
    "where",
    "why",
    "did",
    "does",
    "do",
    "is",
    "was",
    "were",
    "are",
    "the",
    "a",
    "an",
    "of",
    "according",
    "to",
    "say",
    "said",
    "number",
    "total",
    "exactly",
    "country",
    "city",
    "town",
    "place",
    "time",
    "date",
    "people",
}


NO_CONSTRAINTS = Constraints()  # frozen, so one shared default is safe


@dataclass(frozen=True, slots=True)
class Interpretation:
    """What a question asks for."""

    type: str
    field: str | None
    kind: str | None
    terms: tuple[str, ...]
    focus: str | None = None
    source: str | None = None
    names: frozenset[str] = frozenset()
    name_words: frozenset[str] = frozenset()
    answer_type: str = "passage"
    role: str | None = None
    constraints: Constraints = NO_CONSTRAINTS
    quote: str | None = None  # a quotation the question gives ('Who said "..."?')
    # "How many crew were on the boat?", "How many rooms does the hotel have?": the count's
    # verb is "be" or "have", so any verb may govern it in the text ("15 crew were thrown").
    copular: bool = False
    # The stem of the verb a "Where" question asks about ("Where was the boy left ...?":
    # "left"), the place it governs being the answer; None when none is read.
    verb: str | None = None
    # "When will ...?", "When is the vote expected to ...": a date after the report is asked.
    ahead: bool = False


def stems_of(text: str) -> frozenset[str]:
    """The analyzed words of a short text."""
    return frozenset(token.text for token in passage_analyzer()(text))


def content_terms(text: str) -> tuple[str, ...]:
    """Stemmed content words of ``text``, in order, without question words or duplicates."""
    text = re.sub(r"(?<=\w)['’]s\b", "", text)  # "group's": the possessive is no word
    kept = " ".join(w for w in re.findall(r"\w+", text) if w.lower() not in _QUESTION_STOPS)
    return tuple(dict.fromkeys(token.text for token in passage_analyzer()(kept)))


_ABOUT_THE_ARTICLE = frozenset({"quot", "cite", "mention", "interview"})


_ASKED_AHEAD = re.compile(
    r"\s*when\s+(?:will|shall|(?:is|are)\s+(?:\S+\s+){1,6}?(?:expected|scheduled|due|set|"
    r"slated|going)\s+to)\b",
    re.I,
)


# "Under the new law, how much is the fine?", "In 2014, how many ...": a phrase opening with a
# function word set before the question word, read after the question so its shape is seen.
_FRONTED = re.compile(
    r"^(?P<front>[^,?]{2,120}?)(?:,|\s+[-–—])\s+(?P<question>(?:how|what|which|who|whom|whose|"
    r"when|where|"
    r"(?:in|on|at|from|for|by|with|to)\s+(?:what|which|whom))\b.*?)\s*\??\s*$",
    re.I,
)


_WH_WORDS = frozenset({"how", "what", "which", "who", "whom", "whose", "when", "where", "why"})


def _fronted_last(text: str) -> str:
    """``text`` with a phrase fronted before its question word moved to the end."""
    m = _FRONTED.match(text)
    if m is None:
        return text
    first = m["front"].split()[0].lower()
    if first not in function_words() or first in _WH_WORDS:
        return text  # "Ada Pell, who is she?", "Who is Ada Pell, the ...?": no fronted phrase
    front = m["front"][0].lower() + m["front"][1:]
    asked = m["question"]
    return f"{asked[0].upper()}{asked[1:]} {front}?"


def analyze_question(question: str) -> Interpretation:
    """Read a plain-language question into an Interpretation."""
    text = _spelled_out(" ".join(question.split()))
    source, rest = _named_source(text)
    if source is None:
        source, rest = _asked_sayer(rest)
    rest = _fronted_last(rest)
    interpretation = _classify(rest, content_terms(rest), source)
    if interpretation.type == "who_role":
        # "the spokesman quoted about the fire": "quoted" says where the question read of them,
        # the article need not write it.
        kept = tuple(t for t in interpretation.terms if t not in _ABOUT_THE_ARTICLE)
        interpretation = replace(interpretation, terms=kept or interpretation.terms)
    constraints = question_constraints(rest)
    names, name_words = proper_names(rest), _name_words(rest)
    if constraints.places and constraints.states:
        # "<Town>, North Carolina": the state only says which town; articles write it
        # abbreviated in a dateline ("<TOWN>, N.C.") or not at all, so its words are no
        # terms an answer's passage must hold.
        state = stems_of(" ".join(constraints.states))
        state_words = {w.lower() for s in constraints.states for w in s.split()}
        kept = tuple(t for t in interpretation.terms if t not in state)
        interpretation = replace(interpretation, terms=kept or interpretation.terms)
        names = frozenset(names - state) or names
        name_words = frozenset(name_words - state_words) or name_words
    if interpretation.type == "where":
        interpretation = replace(interpretation, verb=asked_verb(rest))
    if interpretation.type == "when" and _ASKED_AHEAD.match(rest):
        interpretation = replace(interpretation, ahead=True)
    return replace(
        interpretation,
        names=names,
        name_words=name_words,
        answer_type=_ANSWER_TYPES.get((interpretation.type, interpretation.field), "passage"),
        role=person_role(rest) if interpretation.field == "people" else None,
        constraints=constraints,
        quote=_quoted(rest),
    )


_BE_AUX = frozenset({"is", "was", "are", "were"})
_DO_AUX = frozenset({"did", "does", "do", "will", "would", "can", "could", "should", "might"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "you", "i"})


def asked_verb(text: str) -> str | None:
    """The main verb of "Where <auxiliary> <subject> <verb> ...?", as a stem: the first past
    participle after "was"/"were" ("Where was the boy left ...": "left"), or the first base
    form after "did"/"will" that is no noun, or that follows a pronoun or an adverb ("Where
    did the man illegally log ...": "log"), in lemminflect's lexicon; else None."""
    words = re.findall(r"[\w'’-]+", text)
    if len(words) < 3 or words[0].lower() != "where":
        return None
    aux = words[1].lower()
    if aux not in _BE_AUX and aux not in _DO_AUX:
        return None
    for before, word in pairwise(words[2:]):
        if not word.islower():
            continue
        lemmas = getAllLemmas(word)
        verbs = lemmas.get("VERB", ())
        if not verbs:
            continue
        if aux in _BE_AUX:
            forms = getAllInflections(verbs[0], upos="VERB")
            # lemminflect lists a regular participle under VBD only ("immersed")
            if word != verbs[0] and word in forms.get("VBN", forms.get("VBD", ())):
                return next(iter(stems_of(word)), None)
            continue
        loose = before.lower() in _SUBJECT_PRONOUNS or before.lower().endswith("ly")
        if word in verbs and ("NOUN" not in lemmas or loose):
            return next(iter(stems_of(word)), None)
    return None


# A company officer's title asked by its initials, as articles mostly write it out ("chief
# executive Jane Roe", "its chief financial officer, ..."); the initials name no one.
_OFFICER_INITIALS = {
    "CEO": "chief executive",
    "CFO": "chief financial officer",
    "COO": "chief operating officer",
}
_INITIALS = re.compile(rf"\b(?:{'|'.join(_OFFICER_INITIALS)})s?\b")


# "take over" a company is to acquire it (not "take over from" or "as" someone: a successor).
_TAKE_OVER = re.compile(
    r"\b(?P<verb>take|takes|took|taking|taken)\s+over\b(?!\s+(?:from|as)\b)", re.I
)
_ACQUIRE = {
    "take": "acquire",
    "takes": "acquires",
    "took": "acquired",
    "taken": "acquired",
    "taking": "acquiring",
}


def _spelled_out(question: str) -> str:
    """The question with "what's" written out, a company officer's initials written out ("Who
    is the CEO of ...") and "take over" a body said as the articles' "acquire"."""
    question = _CONTRACTED.sub(r"\g<wh> is", question)  # "What's the address ...?"
    question = _INITIALS.sub(lambda m: _OFFICER_INITIALS[m.group().rstrip("s")], question)
    return _TAKE_OVER.sub(lambda m: _ACQUIRE[m["verb"].lower()], question)


_NAME_WORDS = frozenset({"name"})
_CONTRACTED = re.compile(r"\b(?P<wh>what|who|where|when|how)['’]s\b", re.I)


# (question type, field) -> the expected answer type shown to users.
_ANSWER_TYPES: dict[tuple[str, str | None], str] = {
    ("how_many", "casualties"): "count",
    ("how_many", "quantities"): "count",
    ("how_many", "equipment"): "count",
    ("how_many", "measure"): "count",
    ("who_said", "quotes"): "speaker",
    ("who_is", "people"): "role",
    ("who_role", "people"): "role_holder",
    ("who", "people"): "person",
    ("who", "organizations"): "person_or_organization",
    ("where", "places"): "place",
    ("when", "dates"): "date",
    ("what", "equipment"): "thing",
    ("what", "organizations"): "organization",
}


# "Who shot the officer?": the subject of an active verb is the one who did it.
_WHO_DID = re.compile(
    r"^\s*who\s+(?:allegedly\s+|reportedly\s+)?(?:shot|killed|murdered|stabbed|"
    r"opened\s+fire|fired|wounded|injured|hurt)\b",
    re.I,
)


def person_role(text: str) -> str | None:
    """ "suspect" or "victim" when the question asks for one side of an event, else None."""
    if _SUSPECT.search(text) or _WHO_DID.match(text):
        return "suspect"
    if _VICTIM.search(text):
        return "victim"
    return None


def proper_names(text: str) -> frozenset[str]:
    """Stems of capitalised words past the first: names the answer's article must contain."""
    words = re.findall(r"[\w'’.-]+", text)[1:]
    capitalised = " ".join(w for w in words if w[:1].isupper() and w.lower() not in _QUESTION_STOPS)
    return frozenset(token.text for token in passage_analyzer()(capitalised))


_QUOTED = re.compile(r"[\"“”](?P<quote>[^\"“”]{8,})[\"“”]")


def _quoted(text: str) -> str | None:
    """The quotation a question gives (eight characters or more), or None."""
    m = _QUOTED.search(text)
    return m["quote"].strip(" ,.?!") if m else None


def _name_words(text: str) -> frozenset[str]:
    """The capitalised words themselves, lower-cased, without a possessive ("'s", or the
    apostrophe alone after a plural: "Darrow Looms' stock")."""
    words = re.findall(r"[\w'’.-]+", text)[1:]
    return frozenset(
        re.sub(r"['’]s?$", "", w).lower().strip(".")
        for w in words
        if w[:1].isupper() and (w.lower() not in _QUESTION_STOPS or _ACRONYM.fullmatch(w))
    )


_ACRONYM = re.compile(r"[A-Z]{2,6}")  # "IS", "UN": a name even when spelled like a stop word


# "What was the death toll of ...", "What is the number of injured ...": a count by another name.
_TOLL = re.compile(
    r"^\s*what\s+(?:(?:is|was|were)\s+the\s+(?:(?:death|casualty|injury)\s+toll|"
    r"number\s+of)|number\s+of)\b(?P<rest>.*)$",
    re.I,
)


# "How far ...", "How tall ...": a measure, answered by a sentence that states a number; the
# adjective is rarely in that sentence ("240 kilometres east of ..."), so it is no term.
_MEASURE = re.compile(
    r"^\s*how\s+(?P<adjective>far|tall|big|long|high|deep|wide|large|old|heavy|fast|"
    r"much\s+(?:money|cash)|much(?=\s+(?:is|was|were|are|did|does|do|will|would|has|have|had)\b))\b",
    re.I,
)
# "How many of the victims were juveniles?": the subset is counted by the noun it is
# predicated as ("three juveniles"), not by the group it is taken from.
_PARTITIVE = re.compile(
    r"^\s*of\s+(?:the|these|those|its|their|his|her)\b.*\b(?:were|are)\s+"
    r"(?P<noun>[a-z]+)\W*$",
    re.I,
)


def _partitive_noun(rest: str) -> str | None:
    """The plural noun a partitive "How many of the <group> were <noun>?" counts ("children":
    lemminflect's lexicon knows the plural); None when the clause ends otherwise ("were
    sold")."""
    m = _PARTITIVE.match(rest)
    if not m:
        return None
    noun = m["noun"].lower()
    return noun if noun not in getLemma(noun, upos="NOUN") else None


def _classify(rest: str, terms: tuple[str, ...], source: str | None) -> Interpretation:
    if _PERCENT.match(rest):
        kept = tuple(t for t in terms if t not in _PERCENT_WORDS)
        return Interpretation("how_many", "measure", None, kept, "percent", source)
    if measure := _MEASURE.match(rest):
        adjective = stems_of(measure["adjective"])
        kept = tuple(t for t in terms if t not in adjective)
        asked = " ".join(measure["adjective"].lower().split())
        if asked == "much":  # "How much was the bail ...?": no noun after it asks for money
            asked = "much money"
        return Interpretation("how_many", "measure", None, kept, asked, source)
    if toll := _TOLL.match(rest):
        rest = f"how many {toll['rest']}" if "number" in toll.group(0).lower() else rest
        if _KILLED.search(rest) or "toll" in toll.group(0).lower():
            kind = "injured" if re.search(r"\binjury\b", toll.group(0), re.I) else "killed"
            return Interpretation("how_many", "casualties", kind, terms, None, source)
    if m := _HOW_MANY.search(rest):
        phrase = _noun_phrase(m["rest"])
        head = phrase[-1] if phrase else None
        much = m.group(0).lower().split()[1] == "much"
        if much and head is None and _asks_money(m["rest"]):
            return Interpretation("how_many", "measure", None, terms, "much money", source)
        # The casualty verb must govern the asked noun: "How many buildings burned the night
        # six officers were injured" counts buildings, not the injured.
        clause = _main_clause(m["rest"])
        if _KILLED.search(clause):
            return Interpretation(
                "how_many", "casualties", "killed", terms, _victims(phrase), source
            )
        if _INJURED.search(clause):
            return Interpretation(
                "how_many", "casualties", "injured", terms, _victims(phrase), source
            )
        shot = _SHOT.search(m["rest"])  # "hit when shots were fired": the cue may follow
        if shot and shot.start() < len(clause):
            return Interpretation("how_many", "casualties", "shot", terms, _victims(phrase), source)
        model = next((w for w in phrase if _MODEL.fullmatch(w)), None)
        if model or any(w in EQUIPMENT_NOUNS for w in phrase):
            return Interpretation("how_many", "equipment", None, terms, model or head, source)
        first = head or _partitive_noun(m["rest"])
        copular = bool(_COPULAR.match(m["rest"].lower(), len(" ".join(phrase)) + 1))
        # "How much oil ...": an amount of a substance, told in a unit ("3 mln barrels")
        amount = "amount" if much and head is not None else None
        return Interpretation(
            "how_many", "quantities", amount, terms, first, source, copular=copular
        )
    if _WHO_SAID.search(rest):
        return Interpretation("who_said", "quotes", None, terms, None, source)
    if (held := _role_of_verb(rest, terms)) is not None:
        return Interpretation("who_role", "people", None, held[1], held[0], source)
    if (role := _role_with_clause(rest)) is not None:
        return Interpretation("who_role", "people", None, terms, role, source)
    if (m := _NAME_OF_PLACE.match(rest)) and _WHERE.match(f"which {m['noun']}"):
        return Interpretation("where", "places", None, terms, m["noun"].lower(), source)
    if m := _ADDRESS_OF.match(rest):
        noun = "address" if m["noun"].lower() == "address" else None
        kept = tuple(t for t in terms if t not in stems_of(m["noun"]))  # no article writes it
        return Interpretation("where", "places", None, kept or terms, noun, source)
    if _NAME_OF.search(rest) or (
        _WHO.search(rest) and person_role(rest) and not _WHO_IS.match(rest)
    ):
        side = "killed" if _KILLED.search(rest) else "injured" if _INJURED.search(rest) else None
        kept = tuple(t for t in terms if t not in _NAME_WORDS)  # "the name of": no article's word
        return Interpretation("who", "people", side, kept or terms, None, source)
    if (role := _possessive_role(rest)) is not None:
        return Interpretation("who_role", "people", None, terms, role, source)
    if (m := _WHO_ROLE.match(rest)) and not _participle(m["role"]):
        return Interpretation("who_role", "people", None, terms, m["role"].lower(), source)
    if m := _WHO_IS.match(rest):
        return Interpretation("who_is", "people", None, terms, m["name"], source)
    if m := _WHO_ROLE_BARE.match(rest):
        role = _role_phrase(m["role"])
        return Interpretation("who_role", "people", None, terms, role, source)
    if m := _WHERE.search(rest):
        noun = (m["noun"] or "").lower() or None
        if noun is None and _ORIGIN.match(rest):
            noun = "origin"
        return Interpretation("where", "places", None, terms, noun, source)
    if m := _WHEN.search(rest):
        # "At what time", "On what date": the precision asked for (a year answers neither)
        precision = re.search(r"\b(?:time|date|day|weekday|year)\b", m.group(0), re.I)
        word = precision.group(0).lower() if precision else None
        focus = word if word in ("time", "year") else None if word is None else "day"
        return Interpretation("when", "dates", None, terms, focus, source)
    if (m := _WHAT.match(rest)) and m["noun"].lower().split()[0] in _SUMS:
        # "What bond was the grandmother given?": a sum of money is asked
        return Interpretation("how_many", "measure", None, terms, "much money", source)
    if m := _WHAT.match(rest):
        words = m["noun"].lower().split()
        if any(w in EQUIPMENT_NOUNS for w in words):
            noun = next(w for w in words if w in EQUIPMENT_NOUNS)
            return Interpretation("what", "equipment", None, terms, noun, source)
        if role := _which_role(rest):
            return Interpretation("who_role", "people", None, terms, role, source)
        if noun := _organization_noun(rest):
            return Interpretation("what", "organizations", None, terms, noun, source)
        if words[0] in {"person", "official", "spokesman", "spokeswoman", "general", "minister"}:
            return Interpretation("who", "people", None, terms, words[0], source)
    if _WHO.search(rest):
        return Interpretation("who", "organizations", None, terms, None, source)
    return Interpretation("passage", None, None, terms, None, source)


_WHAT_PHRASE = re.compile(
    rf"^\s*{_LEADING_PREPOSITION}(?:what|which)\s+(?P<phrase>[\w.'’-]+(?:\s+[\w.'’-]+){{0,3}})",
    re.I,
)
_SPEECH = frozenset({"said", "says", "say", "told", "tells", "wants", "want", "made", "led"})


def _organization_noun(text: str) -> str | None:
    """The organization noun that heads the phrase after "which"/"what", looked for up to the
    verb: "Which circuit board maker did ..." -> maker, "Which company principally owns ..."
    -> company; None when the phrase names no kind of organization."""
    m = _WHAT_PHRASE.match(text)
    if m is None:
        return None
    nouns = []
    words = [re.sub(r"['’]s?$", "", w) for w in m["phrase"].lower().split()]
    for i, word in enumerate(words):  # "Which group's demonstrators": the possessive aside
        # A word ending like a verb ("engineering", "listed", "state-owned") right before an
        # organization noun modifies it: "Which engineering group agreed ...".
        modifier = i + 1 < len(words) and words[i + 1] in ORGANIZATION_NOUNS
        if (_PHRASE_END.match(word) or word in _SPEECH) and not modifier:
            break
        if word in ORGANIZATION_NOUNS:
            nouns.append(word)
    return nouns[-1] if nouns else None


# "Who is <Owner>'s <role> [to/of ...]?": the owner's role holder ("New Zealand's ambassador to
# <Country>", "<Name>'s agent", "<Country>'s defence minister").
_WHO_POSSESSIVE = re.compile(
    r"^\s*[Ww]ho\s+(?:is|was|are|were)\s+(?:the\s+)?(?P<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})"
    r"['’]s?\s+(?P<role>[\w\s.-]+?)\s*\??\s*$"
)
# Role nouns a question asks for beside the people lexicon's (which ingest reads with names).
_ASKED_ROLES = frozenset(
    {"agent", "lawyer", "attorney", "coach", "executive", "sheriff", "chancellor", "principal"}
    | {"superintendent", "commissioner", "treasurer", "spokesperson", "boss", "ceo", "chief"}
)


@cache
def _role_nouns() -> frozenset[str]:
    data = load_data("people")
    nouns = {n.lower() for n in data["role_nouns"]} | {t.lower() for t in data["titles"]}
    return frozenset(nouns | _ASKED_ROLES)


def _participle(role: str) -> bool:
    """ "Who was nominated for best director ...?", "Who was arrested in <Town>?": a passive
    verb where a role would stand asks for whom it happened to, not for a role's holder."""
    first = role.split()[0].lower() if role.split() else ""
    lemmas = getLemma(first, upos="VERB")
    return (
        first.endswith(("ed", "en"))
        and bool(lemmas)
        and first not in lemmas
        and first not in (_role_nouns())
    )


def _possessive_role(text: str) -> str | None:
    """The role asked for by "Who is <Owner>'s <role> ...?", up to a preposition ("ambassador
    to <Country>" -> ambassador), when its last word is a role noun; else None."""
    m = _WHO_POSSESSIVE.match(text)
    if m is None:
        return None
    words = []
    for word in m["role"].lower().split():
        if word in {"of", "to", "for", "at", "in", "on", "with"}:
            break
        words.append(word)
    return " ".join(words) if words and words[-1] in _role_nouns() else None


# "Who is the <Org> spokeswoman who said ...?": a role holder picked out by what they did.
_WHO_ROLE_CLAUSE = re.compile(
    r"^\s*who\s+(?:is|was)\s+(?:the|a|an)\s+(?P<role>[\w'’.-]+(?:\s+[\w'’.-]+){0,4}?)\s+"
    r"(?:who|that)\s",
    re.I,
)


def _role_with_clause(text: str) -> str | None:
    """The role of "Who is the <role> who ...?" when it ends in a role noun; else None."""
    m = _WHO_ROLE_CLAUSE.match(text)
    if m is None or m["role"].lower().split()[-1] not in _role_nouns():
        return None
    return m["role"].lower()


def _which_role(text: str) -> str | None:
    """ "Which <Org> official said ...": the role phrase after "which", up to the verb, when it
    ends in a role noun (a person is asked for, not the body named before it); else None."""
    m = _WHAT_PHRASE.match(text)
    if m is None:
        return None
    words: list[str] = []
    for word in m["phrase"].lower().split():
        if _PHRASE_END.match(word) or word in _SPEECH:
            break
        words.append(re.sub(r"['’]s?$", "", word))
    if len(words) < 2 or words[-1] not in _role_nouns() or words[-1] in ORGANIZATION_NOUNS:
        return None
    return " ".join(words)


def _role_phrase(text: str) -> str:
    """The role asked for, up to a participle or a preposition: "WPD spokesperson quoted about
    the fire" -> "wpd spokesperson"."""
    words: list[str] = []
    for word in text.lower().split():
        if words and _PHRASE_END.match(word):
            break
        words.append(word)
    return " ".join(words)


_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "these"})
_RATE_WORDS = frozenset({"a", "an", "per", "each"})


def _noun_phrase(text: str) -> list[str]:
    """The words after "how many" up to the verb: "Islamic State supply routes were" -> 4 words;
    a word before a determiner is a verb, not the noun ("firemen fought the fire")."""
    words: list[str] = []
    found = re.findall(r"[\w'’-]+", text.lower())[:7]
    for i, word in enumerate(found[:6]):
        if _KILLED.fullmatch(word) or _INJURED.fullmatch(word):
            break
        if words and word in _RATE_WORDS:
            break  # "dollars a share", "miles per hour": the noun is before the rate
        if _PHRASE_END.match(word) and not (not words and _modifier(word, found[i + 1 : i + 3])):
            break
        if words and found[i + 1 : i + 2] and found[i + 1] in _DETERMINERS:
            break
        if words and _plural_noun(words[-1]) and _base_verb(word):
            break  # "How many men face charges": a verb's base form after a plural noun
        words.append(word)
    return words


def _plural_noun(word: str) -> bool:
    """A plural noun in lemminflect's lexicon ("men", "officers"), or "people"."""
    return word == "people" or any(lemma != word for lemma in getLemma(word, upos="NOUN"))


def _base_verb(word: str) -> bool:
    """A verb in its base form that is no plural noun ("face", "attend"; not "charges")."""
    lemmas = getAllLemmas(word)
    return word in lemmas.get("VERB", ()) and word in lemmas.get("NOUN", (word,))


# Words that open a clause with its own subject and verb after the asked noun's clause: "when",
# "while", "as", "because", "where", "the night (that)", "the day"...
_SUBORDINATE = re.compile(
    r"\b(?:when|while|whereas|because|where|as|the\s+(?:night|day|morning|evening|week|year))\s+"
    r"(?!(?:a\s+)?(?:result|well)\b)",
    re.I,
)


# After the asked noun: "were on/in/at/aboard ...", "are there", "does the hotel have", and the
# verbs of composition, which say no more than "are in" ("make up", "comprise", "form").
_COPULAR = re.compile(
    r"\s*(?:(?:make|makes|made)\s+up\b|(?:comprise|comprises|comprised|constitute|constitutes|"
    r"constituted|form|forms|formed)\s+(?:the|a|an)\b|"
    r"(?:were|was|are|is|will\s+be|had\s+been|have\s+been)\s+(?:there\s+)?"
    r"(?:in|on|at|aboard|inside|among|involved|present|there|near|under|onboard)\b|"
    r"(?:has|have|had)\b|(?:do|does|did|will|would)\s+(?:[\w'’.-]+\s+){1,6}?(?:have|has)\b)"
)


# "... face charges over the killing of ...", "... were arrested in the shooting death of ...":
# a casualty noun after a preposition and a determiner names the event the count is about, not
# what happened to the counted people (the casualty verb "were killed" still counts them).
_EVENT_NOUN = r"(?:killings?|deaths?|murders?|slayings?|homicides?|shootings?)"
_EVENT_ADJUNCT = re.compile(
    r"\b(?:over|for|in|after|following|of|about|behind|into|during)\s+"
    r"(?:the|a|an|his|her|their|its|this|that|last\s+\w+'s)\s+(?:[\w'’-]+\s+){0,3}?"
    rf"{_EVENT_NOUN}(?:\s+{_EVENT_NOUN})*\b",
    re.I,
)


def _main_clause(rest: str) -> str:
    """The words after "how many" up to a subordinate clause ("... the night six officers were
    injured"), whose verb does not govern the asked noun, without the phrases that name the
    event by a casualty noun ("over the fatal shooting of ...")."""
    m = _SUBORDINATE.search(rest)
    clause = rest[: m.start()] if m else rest
    return _EVENT_ADJUNCT.sub(" ", clause)


def _modifier(word: str, following: list[str]) -> bool:
    """Whether a first word in "-ed" or "-ing" modifies the noun after it ("manned checkpoints
    are", "striking workers were"): a noun follows it, then a word that ends the phrase."""
    if not re.fullmatch(r"\w+(?:ed|ing)", word) or len(following) < 2:
        return False
    noun, after = following
    return (
        not _PHRASE_END.match(noun) and noun not in _DETERMINERS and bool(_PHRASE_END.match(after))
    )


def _victims(phrase: list[str]) -> str | None:
    """The victims noun of the phrase after "how many" ("Syrian soldiers" -> soldiers)."""
    words = [w for w in phrase if w != "people"]
    return words[-1] if words else None


def _named_source(text: str) -> tuple[str | None, str]:
    """A source the question names ("according to SOHR"), canonical, and the rest of it."""
    if m := _ACCORDING.search(text):
        words = m["source"].split()
        # Longest prefix of the named words that is a known organization.
        for end in range(len(words), 0, -1):
            org = canonical_organization(" ".join(words[:end]))
            if org is not None:
                return org.name, (text[: m.start()] + text[m.end() :]).strip()
    return None, text


def _asked_sayer(text: str) -> tuple[str | None, str]:
    """The sayer of a casualty figure the question asks of ("How many soldiers did the Syrian
    military say were killed?"; canonical when the lexicon knows the body, else as written) and
    the question without it; ``(None, text)`` for other questions: only casualty figures are
    stored with whom they are attributed to."""
    m = _DID_SAY.search(text)
    if m is None or not re.match(r"\s*how\s+many\b", text, re.I):
        return None, text
    rest = " ".join((text[: m.start()] + text[m.end() :]).split())
    if _classify(rest, content_terms(rest), None).field != "casualties":
        return None, text
    org = canonical_organization(m["source"])
    return (org.name if org else m["source"]), rest
