"""Opening a store: engine, sessions and Alembic migrations run programmatically."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from octa.exc import StoreError
from octa.settings import database_url

MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _first_line(error: object) -> str:
    """Drivers add hints on further lines; an error message stays one line."""
    return str(error).strip().splitlines()[0] if str(error).strip() else error.__class__.__name__


class Store:
    """A database octa reads and writes; `session()` is the unit of work (one transaction)."""

    def __init__(self, db: str) -> None:
        self.url = database_url(db)
        try:
            self.engine: Engine = create_engine(self.url, future=True)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"cannot open database {db!r}: {exc}") from None
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @cached_property
    def _alembic(self) -> Config:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        return config

    def migrate(self) -> None:
        """Bring the schema to the newest migration (creates it on an empty database)."""
        try:
            with self.engine.begin() as connection:
                self._alembic.attributes["connection"] = connection
                command.upgrade(self._alembic, "head")
        except OperationalError as exc:
            raise StoreError(f"cannot open database: {_first_line(exc.orig)}") from None

    def is_current(self) -> bool:
        head = ScriptDirectory.from_config(self._alembic).get_current_head()
        try:
            with self.engine.connect() as connection:
                return MigrationContext.configure(connection).get_current_revision() == head
        except OperationalError as exc:
            raise StoreError(f"cannot open database: {_first_line(exc.orig)}") from None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed on success, rolled back whole on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(db: str, *, migrate: bool = True) -> Store:
    """Open a store, bring its schema up to date and make sure countries and frameworks are in."""
    store = Store(db)
    if migrate:
        store.migrate()
        seed_reference_data(store)
    return store


def seed_reference_data(store: Store) -> None:
    """Countries and built-in frameworks, which every other table refers to (cheap when present)."""
    from sqlalchemy import func, select

    from octa.countries import all_countries
    from octa.store.models import CountryRow

    with store.session() as session:
        if (session.scalar(select(func.count()).select_from(CountryRow)) or 0) >= len(all_countries()):
            return
        from octa.store.scores import ensure_reference_data

        ensure_reference_data(session)
