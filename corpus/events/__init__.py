"""Events: incidents reported across articles.

- ``kinds``: an incident's type from trigger words;
- ``signature``: what one article says about its incident (type, day, place, figures, people);
- ``scoring``: whether two articles report one incident (weights stated there);
- ``summary``: an event's type, day, place and most-cited figures from its members;
- ``assign``: incremental, order-stable assignment at ingest, and repair on delete;
- ``queries``: listing, filtering and reading events (with citations) for the API and /ask.
"""
