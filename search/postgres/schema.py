"""The passage tables of the PostgreSQL backend, created beside the corpus tables.

``passage`` holds each passage's text, offsets and ``tsvector`` (with a GIN index), plus the
article's filter keys (publisher key, date): articles are never edited, so they cannot drift.
Rows reference ``article`` with ON DELETE CASCADE, so no passage outlives its article.
``passage_word`` is the indexed vocabulary that prefix, wildcard and fuzzy terms expand over
(as Whoosh expands over its lexicon); words are added, never removed, so a word whose passages
were all deleted still expands, to a term that matches nothing. ``passage_generation`` counts
writes, for caches keyed on the index (``PassageBackend.generation``) in every process.
"""

from __future__ import annotations

from sqlalchemy import Connection

DDL = (
    """
    CREATE TABLE IF NOT EXISTS passage (
        article_id integer NOT NULL REFERENCES article (id) ON DELETE CASCADE,
        start integer NOT NULL,
        "end" integer NOT NULL,
        text text NOT NULL,
        tokens tsvector NOT NULL,
        source_key text,
        published date,
        PRIMARY KEY (article_id, start)
    )
    """,
    "CREATE INDEX IF NOT EXISTS passage_tokens ON passage USING gin (tokens)",
    'CREATE TABLE IF NOT EXISTS passage_word (word text COLLATE "C" PRIMARY KEY)',
    """
    CREATE TABLE IF NOT EXISTS passage_generation (
        id integer PRIMARY KEY CHECK (id = 1),
        value bigint NOT NULL
    )
    """,
    "INSERT INTO passage_generation VALUES (1, 0) ON CONFLICT (id) DO NOTHING",
)

# The relations whose size ``PostgresIndex.table_bytes`` reports (tables with their indexes).
RELATIONS = ("passage", "passage_word")


def create_passage_tables(connection: Connection) -> None:
    """Create the passage tables and index if they do not exist (the corpus tables first)."""
    # Two processes starting at once would race on CREATE ... IF NOT EXISTS (a unique
    # violation in the catalog): a transaction-level advisory lock makes them take turns.
    connection.exec_driver_sql("SELECT pg_advisory_xact_lock(hashtext('factdesk.passage'))")
    for statement in DDL:
        connection.exec_driver_sql(statement)
