"""octa's settings, declared once: name, default and help, read from `OCTA_*` variables.

Values flow CLI flags -> `Settings` -> the store and the app factory; nothing else reads the
environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    #: Database: a path to an SQLite file, or an SQLAlchemy URL (sqlite:///…, postgresql://…).
    db: str = "octa.db"
    #: Largest document accepted by ingest and upload, in bytes.
    max_document_bytes: int = 50 * 1024 * 1024
    #: Default edition shown when none is asked for.
    default_edition: int = 2025

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        for field in fields(cls):
            env = os.environ.get(f"OCTA_{field.name.upper()}")
            if env is not None:
                values[field.name] = int(env) if field.type in ("int", int) else env
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    @property
    def database_url(self) -> str:
        return database_url(self.db)


def database_url(db: str) -> str:
    """An SQLAlchemy URL for a path or URL; PostgreSQL URLs use the psycopg 3 driver."""
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db
