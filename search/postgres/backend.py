"""``PostgresIndex``: the passage backend whose passages live in the database itself.

Writes either run in a transaction of their own (startup repair, rebuilds) or join the
caller's (``in_transaction``): ingestion and deletion write passages through the session that
writes the article rows, so both commit, or roll back, together: there is no moment at which
the index and the database disagree, in this process or in any other sharing the database.

Reads rank with ``ts_rank_cd`` (cover density, divided by 1 + log of the passage's length),
ties by article id then passage start, as the Whoosh backend orders them. Highlights are
computed by factdesk (``search.highlight``) from the query's positive terms: exact character
offsets, never ``ts_headline`` markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from corpus.errors import Overloaded
from corpus.passages import split_passages
from corpus.spans import Span
from corpus.tables import Article
from search.highlight import highlight_passage
from search.postgres.schema import RELATIONS, create_passage_tables
from search.postgres.tsquery import EVERYTHING, NOTHING, TsQuery, Vocabulary, to_tsquery
from search.postgres.vectors import passage_vector, quote_lexeme
from search.query import parse_query
from search.types import Hit, Passage, SearchFilters, SearchPage
from search.whoosh.index import SEARCH_SECONDS, passage_schema, source_key

_T = TypeVar("_T")
_COLUMNS = ("article_id", "start", "end", "text", "tokens", "source_key", "published")
# The rank: cover density over the passage's length (1 + log(words)), as BM25 also favours
# the shorter of two passages with the same matches.
_RANK = "ts_rank_cd(p.tokens, CAST(:q AS tsquery), 1)"


class PostgresIndex:
    """Passages in PostgreSQL tables (``search.postgres.schema``), searched with a GIN index."""

    def __init__(self, engine: Engine) -> None:
        if engine.dialect.name != "postgresql":
            raise ValueError(
                "the postgres search backend needs a PostgreSQL database "
                f"(FACTDESK_DATABASE_URL); got {engine.dialect.name}"
            )
        self._engine = engine
        self._schema = passage_schema()
        # Reads take one round trip: no BEGIN/COMMIT, no ping; the budget and read-only mode
        # are set once per connection.
        timeout = int(SEARCH_SECONDS * 1000)
        self._reader = create_engine(
            engine.url,
            isolation_level="AUTOCOMMIT",
            pool_size=8,
            pool_recycle=600,
            connect_args={
                "options": f"-c statement_timeout={timeout} -c default_transaction_read_only=on"
            },
        )

    @classmethod
    def open(cls, engine: Engine) -> PostgresIndex:
        """The backend on ``engine``'s database, creating its tables if they do not exist."""
        index = cls(engine)
        with engine.begin() as connection:
            create_passage_tables(connection)
        return index

    # -- writes -------------------------------------------------------------------------------

    def in_transaction(self, session: Session) -> PassageWriter:
        """Writes that go through ``session``'s transaction and commit with its rows."""
        return PassageWriter(session.connection)

    def add_articles(self, articles: Sequence[Article]) -> int:
        """Index every passage of ``articles`` in one commit; return the passage count."""
        with self._engine.begin() as connection:
            return PassageWriter(lambda: connection).add_articles(articles)

    def add_passages(self, items: Iterable[tuple[Article, Sequence[Span]]]) -> int:
        """Index the given passages of each article in one commit."""
        with self._engine.begin() as connection:
            return PassageWriter(lambda: connection).add_passages(items)

    def delete_articles(self, article_ids: Iterable[int]) -> None:
        """Remove every passage of the given articles in one commit."""
        with self._engine.begin() as connection:
            PassageWriter(lambda: connection).delete_articles(article_ids)

    def rebuild(self, articles: Iterable[Article]) -> int:
        """Replace every passage with those of ``articles`` in one transaction (readers see
        the old passages until it commits)."""
        with self._engine.begin() as connection:
            connection.exec_driver_sql("DELETE FROM passage")
            return PassageWriter(lambda: connection).add_articles_lazily(articles)

    # -- reads --------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int,
        offset: int = 0,
        filters: SearchFilters | None = None,
        count_limit: int | None = None,
    ) -> SearchPage:
        """Passages matching ``query``, best first, ties by article id then passage start,
        with highlights and the exact total.

        ``count_limit`` is accepted and the total is still exact (``"eq"``): ordering by rank
        visits every match anyway, so the page and the count come from one statement."""
        parsed = parse_query(query, self._schema)

        def run(connection: Connection) -> tuple[TsQuery, Sequence[Any], int]:
            translated = to_tsquery(parsed, Vocabulary(connection, self._schema))
            if translated.match is NOTHING:
                return translated, [], 0
            where, params = _where(translated.match, filters)
            sql = _ranked_sql(where, translated.match, page=True, total=True)
            rows = connection.execute(text(sql), {**params, "limit": limit, "offset": offset})
            found = rows.all()
            if found:
                return translated, found, int(found[0].total)
            total = _count(connection, where, params) if offset else 0  # past the last page
            return translated, found, total

        translated, rows, total = self._read(run)
        hits = tuple(_hit(row, translated.terms) for row in rows)
        return SearchPage(
            query=query,
            total=total,
            hits=hits,
            next_offset=offset + limit if offset + limit < total else None,
        )

    def iter_search(
        self, query: str, *, filters: SearchFilters | None = None, highlights: bool = True
    ) -> Iterator[Hit]:
        """Every passage matching ``query`` in ``search`` order, fetched from a server-side
        cursor (in a transaction of its own, without the search time budget) as the iterator
        advances."""
        parsed = parse_query(query, self._schema)
        with self._engine.connect() as connection, connection.begin():
            translated = to_tsquery(parsed, Vocabulary(connection, self._schema))
            if translated.match is NOTHING:
                return
            where, params = _where(translated.match, filters)
            streaming = connection.execution_options(stream_results=True, yield_per=500)
            sql = _ranked_sql(where, translated.match, page=False, total=False)
            terms = translated.terms if highlights else frozenset()
            for row in streaming.execute(text(sql), params):
                yield _hit(row, terms)

    def top_passages(self, terms: Sequence[str], k: int) -> list[Hit]:
        """The ``k`` best passages for an OR of analyzed ``terms``, ranked as ``search`` ranks
        that OR; no total, no highlights."""
        words = sorted({str(term) for term in terms})
        if not words or k <= 0:
            return []
        match = " | ".join(quote_lexeme(word) for word in words)
        where, params = _where(match, None)
        sql = text(_ranked_sql(where, match, page=True, total=False))
        rows = self._read(
            lambda connection: connection.execute(sql, {**params, "limit": k, "offset": 0}).all()
        )
        return [_hit(row, frozenset()) for row in rows]

    def article_ids(self) -> set[int]:
        """Ids of the articles that have passages."""
        rows = self._read(
            lambda connection: connection.exec_driver_sql(
                "SELECT DISTINCT article_id FROM passage"
            ).all()
        )
        return {int(article_id) for (article_id,) in rows}

    @property
    def generation(self) -> int:
        """A counter every write advances in its own transaction (seen by every process)."""
        value = self._read(
            lambda connection: connection.exec_driver_sql(
                "SELECT value FROM passage_generation"
            ).scalar()
        )
        return int(value or 0)

    @property
    def passage_count(self) -> int:
        """How many passages are stored."""
        return int(
            self._read(
                lambda connection: connection.exec_driver_sql(
                    "SELECT count(*) FROM passage"
                ).scalar_one()
            )
        )

    def table_bytes(self) -> int:
        """Bytes on disk of the passage tables with their indexes and TOAST."""
        sizes = " + ".join(f"pg_total_relation_size('{name}')" for name in RELATIONS)
        return int(self._read(lambda c: c.exec_driver_sql(f"SELECT {sizes}").scalar_one()))

    def close(self) -> None:
        """Close the read connections (the writing engine belongs to the caller)."""
        self._reader.dispose()

    def _read(self, work: Callable[[Connection], _T]) -> _T:
        """Run ``work`` on a read connection: autocommit and read-only, each statement bounded
        by ``SEARCH_SECONDS`` (a 503 past it, as on the Whoosh backend). Connections are not
        pinged before use (a round trip per search): one the server dropped is retried once on
        a new connection."""
        for attempt in (1, 2):
            try:
                with self._reader.connect() as connection:
                    return work(connection)
            except DBAPIError as exc:
                if exc.connection_invalidated and attempt == 1:
                    continue
                if getattr(exc.orig, "sqlstate", None) == "57014":  # query_canceled
                    raise Overloaded(
                        f"The search ran past its {SEARCH_SECONDS:g} s budget; retry later or "
                        "narrow it.",
                        retry_after=int(SEARCH_SECONDS),
                    ) from None
                raise
        raise AssertionError("unreachable")


