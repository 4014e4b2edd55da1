"""Real news text of other kinds than US shootings, fetched at run time from package registries.

The machine reaches no web site, only package registries, so the texts come from packages that
ship real news as test data. None of the texts is committed to this repository: each stays its
publisher's copyright and is fetched into a cache (``$FACTDESK_BENCH_CACHE`` or
``~/.cache/factdesk-bench/``) by the registry's own client. Versions are pinned so that offsets
into the texts (``bench/own_questions.py``) stay valid; the question rows carry a hash that
detects drift anyway.

Sources (``load_corpora()`` keys):

- ``abc-lee``: the Lee corpus (Lee, Pincombe & Welsh 2005), 343 distinct Australian Broadcasting
  Corporation news-mail stories of late 2001 and early 2002: bushfires, the war in Afghanistan,
  Israel and the Palestinian territories, Australian politics, business, accidents, sport. Shipped
  as test data in the gensim wheel (``gensim/test/test_data/lee_background.cor`` and
  ``lee.cor``, one story a line; gensim is LGPL-2.1, the texts are ABC's). No headline, no date.
- ``reuters``: Reuters-21578 (1987) and one RCV1 (1996) wire story, shipped in Debian's
  ``r-cran-tm`` (``tm/texts``): 50 acquisitions, 20 crude-oil and 10 commodity stories.
  Reuters and Carnegie Group allow Reuters-21578's distribution for research purposes only.
- ``newspaper4k``: the English news pages the newspaper4k sdist ships as test data (CNN, Time,
  Wired, Yonhap, FOX 13, 2013-2023: politics, a winter storm, climate, Gaza, Korea), as that
  package's expected extracted text with its metadata JSON (MIT code; texts are the publishers').

Each article is ``{"id", "title", "text", "published", "source", "url"}``; ``published`` is an
ISO date or None. When a registry cannot be reached the source is left out, never an error.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

log = logging.getLogger(__name__)

Article = dict[str, str | None]

GENSIM = "gensim==4.4.0"
NEWSPAPER4K = "newspaper4k==0.9.6"
R_CRAN_TM = "r-cran-tm"
# A registry that does not answer must not hang a benchmark run.
FETCH_TIMEOUT_S = 600

# newspaper4k's English news pages (its other test pages are non-English, or not news).
NEWSPAPER4K_PAGES = (
    "cnn_001",
    "cnn_002",
    "cnn_article",
    "cnn_test_nlp",
    "fox13now_001",
    "time_001",
    "wired_001",
    "yna_co_kr",
)


def cache_dir() -> Path:
    """The folder fetched packages and extracted corpora are kept in."""
    env = os.environ.get("FACTDESK_BENCH_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "factdesk-bench"


def load_corpora(names: list[str] | None = None, *, fetch: bool = True) -> dict[str, list[Article]]:
    """Every source that could be fetched (or is cached), as ``{name: [article, ...]}``.

    With ``fetch=False`` only what is already cached is returned (tests reach no registry).
    """
    root = cache_dir()
    out: dict[str, list[Article]] = {}
    for name, build in SOURCES.items():
        if names is not None and name not in names:
            continue
        articles = _cached(root, name, build if fetch else None)
        if articles:
            out[name] = articles
    return out


def _cached(root: Path, name: str, build: Callable[[Path], list[Article]] | None) -> list[Article]:
    """A source's articles from the cache, fetching and extracting them on first use."""
    path = root / f"{name}.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    if build is None:
        return []
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=root) as tmp:
            articles = build(Path(tmp))
    except (
        OSError,
        subprocess.SubprocessError,
        ValueError,
        KeyError,
        zipfile.BadZipFile,
        tarfile.TarError,
        ElementTree.ParseError,
    ) as exc:
        log.warning("realtext: %s unavailable (%s)", name, exc)
        return []
    if not articles:
        return []
    part = path.with_suffix(".part")
    with part.open("w", encoding="utf-8") as fh:
        for article in articles:
            fh.write(json.dumps(article, ensure_ascii=False) + "\n")
    part.replace(path)
    return articles


