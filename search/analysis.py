"""The text analyzer shared by indexing, querying and highlighting.

Lower-case, accent folding ("Aleppo" ~ "Alép"), hyphens and apostrophes split ("Deir ez-Zor" ->
deir, ez, zor; "al-Tharda" -> al, tharda), English stop words dropped and Porter stemming.
"""

from __future__ import annotations

from functools import lru_cache

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.support.charset import accent_map

# Word characters only: punctuation, hyphens and apostrophes all separate tokens.
TOKEN_PATTERN = r"\w+"


@lru_cache(maxsize=1)
def passage_analyzer() -> Analyzer:
    """The analyzer for passage text (built once; Whoosh analyzers are reusable)."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(minsize=1)
        | StemFilter(cachesize=50000)
    )
