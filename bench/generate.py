"""A deterministic generator of news-like articles for benchmarks.

Articles follow the sentence shapes of ``corpus/samples`` (datelines, casualty sentences in many
constructions, quantities, equipment, titled people, places with spelling variants, quotes) and
fill the rest with words drawn from a Zipfian vocabulary of several thousand types, so term
statistics look like news. The same seed and size always give the same JSON Lines file.

    python -m bench.generate --articles 2000 --output bench/work/corpus-2000.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from bench import lexicon as lx

SEED = 20160917
VERSION = 1  # bump whenever the output for a seed changes; corpus file names carry it
VOCABULARY_SIZE = 8000
ZIPF_EXPONENT = 1.1
ZIPF_OFFSET = 12  # Zipf-Mandelbrot: flattens the head as in real news vocabularies
MIN_CHARS, MAX_CHARS = 1000, 8000

_FUNCTION_WORDS = (
    ("the", 60), ("of", 30), ("and", 28), ("to", 26), ("in", 24), ("a", 20), ("that", 10),
    ("on", 10), ("for", 9), ("with", 7), ("was", 7), ("as", 6), ("by", 6), ("at", 5),
    ("from", 5), ("it", 5), ("which", 4), ("has", 4), ("had", 4), ("were", 4), ("after", 3),
    ("its", 3), ("their", 3), ("but", 3), ("over", 2), ("near", 2), ("since", 2), ("while", 2),
)  # fmt: skip
_ONSETS = ("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh",
           "kh", "gr", "tr", "st", "br", "dr", "qu", "ch")  # fmt: skip
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou", "ia", "ea")
_CODAS = ("", "", "", "n", "r", "s", "l", "t", "m", "nd", "st")
_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_HEDGES = (("", 10), ("at least ", 5), ("up to ", 2), ("more than ", 3), ("over ", 2),
           ("as many as ", 1), ("nearly ", 1), ("around ", 1), ("about ", 1),
           ("some ", 1))  # fmt: skip


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """One article as the benchmark posts it to ``POST /articles/batch``."""

    text: str
    title: str
    source: str
    published: str
    url: str


class Vocabulary:
    """Real news words then pseudo-words, sampled with Zipf weights (rank r ~ 1/(r+q)^s)."""

    def __init__(self, rng: random.Random, size: int = VOCABULARY_SIZE) -> None:
        words = list(dict.fromkeys(lx.NEWS_WORDS.split()))
        seen = set(words)
        while len(words) < size:
            word = _pseudo_word(rng)
            if word not in seen:
                seen.add(word)
                words.append(word)
        head, tail = words[:40], words[40:]
        rng.shuffle(tail)  # real words stay frequent but interleave with invented ones
        self.words = head + tail
        weights = [(rank + ZIPF_OFFSET) ** -ZIPF_EXPONENT for rank in range(1, len(self.words) + 1)]
        self._cum = list(itertools.accumulate(weights))
        self._function = [w for w, _ in _FUNCTION_WORDS]
        self._function_cum = list(itertools.accumulate(n for _, n in _FUNCTION_WORDS))

    def content(self, rng: random.Random, k: int = 1) -> list[str]:
        """``k`` content words drawn with Zipf weights."""
        return rng.choices(self.words, cum_weights=self._cum, k=k)

    def function(self, rng: random.Random) -> str:
        """A function word, weighted as in English prose."""
        return rng.choices(self._function, cum_weights=self._function_cum, k=1)[0]


def _pseudo_word(rng: random.Random) -> str:
    syllables = rng.choices((1, 2, 3, 4), weights=(1, 5, 4, 1), k=1)[0]
    parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)]
    return "".join(parts) + rng.choice(_CODAS)


def number_words(n: int) -> str:
    """English words for 0 <= n < 1000 ("sixty-two", "a hundred and five")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    head = "a hundred" if hundreds == 1 else f"{_ONES[hundreds]} hundred"
    return head + (f" and {number_words(rest)}" if rest else "")


