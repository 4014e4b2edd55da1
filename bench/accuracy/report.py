"""``bench/ACCURACY.md``: the measurements as Markdown, with what each one means."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bench.accuracy.qa import Line, Outcome
from bench.accuracy.tally import Ratio

UNGROUNDED_EXAMPLES = 20

DEFINITIONS = """\
**Stated** (`bench/accuracy/stated.py`). Gold describes the incident, not the article, so
extraction is scored where the article states the gold value:
- a casualty figure of a kind is a number (digits, or a number word one..twenty) in the same
  clause (a syntok sentence cut at `; : — ( )`) as a casualty word of that kind, within six
  words, and nearer to it than to a word of the other kind; ages, times, dates, years, street
  numbers, hyphenated names ("AR-15") and numbers with a unit ("three shots") are not figures.
  "A/an … man/woman/teen/…" or "the victim" next to a casualty word states 1 ("a man was shot
  and killed"). Killed words: kill, dead, die, death, fatal(ly), murder, slain, lives. Injured
  words: injure, wound, hurt, hospitalised, and "shot" in a clause without a killed word ("shot
  and killed", "fatally shot" are killed). Zero is never counted as stated. Checked by hand on
  30 random clauses the rule calls stating a gold figure: 28 do (the two others state it only
  loosely: a count far from its wound noun, and two victims named without a number);
- the gold of a kind is `{killed, victims_killed}` (or injured): a figure with or without the
  suspects is accepted;
- a date is stated when "Month D" (AP abbreviations too) occurs, or its weekday occurs and the
  article was published 0–6 days later, or "yesterday"/"today" resolves to it;
- a participant name, city, neighbourhood or state is stated when it occurs verbatim.

**Casualty scores.** A fact *has* a number when its `stated` value, its `min` or its `max`
equals it, or it lies inside a closed `[min, max]`. Recall: the share of (article, kind) pairs
stating the gold in which some fact of that kind has a gold value. Precision against incident
gold is ill-defined where an article also states other figures (roundups, other incidents,
partial counts), so the **primary precision** is taken on *single-figure articles*: the gold
is stated and every figure of that kind the article states (by the rule above) is a gold value;
there any fact with another value is wrong (an age, a time, a shifted hedge, a wrong kind).
*Strict* is the same share on every stated article; *loose* also accepts a fact whose number is
a figure of that kind the article states; *within ±1* accepts a gold value ±1 (early counts).
"Gold 0" is the share of zero-gold articles with a fact of that kind (roundups may be right).

**People, dates, places.** A participant is found when a people fact has the same name
(case and spacing aside); *loose* also takes a fact holding the name ("Det. Ana Ruiz"), the same
first and last word, or the surname alone. Suspects are GVA's "Subject-Suspect"; victims the
rest. People facts that name a participant are a lower bound on precision (officers, relatives
and officials are right too). The incident date is found when a date fact with role `event`
(recall, any role: when any date fact) has its ISO day; precision is the share of event-role
day facts on that day (follow-ups and arraignments make it a lower bound). A GVA city
("City (Neighbourhood)" split, "X (county)" read as "X County") is found when a place fact's
name or canonical name equals it; place precision is not measured (articles name many places),
but city facts resolved outside the US are counted as a sign of gazetteer confusion.

**Grounded.** Every distinctive word of the name (not generic: ministry, defense, police,
department, office, army, national, military, force, government, agency, council, committee,
command, general, service, authority, bureau; nor a function word) occurs in the article, a
nationality and its country grounding each other (`corpus/facts/grounding.py`).

**Questions.** `/ask`'s top answer is right when its text (or, for strings, its value) states
an accepted value — a number as digits or a number word, a string case-insensitively — and it
carries citations that all slice their article exactly; an abstain question is right only when
the service abstains. Held-out: `md5(id) % 3 == 0`. The BM25 baseline ORs the question's words
into `/search` and is right when the top passage's sentence with most highlights (or the whole
passage, last column) states an accepted value; it never abstains."""


@dataclass
class Report:
    """Everything one run measured."""

    header: list[str]
    casualties: dict[str, list[tuple[str, Ratio]]] = field(default_factory=dict)
    people: list[tuple[str, Ratio]] = field(default_factory=list)
    dates: list[tuple[str, Ratio]] = field(default_factory=list)
    places: list[tuple[str, Ratio]] = field(default_factory=list)
    grounding: dict[str, dict[str, tuple[Ratio, Counter[str]]]] = field(default_factory=dict)
    slicing: Ratio = field(default_factory=Ratio)
    samples: list[tuple[str, Ratio, Ratio]] = field(default_factory=list)
    qa_tables: list[tuple[str, list[Line]]] = field(default_factory=list)
    citations: Ratio = field(default_factory=Ratio)
    own: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    timing: list[str] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    own_outcomes: list[Outcome] | None = None
    counting_outcomes: list[dict[str, Any]] = field(default_factory=list)


def _share(outcomes: list[Outcome]) -> Ratio:
    ratio = Ratio()
    for outcome in outcomes:
        ratio.add(outcome.right)
    return ratio


def targets(report: Report) -> list[list[str]]:
    """The issues' targets beside what this run measured."""
    rows = []
    for kind, measured in report.casualties.items():
        values = dict(measured)
        rows.append([f"{kind}: recall (stated) ≥ 0.90", str(values["**recall**, stated"])])
        rows.append(
            [f"{kind}: precision ≥ 0.95", str(values["**precision**, single-figure articles"])]
        )
    news = report.grounding.get("news-dev", {})
    ungrounded = sum(
        sum(counts.values()) for kind, (_, counts) in news.items() if kind != "quote speakers"
    )
    rows.append(["news-dev: 0 ungrounded organization names or attributions", str(ungrounded)])
    rows.append(["news-dev questions ≥ 0.80 right", str(_share(report.outcomes))])
    abstain = [o for o in report.outcomes if o.type == "abstain"]
    rows.append(["news-dev abstain questions ≥ 0.90 right", str(_share(abstain))])
    if report.own_outcomes is not None:
        held = [o for o in report.own_outcomes if o.split == "held-out"]
        rows.append(["own questions, held-out part ≥ 0.80 right", str(_share(held))])
    return rows


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _ratio_table(rows: list[tuple[str, Ratio]]) -> list[str]:
    return _table(["measure", "value"], [[label, str(r)] for label, r in rows])


def qa_table(lines: list[Line], label: str) -> list[str]:
    """A QA table: /ask, the two baselines, abstentions and the event's article cited."""
    head = [
        label,
        "/ask right",
        "BM25 sentence",
        "BM25 passage",
        "/ask abstained (answerable)",
        "top answer cites the event's article",
    ]
    return _table(
        head,
        [
            [
                ln.label,
                str(ln.ask),
                str(ln.baseline_sentence),
                str(ln.baseline_passage),
                str(ln.abstained),
                str(ln.cited_evidence),
            ]
            for ln in lines
        ],
    )


def render(report: Report) -> str:
    """The Markdown report."""
    out = ["# Accuracy on real news (`make accuracy`)", "", *report.header, ""]
    out += ["## Targets (issues 9 and 10)", "", *_table(["target", "now"], targets(report)), ""]
    out += ["## How it is measured", "", DEFINITIONS, ""]
    out += ["## 1. Extraction on news-dev", "", "### Casualties", ""]
    kinds = list(report.casualties)
    if kinds:
        labels = [label for label, _ in report.casualties[kinds[0]]]
        rows = [
            [label, *(str(dict(report.casualties[k])[label]) for k in kinds)] for label in labels
        ]
        out += _table(["measure", *kinds], rows)
    out += ["", "### People (GVA participants named verbatim)", "", *_ratio_table(report.people)]
    out += ["", "### Dates (the incident date)", "", *_ratio_table(report.dates)]
    out += ["", "### Places (GVA city, neighbourhood, state)", "", *_ratio_table(report.places)]
    out += ["", "### Organization names and attributions grounded in their article", ""]
    rows = []
    for corpus in sorted(report.grounding):
        for kind, (ratio, ungrounded) in sorted(report.grounding[corpus].items()):
            rows.append([corpus, kind, str(ratio), str(sum(ungrounded.values()))])
    out += _table(["corpus", "names", "grounded", "ungrounded"], rows)
    for corpus in sorted(report.grounding):
        merged: Counter[str] = Counter()
        for _, ungrounded in report.grounding[corpus].values():
            merged.update(ungrounded)
        if merged:
            examples = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))
            shown = ", ".join(f"{name} ({n})" for name, n in examples[:UNGROUNDED_EXAMPLES])
            out += ["", f"Ungrounded in {corpus} ({len(merged)} distinct): {shown}"]
    out += ["", f"Facts whose span or sentence does not slice the stored text: {report.slicing}"]
    out += ["", "### The five samples (gold tables in `tests/corpus/gold`)", ""]
    out += _table(
        ["field", "precision", "recall"], [[f, str(p), str(r)] for f, p, r in report.samples]
    )
    out += ["", "## 2. Question answering"]
    for title, lines in report.qa_tables:
        out += ["", f"### {title}", "", *qa_table(lines, "type")]
    out += ["", f"Citations (every answer) that do not slice their article: {report.citations}"]
    out += ["", "### The team's own questions", "", *report.own]
    if report.events:
        out += ["", "## 3. Events across articles (issue 16)", "", *report.events]
    out += ["", "## Time", "", *report.timing, ""]
    return "\n".join(out)