def _run(cmd: list[str], cwd: Path) -> bool:
    """Run a registry client; False (logged) when it fails or times out."""
    try:
        done = subprocess.run(
            cmd, cwd=cwd, capture_output=True, text=True, timeout=FETCH_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("realtext: %s failed: %s", cmd[0], exc)
        return False
    if done.returncode != 0:
        log.warning("realtext: %s failed: %s", " ".join(cmd), done.stderr.strip()[-300:])
    return done.returncode == 0


def _pip_download(spec: str, dest: Path, *, wheel: bool) -> Path | None:
    """Download one distribution (no dependencies) with pip; its path, or None."""
    # An sdist is wanted for its test data only: build tools may still come as wheels.
    name = re.split(r"[=<>!~ ]", spec, maxsplit=1)[0]
    kind = ["--only-binary", ":all:"] if wheel else ["--no-binary", name]
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", *kind]
    if not _run([*cmd, spec, "-d", str(dest)], dest):
        return None
    files = sorted(p for p in dest.iterdir() if p.is_file())
    return files[0] if files else None


# --- abc-lee -------------------------------------------------------------------------------


def _build_lee(tmp: Path) -> list[Article]:
    wheel = _pip_download(GENSIM, tmp, wheel=True)
    if wheel is None:
        return []
    out: list[Article] = []
    seen: set[str] = set()
    with zipfile.ZipFile(wheel) as zf:
        for member, prefix in (
            ("gensim/test/test_data/lee_background.cor", "lee-bg"),
            ("gensim/test/test_data/lee.cor", "lee-50"),
        ):
            # The files are Latin-1 (pound signs), not UTF-8.
            lines = zf.read(member).decode("latin-1").splitlines()
            stories = [line.strip() for line in lines if line.strip()]
            for i, text in enumerate(stories, 1):
                # A few stories of the 50-story set repeat background stories.
                if text in seen:
                    continue
                seen.add(text)
                out.append(
                    _article(f"{prefix}-{i:03d}", None, text, None, "ABC (Lee corpus)", None)
                )
    return out


# --- reuters -------------------------------------------------------------------------------

_REUTER_SIGN = re.compile(r"\s*\bReuter\s*$", re.IGNORECASE)


def _build_reuters(tmp: Path) -> list[Article]:
    if shutil.which("apt-get") is None or shutil.which("dpkg-deb") is None:
        return []
    if not _run(["apt-get", "download", R_CRAN_TM], tmp):
        return []
    debs = sorted(tmp.glob("*.deb"))
    if not debs:
        return []
    root = tmp / "x"
    if not _run(["dpkg-deb", "-x", str(debs[0]), str(root)], tmp):
        return []
    texts = next(root.glob("usr/lib/R/site-library/tm/texts"), None)
    if texts is None:
        return []
    seen: set[str] = set()
    out: list[Article] = []
    files = [
        *sorted(texts.glob("acq/*.xml")),
        *sorted(texts.glob("crude/*.xml")),
        texts / "reuters-21578.xml",
    ]
    for path in files:
        tree = ElementTree.parse(path).getroot()
        for node in [tree] if tree.tag == "REUTERS" else tree.iter("REUTERS"):
            article = _reuters_21578(node)
            if article and article["id"] not in seen:
                seen.add(str(article["id"]))
                out.append(article)
    rcv1 = texts / "rcv1_2330.xml"
    if rcv1.exists():
        out.append(_rcv1(ElementTree.parse(rcv1).getroot()))
    return out


def _reuters_21578(node: ElementTree.Element) -> Article | None:
    """One Reuters-21578 story: headline, blank line, dateline and body, wrapped lines joined."""
    body = node.findtext("TEXT/BODY")
    if not body:
        return None
    title = " ".join((node.findtext("TEXT/TITLE") or "").split())
    dateline = " ".join((node.findtext("TEXT/DATELINE") or "").split())
    # Paragraphs start with an indent; lines inside one are hard-wrapped at ~65 characters.
    paras = [" ".join(p.split()) for p in re.split(r"\n\s{3,}", body)]
    paras = [p for p in paras if p]
    if paras:
        paras[-1] = _REUTER_SIGN.sub("", paras[-1])
    lead = f"{dateline} {paras[0]}" if dateline and paras else (paras[0] if paras else "")
    text = "\n".join([title, "", lead, *paras[1:]]).strip()
    stamp = (node.findtext("DATE") or "").strip()
    day = stamp.split()[0] if stamp else ""
    published = datetime.strptime(day, "%d-%b-%Y").date().isoformat() if day else None
    return _article(f"reuters-{node.get('NEWID')}", title or None, text, published, "Reuters", None)


def _rcv1(node: ElementTree.Element) -> Article:
    """The RCV1 story: headline, blank line, dateline and paragraphs."""
    title = " ".join((node.findtext("headline") or "").split())
    dateline = " ".join((node.findtext("dateline") or "").split())
    paras = [" ".join("".join(p.itertext()).split()) for p in node.iter("p")]
    if dateline and paras:
        paras[0] = f"{dateline} - {paras[0]}"
    text = "\n".join([title, "", *paras])
    return _article(
        f"rcv1-{node.get('itemid')}", title or None, text, node.get("date"), "Reuters", None
    )


# --- newspaper4k ---------------------------------------------------------------------------


def _build_newspaper4k(tmp: Path) -> list[Article]:
    sdist = _pip_download(NEWSPAPER4K, tmp, wheel=False)
    if sdist is None:
        return []
    out: list[Article] = []
    with tarfile.open(sdist) as tf:
        members = {m.name.split("/", 1)[-1]: m for m in tf.getmembers() if m.isfile()}

        def read(name: str) -> str:
            fh = tf.extractfile(members[name])
            return fh.read().decode("utf-8") if fh else ""

        for page in NEWSPAPER4K_PAGES:
            text = read(f"tests/data/txt/{page}.txt").strip()
            meta = json.loads(read(f"tests/data/metadata/{page}.json"))
            stamp = meta.get("publish_date")
            published = str(stamp)[:10] if stamp else None
            title = meta.get("title") or None
            url = meta.get("url") or None
            host = re.sub(r"^www\.", "", url.split("/")[2]) if url else None
            out.append(_article(f"np4k-{page}", title, text, published, host, url))
    return out


def _article(
    id_: str,
    title: str | None,
    text: str,
    published: str | None,
    source: str | None,
    url: str | None,
) -> Article:
    # The service stores CRLF and CR as LF; store the same so offsets agree with it.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return {
        "id": id_,
        "title": title,
        "text": text,
        "published": published,
        "source": source,
        "url": url,
    }


SOURCES: dict[str, Callable[[Path], list[Article]]] = {
    "abc-lee": _build_lee,
    "reuters": _build_reuters,
    "newspaper4k": _build_newspaper4k,
}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    for corpus, items in load_corpora().items():
        print(f"{corpus}: {len(items)} articles, {sum(len(a['text'] or '') for a in items)} chars")
