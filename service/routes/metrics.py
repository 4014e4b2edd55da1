"""Prometheus metrics in the text exposition format (definitions: ``service.metrics``)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from service.deps import CorpusMetricsDep
from service.metrics import CONTENT_TYPE, render_metrics

router = APIRouter(tags=["health"])
EXAMPLE = (
    "# TYPE factdesk_http_requests_total counter\n"
    'factdesk_http_requests_total{method="GET",route="/search",status="200"} 12.0\n'
    "# TYPE factdesk_articles gauge\nfactdesk_articles 5.0\n"
)


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={
        200: {"content": {CONTENT_TYPE: {"schema": {"type": "string"}, "example": EXAMPLE}}}
    },
)
def metrics(corpus: CorpusMetricsDep) -> Response:
    """Requests by route, method and status; latency by route; cache lookups; articles, facts,
    indexed passages, index and database size; build information."""
    return Response(render_metrics(corpus), media_type=CONTENT_TYPE)
