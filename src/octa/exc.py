"""One exception family for octa.

The core raises these with messages that name the file, row, field or id at fault; only the
edges (CLI, API, web) translate them into a one-line error, an exit code or an HTTP status.
"""

from __future__ import annotations


class OctaError(Exception):
    """Base of every error octa reports to a user without a traceback."""

    #: HTTP status the API uses for this family of error.
    status: int = 400


class InvalidInput(OctaError):
    """Bad user input: a file, a row, a column or a value that cannot be used."""

    status = 422

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file, self.row, self.column = file, row, column
        where = []
        if file is not None:
            where.append(str(file))
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)
        self.detail = message


class InvalidFramework(InvalidInput):
    """A framework file that does not describe a usable set of indicators."""


class InvalidLexicon(InvalidInput):
    """A lexicon data file that cannot be loaded."""


class NotFound(OctaError):
    """A country, edition, indicator, document or network that is not in the store."""

    status = 404


class StoreError(OctaError):
    """The database cannot be opened, migrated or written."""

    status = 500