class ArticleWriter:
    """Writes one article at a time from a seeded ``random.Random``."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.vocab = Vocabulary(self.rng)
        self._places = list(lx.PLACES.values())
        self._shapes: list[tuple[Callable[[], str], int]] = [
            (self.filler, 36), (self.casualty, 16), (self.quantity, 9), (self.equipment, 7),
            (self.person, 9), (self.quote, 12), (self.context, 11),
        ]  # fmt: skip

    # -- building blocks ---------------------------------------------------------------------

    def pick(self, options: tuple[str, ...] | list[str]) -> str:
        """One item, uniformly."""
        return self.rng.choice(options)

    def place(self) -> str:
        """A place, in one of its spellings."""
        spellings: tuple[str, ...] = self.rng.choice(self._places)
        return self.rng.choice(spellings)

    def person(self) -> str:
        """A sentence about a titled person (or the titled name itself when asked by others)."""
        who = self.titled_name()
        what = " ".join(self.vocab.content(self.rng, 3))
        return self.pick((
            f"{who} said the {what} would continue near {self.place()}.",
            f"{self.pick(lx.COUNTRIES)}'s {who.lower() if who[0].islower() else who} was unsure if "
            f"the {what} was the result of a misunderstanding.",
            f"Speaking in {self.place()}, {who} called for {self.filler_words(6)}.",
            f"{who} met {self.titled_name()} on {self.pick(lx.WEEKDAYS)} to discuss {what}.",
        ))  # fmt: skip

    def titled_name(self) -> str:
        """``Major-General Igor Konashenkov`` and the like."""
        name = f"{self.pick(lx.FIRST_NAMES)} {self.pick(lx.LAST_NAMES)}"
        title = self.pick(lx.TITLES)
        return f"{title} {name}" if title[0].isupper() else f"{name}, a {title},"

    def number(self, low: int, high: int) -> str:
        """A count as digits (mostly), with thousands separators, or in words."""
        n = int(self.rng.paretovariate(1.2) * low)
        n = min(max(n, low), high)
        if n < 1000 and self.rng.random() < 0.2:
            return number_words(n)
        return f"{n:,}"

    def filler_words(self, count: int) -> str:
        """Prose-like words: function words interleaved with Zipf-sampled content words."""
        out = []
        for _ in range(count):
            if self.rng.random() < 0.42:
                out.append(self.vocab.function(self.rng))
            else:
                out.append(self.vocab.content(self.rng)[0])
        return " ".join(out)

    # -- sentence shapes ---------------------------------------------------------------------

    def filler(self) -> str:
        """A sentence of Zipfian prose, sometimes naming a place or a country."""
        words = self.filler_words(self.rng.randint(9, 30)).split()
        if self.rng.random() < 0.35:
            words.insert(self.rng.randrange(len(words)), self.place())
        if self.rng.random() < 0.25:
            words.insert(self.rng.randrange(len(words)), self.pick(lx.COUNTRIES))
        if len(words) > 12 and self.rng.random() < 0.4:
            words[self.rng.randrange(3, len(words) - 3)] += ","
        sentence = " ".join(words)
        return sentence[0].upper() + sentence[1:] + "."

    def casualty(self) -> str:
        """A casualty sentence: active, passive, hedged, in words, as a range, or as a toll."""
        rng, victims, where = self.rng, self.pick(lx.VICTIMS), f"near {self.place()}"
        hedge = rng.choices([h for h, _ in _HEDGES], weights=[w for _, w in _HEDGES])[0]
        n1, n2 = self.number(2, 900), self.number(5, 2000)
        agent = self.pick(lx.AGENTS)
        org = self.pick(lx.ORGANISATIONS)
        day = f"on {self.pick(lx.WEEKDAYS)}"
        low = rng.randint(3, 60)
        shapes = (
            f"{agent.capitalize()} killed {hedge}{n1} {victims} {where} {day}.",
            f"{agent.capitalize()} killed {hedge}{n1} {victims} and wounded {n2} others {where}.",
            f"{agent.capitalize()} hit {where}, killing {n1} and wounding {hedge}{n2} {victims}.",
            f"{_cap(hedge + n1)} {victims} were killed {where} {day}, {org} said.",
            f"{_cap(hedge + n1)} {victims} were killed and {n2} injured in {agent} {where}.",
            f"The death toll rose to {n1} {victims}, according to {org}.",
            f"{_cap(org)} said between {low} and {low + rng.randint(5, 90)} {victims} were killed.",
            f"{agent.capitalize()} killed {low} to {low + rng.randint(5, 90)} {victims}, "
            f"injuring {n2}.",
            f"{_cap(hedge + n1)} {victims} died {where} after {agent}.",
            f"{agent.capitalize()} left {n1} {victims} dead and {n2} wounded.",
            f"Dozens of {victims} were killed in {agent} that struck {where}.",
            f"{_cap(org)} said {agent} was reportedly killing as many as {n1} {victims} and "
            f"wounding a hundred more.",
            f"{_cap(n1)} {victims} were reported missing and {n2} displaced {where}.",
            f"Police said {n1} {victims} were arrested {day} in {self.place()}.",
        )
        return self.pick(shapes)

    def quantity(self) -> str:
        """Aid, money, distance and munition counts."""
        aid, place = self.pick(lx.AID), self.place()
        return self.pick((
            f"{_cap(self.pick(lx.ORGANISATIONS))} said {self.number(3, 400)} trucks carrying "
            f"{aid} reached {place}.",
            f"Up to {self.number(1000, 500000)} people are besieged in {place}.",
            f"The convoy delivered {self.number(5, 3000)} tonnes of {aid} to {place}.",
            f"{self.pick(lx.COUNTRIES)} pledged ${self.rng.randint(1, 900)}."
            f"{self.rng.randint(0, 9)} million in {aid} for {place}.",
            f"About {self.number(100, 90000)} families have been displaced since "
            f"{self.pick(lx.MONTHS)}.",
            f"The base lies {self.rng.randint(2, 180)} kilometres from {place}.",
            f"{_cap(self.number(4, 600))} rockets were fired at {place} overnight.",
        ))  # fmt: skip

    def equipment(self) -> str:
        """Aircraft, drones, tanks and missiles in context."""
        a, b = self.pick(lx.EQUIPMENT), self.pick(lx.EQUIPMENT)
        count = self.pick(("two", "four", "several", "three", "six", "a dozen"))
        return self.pick((
            f"{_cap(self.pick(lx.ORGANISATIONS))} said two {a} and two {b} entered from the "
            f"territory of {self.pick(lx.COUNTRIES)} and bombed positions near {self.place()}.",
            f"The strike was carried out by {count} {a} and {b}, it said.",
            f"{self.pick(lx.COUNTRIES)} has deployed {count} {a} to {self.place()}.",
            f"Footage showed {a} moving towards {self.place()} on {self.pick(lx.WEEKDAYS)}.",
        ))  # fmt: skip

    def quote(self) -> str:
        """A quote with its speaker, in English or French quotation marks."""
        said = self.filler().rstrip(".")
        who = self.titled_name().rstrip(",")
        return self.pick((
            f"“{said},” {who} said.",
            f"“{said},” {who} told {self.pick(lx.SOURCES)}.",
            f"{who} said: “{said}.”",
            f"« {said}, » a {self.pick(lx.COUNTRIES)} army statement said.",
        ))  # fmt: skip

    def context(self) -> str:
        """Dates and background: what happened when, and who accused whom."""
        day, month = self.rng.randint(1, 28), self.pick(lx.MONTHS)
        year = self.rng.randint(2011, 2024)
        return self.pick((
            f"The ceasefire signed on {day} {month} {year} has been broken repeatedly.",
            f"Since {month} {year}, {self.filler_words(8)}.",
            f"{self.pick(lx.COUNTRIES)} accused {self.pick(lx.COUNTRIES)} of violating the truce "
            f"on {month} {day}, {year}.",
            f"Earlier on {self.pick(lx.WEEKDAYS)}, {self.pick(lx.ORGANISATIONS)} confirmed a "
            f"report that {self.filler_words(7)}.",
        ))  # fmt: skip

    # -- articles ----------------------------------------------------------------------------

    def paragraph(self) -> str:
        """Sentences of mixed shapes up to a length budget (a few paragraphs run long)."""
        funcs, weights = zip(*self._shapes, strict=True)
        budget = self.rng.randint(220, 580)
        limit = 1200 if self.rng.random() < 0.1 else 600
        sentences: list[str] = []
        length = 0
        while length < budget:
            sentence = self.rng.choices(funcs, weights=weights)[0]()
            if sentences and length + len(sentence) + 1 > limit:
                break
            sentences.append(sentence)
            length += len(sentence) + 1
        return " ".join(sentences)

    def article(self, number: int, target_chars: int | None = None) -> GeneratedArticle:
        """Article ``number``: a dateline or header, a casualty lead, then body paragraphs."""
        rng = self.rng
        target = target_chars or min(MAX_CHARS, max(MIN_CHARS, int(rng.lognormvariate(7.2, 0.5))))
        published = date(2014, 1, 1) + timedelta(days=rng.randrange(11 * 365))
        source, place = self.pick(lx.SOURCES), self.place()
        title = f"{_cap(self.pick(lx.AGENTS))} kills {self.number(2, 300)} {self.pick(lx.VICTIMS)}"
        title += f" in {place}"
        lead = self.casualty() + " " + self.filler()
        header, lead = self._header(title, source, place, published, lead)
        sep = "\n" if rng.random() < 0.3 else "\n\n"
        paragraphs = [lead]
        length = len(header) + len(lead)
        while length < target:
            para = self.paragraph()
            if rng.random() < 0.04:
                para = f"{self.pick(lx.SOURCES)} reports:"
            if length + len(para) > MAX_CHARS - 200:
                break
            paragraphs.append(para)
            length += len(para) + len(sep)
        text = header + sep.join(paragraphs)
        slug = "-".join(title.lower().split()[:6])
        url = f"https://news{number % 17}.example/{published.year}/{slug}-{number}"
        return GeneratedArticle(text, title, source, published.isoformat(), url)

    def _header(
        self, title: str, source: str, place: str, published: date, lead: str
    ) -> tuple[str, str]:
        long_date = f"{lx.MONTHS[published.month - 1]} {published.day}, {published.year}"
        form = self.rng.choices(range(5), weights=(4, 3, 2, 1, 2))[0]
        if form == 0:
            return "", f"({source} — {long_date}) — {lead}"
        if form == 1:
            month_day = f"{lx.MONTHS[published.month - 1]} {published.day}"
            return "", f"{place.upper()}, {month_day} ({source}) - {lead}"
        if form == 2:
            return f" date {published.isoformat()} {title}\n\n", lead
        if form == 3:
            day_first = f"{published.day} {lx.MONTHS[published.month - 1]} {published.year}"
            return f"{title}\n\nBy {source}\n\n{day_first}\n\n", lead
        return f"{title}\n\n", lead


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def generate(count: int, seed: int = SEED) -> Iterator[GeneratedArticle]:
    """The first ``count`` articles for ``seed``; a smaller count is a prefix of a larger one."""
    writer = ArticleWriter(seed)
    for number in range(count):
        yield writer.article(number)


def sized_articles(count: int, chars: int, seed: int = SEED + 1) -> list[str]:
    """``count`` article texts of about ``chars`` characters (for extraction timing)."""
    writer = ArticleWriter(seed)
    return [writer.article(n, target_chars=chars).text for n in range(count)]


def corpus_path(directory: Path, count: int, seed: int = SEED) -> Path:
    """Where the corpus of ``count`` articles lives, written on first use."""
    path = directory / f"corpus-v{VERSION}-s{seed}-{count}.jsonl"
    if not path.exists():
        write_corpus(path, count, seed)
    return path


def write_corpus(path: Path, count: int, seed: int = SEED) -> None:
    """Write ``count`` articles as JSON Lines (atomically: a partial file is never left)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        for article in generate(count, seed):
            out.write(json.dumps(asdict(article), ensure_ascii=False) + "\n")
    partial.replace(path)


def read_corpus(path: Path) -> list[GeneratedArticle]:
    """Articles from a JSON Lines file written by ``write_corpus``."""
    with path.open(encoding="utf-8") as lines:
        return [GeneratedArticle(**json.loads(line)) for line in lines if line.strip()]


def main() -> None:
    """Command line: write a corpus file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    write_corpus(args.output, args.articles, args.seed)
    print(f"wrote {args.articles} articles to {args.output}")


if __name__ == "__main__":
    main()
