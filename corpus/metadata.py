"""Metadata sniffing: title, source, publication date and language read from the text itself.

Constructions recognised near the top of an article (first ~15 lines):
- a dateline ``(Newswire.net — September 18, 2016)`` -> source and date;
- a first line ``date 2016-09-17 ...`` -> date (the rest of the line is the title);
- a byline ``Par Middle East Eye`` / ``By Reuters`` -> source;
- a site header ``Section | Publisher`` and a title line ``Title | PUBLISHER ...``;
- a crawled page title that carries the site (``split_site_title``): ``Headline - WAFF-TV: News,
  Weather and Sports for Huntsville, AL``, ``Headline | Fox 8``, ``Headline - KWWL - Eastern Iowa
  Breaking News``, ``Headline : Times Argus Online`` -> the headline as title, the site as source;
- a Markdown heading ``# Headline`` -> title;
- a body dateline ``NAIROBI, April 28, 2024 —`` (date), ``BUCKSPORT, SC (WBTW) –`` and
  ``(Reuters) -`` (source); a byline ``By Jane Doe, Reuters`` or ``By JANE DOE Associated Press``
  names the agency after the writer;
- a line ``Site.tld, 18 septembre 2016`` or a line that is only a date -> date.
A date inside a photo caption (after ``Caption:``, or in a line credited to an agency) is never
the publication date. Dates are parsed by dateparser, in any of its languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import dateparser

_HEAD_LINES = 15
_HEAD_CHARS = 4000  # the header lives at the top; never scan a whole long article
_LANGUAGE_CHARS = 2000  # enough text to identify a language, at a fraction of the cost
_MAX_TITLE = 160

_DATELINE = re.compile(
    r"^\s*\(\s*(?P<source>[^()\n—–]{2,60}?)\s*[—–-]+\s*(?P<date>[^()\n]{6,40}?)\s*\)"
)
_DATE_PREFIX = re.compile(r"^\s*date[:\s]+(?P<date>\d{4}-\d{2}-\d{2})\b\s*(?P<rest>.*)$", re.I)
_BYLINE = re.compile(r"^\s*(?:by|par|por|von|di|door)\s+(?P<source>.{2,80})$", re.I)
# The writer before the agency: "Jane Doe, Reuters" (a comma), "JANE DOE Associated Press" (case).
_WRITER_COMMA = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+,\s*(?P<agency>[A-Z].{1,60})$")
_WRITER_CAPS = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+\s+){1,3}[A-Z][A-Z'’-]+\s+(?P<agency>[A-Z][a-z].{1,60})$"
)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# A body line opening with a dateline: "NAIROBI, April 28, 2024 — ", "BUCKSPORT, SC (WBTW) – ",
# "(Reuters) - ", "WASHINGTON (AP) — ".
_BODY_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’ -]{1,40}?)(?:,\s*[A-Z][A-Za-z.]{1,14}(?:\s[A-Z][a-z.]+)?)?)?"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s\d{1,2},?\s\d{4}))?"
    r"\s*(?:\((?P<source>[^()\n]{2,40})\))?\s*[—–-]{1,2}\s+\S"
)
# Where a crawled title ends and the site's name begins.
_SITE_SEPARATOR = re.compile(r"\s+(?:[-|–—:«»~•]|::)\s+|\n\s*-\s+")
# What names a site rather than continues a headline: a domain, a US station call sign, media
# nouns, network names.
_SITE_MARKS = re.compile(
    r"(?:\b[\w-]+\.(?:com|net|org|tv|us|co\.uk)\b|\b[KW][A-Z]{2,3}\d{0,2}(?:-(?:TV|FM|AM|DT))?\b|"
    r"(?:\b|\d)(?:News|Newspaper|Weather|Sports|TV|Television|Channel|Radio|Online|Times|Post|Journal|"
    r"Herald|Tribune|Gazette|Daily|Press|Report|Magazine|Network|Chronicle|Courier|Observer|"
    r"Star|Sun|Register|Record|Bulletin|Dispatch|Examiner|Inquirer|Patch|Reuters|AP|CNN|NBC|"
    r"CBS|ABC|FOX|Fox|Eyewitness|Action|NewsChannel|Breaking)\b)"
)
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|tv|us|co\.uk)\b", re.I)
_SITE_TAGLINE = re.compile(r"\s*(?::|\s-\s|\s\|\s|,)\s*")
_SITE_DATE = re.compile(r"^\s*(?P<source>[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,6}),\s*(?P<date>.{6,40})$")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_CAPTION = re.compile(r"^\s*(caption|photo|image|file photo)\b", re.I)
_AGENCY_CREDIT = re.compile(r"(\(AFP\)|\bREUTERS\b|\(AP\)|via REUTERS|/AFP|Getty Images)\s*$")
_DATE_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@dataclass(frozen=True, slots=True)
class Metadata:
    """What could be read from the text; every field may be None."""

    title: str | None = None
    source: str | None = None
    published: date | None = None
    language: str | None = None


def sniff_metadata(text: str, *, header: bool = True, language: bool = True) -> Metadata:
    """Read title, source, publication date (``header``) and ``language`` from an article's
    own text; a client that sent them spares the work."""
    detected = sniff_language(text) if language else None
    if not header:
        return Metadata(language=detected)
    head = _head_lines(text[:_HEAD_CHARS].split("\n"))
    source, published, title = None, None, None

    for index, line in head:
        plain = _MARKDOWN_HEADING.sub("", _MARKDOWN_LINK.sub(r"\1", line).strip())
        if index == head[0][0] and (m := _DATE_PREFIX.match(plain)):
            published = published or parse_date(m["date"])
            title = title or _clean_title(m["rest"])
            continue
        if (m := _DATELINE.match(plain)) and (parsed := parse_date(m["date"])) is not None:
            published = published or parsed
            source = source or m["source"].strip()
            continue
        if m := _BYLINE.match(plain):
            source = source or _byline_source(m["source"].strip())
            continue
        if (
            index != head[0][0]
            and (m := _BODY_DATELINE.match(plain))
            and (m["date"] or m["source"])
        ):
            published = published or (parse_date(m["date"]) if m["date"] else None)
            source = source or (m["source"].strip() if m["source"] else None)
            continue
        if (m := _SITE_DATE.match(plain)) and (parsed := parse_date(m["date"])) is not None:
            published = published or parsed
            source = source or m["source"]
            continue
        if title is None and index == head[0][0]:
            headline, site = split_site_title(plain)
            if site is not None:
                title, source = _clean_title(headline), source or site
                continue
        if "|" in plain:
            left, _, right = (part.strip() for part in plain.partition("|"))
            if source and right.lower().startswith(source.lower()):
                title = title or _clean_title(left)  # "Title | PUBLISHER English Archive"
            elif not source and len(right) <= 40:
                source = right  # a site header "Section | Publisher"
            elif not title and len(left.split()) >= 4:
                title = _clean_title(left)
            continue
        if published is None and len(plain) <= 40 and (parsed := parse_date(plain)):
            published = parsed
            continue
        if title is None and _looks_like_title(plain):
            title = _clean_title(plain)

    if title is None:
        title = _first_sentence_title(text)
    return Metadata(title=title, source=source, published=published, language=detected)


def split_site_title(title: str) -> tuple[str, str | None]:
    """A crawled page title split into the headline and the site's name, when it carries one:
    "Two hurt in crash - KXYZ-TV: News and Weather" -> ("Two hurt in crash", "KXYZ-TV")."""
    for sep in _SITE_SEPARATOR.finditer(title):
        headline, rest = title[: sep.start()].strip(), title[sep.end() :].strip(" |-–—:")
        if len(headline.split()) < 3 or not rest or not _SITE_MARKS.search(rest):
            continue
        if len(rest.split()) > 16 or (rest.endswith((".", "?", "!")) and not _DOMAIN.search(rest)):
            continue  # a second sentence, not a site
        return headline, _site_name(rest)
    return title, None


def _site_name(suffix: str) -> str:
    if domain := _DOMAIN.search(suffix):
        return domain.group()
    return _SITE_TAGLINE.split(suffix, maxsplit=1)[0].strip() or suffix


def _byline_source(byline: str) -> str:
    """The agency a byline names after its writer, else the byline ("By Reuters")."""
    for pattern in (_WRITER_COMMA, _WRITER_CAPS):
        if m := pattern.match(byline):
            return m["agency"].strip()
    return byline


def _head_lines(lines: list[str]) -> list[tuple[int, str]]:
    """The first non-empty lines, skipping photo captions and agency-credited lines."""
    out: list[tuple[int, str]] = []
    in_caption = False
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if _CAPTION.match(line):
            in_caption = True
            continue
        if in_caption or _AGENCY_CREDIT.search(line):
            # The caption is the paragraph after "Caption:"; one paragraph, then prose resumes.
            in_caption = False
            continue
        out.append((index, line))
        if len(out) >= _HEAD_LINES:
            break
    return out


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 25
        and len(line) <= _MAX_TITLE
        and not line.rstrip().endswith((".", ":", ";", ","))
        and sum(w[:1].isupper() for w in words) >= len(words) / 2
    )


def _clean_title(title: str) -> str | None:
    title = re.sub(r"\s+", " ", title).strip(" -—–|")
    return title[:_MAX_TITLE] or None


def _first_sentence_title(text: str) -> str | None:
    from corpus.spans import sentences  # deferred: syntok is only needed for this fallback

    for sentence in sentences(text):
        plain = _MARKDOWN_LINK.sub(r"\1", _DATELINE.sub("", sentence.text)).strip(" —–-")
        if len(plain.split()) >= 4:
            if len(plain) <= 100:
                return plain.rstrip(".")
            return plain[:100].rsplit(" ", 1)[0] + "…"
    return None


@lru_cache(maxsize=1024)
def parse_date(value: str) -> date | None:
    """Parse a complete calendar date in any language dateparser knows; None if incomplete."""
    value = value.strip()
    if not value or not any(ch.isdigit() for ch in value):
        return None
    parsed = dateparser.parse(value, settings=_DATE_SETTINGS)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def sniff_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), or None for very short text."""
    if len(text.strip()) < 20:
        return None
    import py3langid  # deferred: loading its model takes a moment

    language, _score = py3langid.classify(text[:_LANGUAGE_CHARS])
    return str(language)
