"""The PostgreSQL full-text passage backend: passages in a table beside the articles, with a
``tsvector`` built from factdesk's own analyzer and a GIN index over it.

- ``schema``: the tables (passages, the indexed vocabulary, a generation counter) and their DDL;
- ``vectors``: a passage's ``tsvector`` literal from ``search.analysis`` tokens and positions;
- ``tsquery``: the parsed query (Whoosh's query tree, ``search.query``) as a ``tsquery``;
- ``backend``: ``PostgresIndex``, the ``PassageBackend``, whose writes can join the caller's
  transaction so that rows and passages commit together.
"""
