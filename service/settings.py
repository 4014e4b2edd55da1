"""Settings from the environment (prefix ``FACTDESK_``); built by create_app, never at import."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime configuration of one factdesk app."""

    model_config = SettingsConfigDict(env_prefix="FACTDESK_", extra="ignore")

    data_dir: Path = Path("./data")
    database_url: str | None = None
    api_key: SecretStr | None = None  # set but empty: refused, the service would not start
    max_body_bytes: int = 5 * 1024 * 1024
    seed_samples: bool = True
    # Processes serving HTTP on one port (``factdesk serve --workers``); None: one per core this
    # process may use, at most 4.
    workers: int | None = Field(default=None, ge=1)
    # Worker processes that prepare large ingest batches (facts, passages, metadata) while the
    # request thread indexes; None: one per core but the one serving (at most 4); 0: in-process.
    extract_workers: int | None = Field(default=None, ge=0)
    # Server log lines: "text" (one readable line) or "json" (one JSON object per line).
    log_format: Literal["text", "json"] = "text"
    # Browser origins allowed to call the API, comma-separated; "*" lets any origin read (GET).
    # Empty (the default): no CORS headers, as before.
    cors_origins: str = ""
    # Where passages are indexed: "whoosh" (files under data_dir/index) or "postgres" (tables in
    # the PostgreSQL database of database_url, written in the same transaction as the rows).
    search_backend: Literal["whoosh", "postgres"] = "whoosh"

    @field_validator("api_key")
    @classmethod
    def _key_not_empty(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().strip():
            raise ValueError(
                "FACTDESK_API_KEY is set but empty: set a key, or unset it to allow writes "
                "without one"
            )
        return value

    @model_validator(mode="after")
    def _postgres_backend_needs_postgres(self) -> Settings:
        url = self.database_url or ""
        if self.search_backend == "postgres" and not url.startswith(("postgresql", "postgres:")):
            raise ValueError(
                "FACTDESK_SEARCH_BACKEND=postgres keeps passages in the database: set "
                "FACTDESK_DATABASE_URL to a PostgreSQL URL (postgresql://...)"
            )
        return self

    @property
    def worker_count(self) -> int:
        """How many serving processes to run (see ``workers``)."""
        return self.workers if self.workers is not None else min(4, _cores())

    @property
    def extract_worker_count(self) -> int:
        """How many extraction workers to run (see ``extract_workers``)."""
        if self.extract_workers is not None:
            return self.extract_workers
        return max(0, min(4, _cores() - 1))

    @property
    def cors_origin_list(self) -> list[str]:
        """The allowed origins of ``cors_origins``, without blanks."""
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]

    @property
    def index_dir(self) -> Path:
        """Where the Whoosh index lives (derived data, rebuildable from the database)."""
        return self.data_dir / "index"


def _cores() -> int:
    """The cores this process may run on (a container's cpuset), not the host's count."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, cores or 1)