class PassageWriter:
    """Passage writes on one connection, inside whatever transaction it is in; the caller
    commits. ``connection`` is called at each write, so a session's connection is taken only
    once it is needed (and is the one its rows are written on)."""

    def __init__(self, connection: Callable[[], Connection]) -> None:
        self._connection = connection

    def add_articles(self, articles: Sequence[Article]) -> int:
        """Write every passage of ``articles``; return the passage count."""
        return self.add_articles_lazily(articles)

    def add_articles_lazily(self, articles: Iterable[Article]) -> int:
        """``add_articles`` over an iterable read as it is written (a rebuild's)."""
        return self.add_passages((article, split_passages(article.text)) for article in articles)

    def add_passages(self, items: Iterable[tuple[Article, Sequence[Span]]]) -> int:
        """Write the given passages of each article (COPY, in chunks as ``items`` is read) and
        their new words; return the passage count."""
        count, words, rows = 0, set[str](), list[tuple[Any, ...]]()
        for article, spans in items:
            assert article.id is not None, "articles are indexed after they have an id"
            key = source_key(article.source) if article.source else None
            for span in spans:
                literal, found = passage_vector(span.text)
                words |= found
                rows.append((article.id, span.start, span.end, span.text, literal, key,
                             article.published))  # fmt: skip
            if len(rows) >= _COPY_ROWS:
                count += self._copy(rows)
                rows = []
        count += self._copy(rows)
        connection = self._connection()
        if words:
            # One statement in word order, so concurrent writers lock shared new words in the
            # same order (no deadlock) and each waits at most for one commit.
            connection.execute(
                text(
                    "INSERT INTO passage_word SELECT w FROM unnest(CAST(:words AS text[])) AS w "
                    "ORDER BY w ON CONFLICT (word) DO NOTHING"
                ),
                {"words": sorted(words)},
            )
        _advance_generation(connection)
        return count

    def delete_articles(self, article_ids: Iterable[int]) -> None:
        """Delete every passage of the given articles."""
        ids = sorted({int(article_id) for article_id in article_ids})
        if not ids:
            return
        connection = self._connection()
        connection.execute(
            text("DELETE FROM passage WHERE article_id = ANY(CAST(:ids AS integer[]))"),
            {"ids": ids},
        )
        _advance_generation(connection)

    def _copy(self, rows: list[tuple[Any, ...]]) -> int:
        if not rows:
            return 0
        raw: Any = self._connection().connection.dbapi_connection  # psycopg's, for COPY
        columns = ", ".join(f'"{name}"' for name in _COLUMNS)
        with raw.cursor() as cursor, cursor.copy(f"COPY passage ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return len(rows)


_COPY_ROWS = 2000


def _advance_generation(connection: Connection) -> None:
    connection.exec_driver_sql("UPDATE passage_generation SET value = value + 1 WHERE id = 1")


def _where(match: Any, filters: SearchFilters | None) -> tuple[str, dict[str, Any]]:
    clauses, params = [], {}
    if match is not EVERYTHING:
        clauses.append("p.tokens @@ CAST(:q AS tsquery)")
        params["q"] = match
    if filters is not None:
        if filters.source:
            clauses.append("p.source_key = :source_key")
            params["source_key"] = source_key(filters.source)
        if filters.since:
            clauses.append("p.published >= :since")
            params["since"] = filters.since
        if filters.until:
            clauses.append("p.published <= :until")
            params["until"] = filters.until
    return (" AND ".join(clauses) or "TRUE"), params


def _ranked_sql(where: str, match: Any, *, page: bool, total: bool) -> str:
    """Matching passages with their article's title, source and date, best first; ``total``
    adds the number of matches to every row.

    A page (LIMIT/OFFSET) ranks only keys and scores, then reads the page's passage texts and
    articles by primary key: carrying every match's text through the sort cost a third of a
    common word's search."""
    score = "0.0::real" if match is EVERYTHING else _RANK
    counted = ", count(*) OVER () AS total" if total else ""
    order = "ORDER BY score DESC, p.article_id, p.start"
    if not page:
        return (
            'SELECT p.article_id, p.start, p."end", p.text, a.title, a.source, a.published, '
            f"{score} AS score{counted} FROM passage p JOIN article a ON a.id = p.article_id "
            f"WHERE {where} {order}"
        )
    return (
        'SELECT r.*, p."end", p.text, a.title, a.source, a.published FROM ('
        f"SELECT p.article_id, p.start, {score} AS score{counted} FROM passage p "
        f"WHERE {where} {order} LIMIT :limit OFFSET :offset"
        ") r JOIN passage p ON p.article_id = r.article_id AND p.start = r.start "
        "JOIN article a ON a.id = r.article_id ORDER BY r.score DESC, r.article_id, r.start"
    )


def _count(connection: Connection, where: str, params: dict[str, Any]) -> int:
    sql = f"SELECT count(*) FROM passage p WHERE {where}"
    return int(connection.execute(text(sql), params).scalar_one())


def _hit(row: Any, terms: frozenset[str]) -> Hit:
    passage = Passage(text=row.text, start=row.start, end=row.end)
    found = Hit(
        article_id=int(row.article_id),
        title=row.title,
        source=row.source,
        published=row.published,
        score=round(float(row.score or 0.0), 6),
        passage=passage,
        highlights=(),
    )
    if not terms:
        return found
    return replace(found, highlights=highlight_passage(passage, terms))
