"""Settings from the environment (prefix ``FACTDESK_``); built by create_app, never at import."""

from __future__ import annotations

from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime configuration of one factdesk app."""

    model_config = SettingsConfigDict(env_prefix="FACTDESK_", extra="ignore")

    data_dir: Path = Path("./data")
    database_url: str | None = None
    api_key: SecretStr | None = None
    max_body_bytes: int = 5 * 1024 * 1024
    seed_samples: bool = True

    @property
    def index_dir(self) -> Path:
        """Where the Whoosh index lives (derived data, rebuildable from the database)."""
        return self.data_dir / "index"
