"""The team's own question sets over real articles of several kinds (issues 9 and 10).

Files in ``bench/questions/``, one JSON object a line, one file per corpus:

- ``samples.jsonl``: questions over ``corpus/samples/`` (the repository's own text), stored as
  plain text: ``{"id", "q", "expect", "type", "split", "article", "pinned"}``.
- ``news-dev.jsonl`` (``/work/shared/data/news-dev``) and ``abc-lee.jsonl``, ``reuters.jsonl``,
  ``newspaper4k.jsonl`` (``bench/realtext.py``): those texts may not be redistributed, and their
  questions name their people and places, so a row stores *references* resolved at load time:
  ``q`` is a template whose ``{0}``, ``{1}``... are filled with the article's text at ``slots``
  (``[start, end]`` str offsets); the accepted answers are the article's text at
  ``expect_spans``, the numbers in ``expect_numbers``, and the date ``expect_date`` says
  (``{"days_before_published": k}`` for "Saturday" or "yesterday", or ``{"span": [s, e]}`` for a
  written date), spelled the ways an answer may give it. ``check`` is the first 8 hex digits of
  the SHA-1 of the slot and span texts joined by U+001F: a row whose article changed is skipped,
  not answered wrongly.

Every question is answerable from its article (read by hand), unambiguous in its corpus, or of
type ``abstain`` (the corpora do not hold the answer; its ``article`` only lends slot text, and
``article_id`` is None). ``split`` is ``"test"`` for hash-split rows whose id's SHA-1, read as
a number, is divisible by 3 (about a third of each corpus, and a row keeps its split when rows are
added), fixed in the files: answerer work never tunes on those. Rows whose id has a ``d``
before its number (``lee-d01``) were written later, from articles no other row used, as more
development evidence once the held-out part had been measured: they are all ``"dev"``, and the
held-out part stays the hash-split rows.

``load_questions()`` returns ``{"id", "q", "expect", "type", "split", "corpus", "article_id",
"pinned"}`` for every row whose article is available; ``article_id`` is the corpus id (a sample's
file name without ``.txt``, a news-dev id, a realtext id) and ``pinned`` marks questions that
name an event by place and date.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import dateparser

from bench import realtext

log = logging.getLogger(__name__)

QUESTIONS_DIR = Path(__file__).with_name("questions")
REF_CORPORA = ("news-dev", "abc-lee", "reuters", "newspaper4k")

Question = dict[str, Any]

# AP style, as US papers write dates ("Sept. 11"); months of five letters or fewer stay whole.
_AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}


def news_dev_dir() -> Path | None:
    """The news-dev folder, from ``NEWS_DEV_DIR`` or beside the checkout; None when absent."""
    env = os.environ.get("NEWS_DEV_DIR")
    repo = Path(__file__).resolve().parent.parent
    beside = [repo.parent / "shared" / "data" / "news-dev", Path("/work/shared/data/news-dev")]
    for folder in [Path(env)] if env else beside:
        if (folder / "articles.jsonl").exists():
            return folder
    return None


def load_articles(*, fetch: bool = True) -> dict[str, dict[str, dict[str, Any]]]:
    """The articles questions refer to, as ``{corpus: {article id: article}}``."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    folder = news_dev_dir()
    if folder is not None:
        with (folder / "articles.jsonl").open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        out["news-dev"] = {row["id"]: row for row in rows}
    for name, items in realtext.load_corpora(fetch=fetch).items():
        out[name] = {str(item["id"]): item for item in items}
    return out


def read_rows(corpus: str) -> list[dict[str, Any]]:
    """The stored rows of one corpus's question file, unresolved."""
    path = QUESTIONS_DIR / f"{corpus}.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_questions(
    *, articles: dict[str, dict[str, dict[str, Any]]] | None = None, fetch: bool = True
) -> list[Question]:
    """Every question whose article is available, references filled in."""
    if articles is None:
        articles = load_articles(fetch=fetch)
    out = [_sample_question(row) for row in read_rows("samples")]
    for corpus in REF_CORPORA:
        texts = articles.get(corpus)
        if not texts:
            continue
        for row in read_rows(corpus):
            question = resolve(row, corpus, texts.get(row["article"]))
            if question is not None:
                out.append(question)
    return out


def _sample_question(row: dict[str, Any]) -> Question:
    abstain = row["type"] == "abstain"
    return {
        "id": row["id"],
        "q": row["q"],
        "expect": [] if abstain else list(row["expect"]),
        "type": row["type"],
        "split": row["split"],
        "corpus": "samples",
        "article_id": None if abstain else row["article"],
        "pinned": bool(row.get("pinned")),
    }


def check_digest(texts: list[str]) -> str:
    """The drift check of a row: SHA-1 of its slot and span texts, first 8 hex digits."""
    return hashlib.sha1("\x1f".join(texts).encode("utf-8")).hexdigest()[:8]


def resolve(row: dict[str, Any], corpus: str, article: dict[str, Any] | None) -> Question | None:
    """One reference row filled in from its article; None when absent or changed."""
    if article is None:
        return None
    text: str = article["text"]
    slots = [text[s:e] for s, e in row.get("slots", [])]
    spans = [text[s:e] for s, e in row.get("expect_spans", [])]
    when = row.get("expect_date") or {}
    date_span = [text[s:e] for s, e in [when["span"]]] if "span" in when else []
    if check_digest(slots + spans + date_span) != row["check"]:
        log.warning("own_questions: %s: article %s changed; row skipped", row["id"], row["article"])
        return None
    expect: list[Any] = [*spans, *row.get("expect_numbers", [])]
    if when:
        published = article.get("published")
        day = _expected_date(when, date_span, published)
        if day is None:
            log.warning("own_questions: %s: no date to expect; row skipped", row["id"])
            return None
        # Without a publication date a written "October 2" has no known year: no ISO form.
        with_year = bool(published) or bool(re.search(r"\d{4}", "".join(date_span)))
        forms = date_forms(day, with_year=with_year)
        expect.extend(form for form in forms if form not in expect)
    abstain = row["type"] == "abstain"
    return {
        "id": row["id"],
        "q": row["q"].format(*slots),
        "expect": [] if abstain else expect,
        "type": row["type"],
        "split": row["split"],
        "corpus": corpus,
        "article_id": None if abstain else row["article"],
        "pinned": bool(row.get("pinned")),
    }


def _expected_date(
    when: dict[str, Any], date_span: list[str], published: str | None
) -> date | None:
    base = date.fromisoformat(published[:10]) if published else None
    if "days_before_published" in when:
        return base - timedelta(days=int(when["days_before_published"])) if base else None
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime.combine(base, datetime.min.time())
    parsed = dateparser.parse(date_span[0], languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def date_forms(day: date, *, with_year: bool = True) -> list[str]:
    """The ways an answer may state a date: ISO, "September 3", "3 September", "Sept. 3"."""
    month = day.strftime("%B")
    forms = [day.isoformat()] if with_year else []
    forms += [f"{month} {day.day}", f"{day.day} {month}"]
    ap = _AP_MONTHS.get(day.month)
    if ap:
        forms.append(f"{ap} {day.day}")
    return forms
