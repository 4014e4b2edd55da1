ARG BASE=python:3.12-slim
FROM ${BASE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    FACTDESK_DATA_DIR=/data \
    FACTDESK_SEED_SAMPLES=true

WORKDIR /app
COPY pyproject.toml README.md ./
COPY corpus ./corpus
COPY search ./search
COPY service ./service
RUN python -m pip install . \
    && useradd --system --uid 10001 --home-dir /app factdesk \
    && mkdir -p /data && chown factdesk /data

USER factdesk
VOLUME ["/data"]
EXPOSE 8000
# Healthy means ready: startup repair done, database answering, index consistent (/ready);
# /health only says the process is up.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/ready', timeout=4).status != 200)"]
# One serving process per core the container may use (its cpuset; at most 4), sharing one pool of
# extraction workers; FACTDESK_WORKERS (or FACTDESK_EXTRACT_WORKERS) overrides.
CMD ["factdesk", "serve", "--host", "0.0.0.0", "--port", "8000"]
