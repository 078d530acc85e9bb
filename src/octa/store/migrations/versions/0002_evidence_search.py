"""evidence search: full-text index over evidence sentences

SQLite gets an external-content FTS5 table kept in sync by triggers; PostgreSQL a GIN index
over `to_tsvector('english', sentence)`. `octa.store.evidence.search_clause` is the one
place that queries either.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = (
    "CREATE VIRTUAL TABLE evidence_fts USING fts5("
    "sentence, content='evidence', content_rowid='rowid', tokenize='porter unicode61')",
    "CREATE TRIGGER evidence_fts_ai AFTER INSERT ON evidence BEGIN "
    "INSERT INTO evidence_fts(rowid, sentence) VALUES (new.rowid, new.sentence); END",
    "CREATE TRIGGER evidence_fts_ad AFTER DELETE ON evidence BEGIN "
    "INSERT INTO evidence_fts(evidence_fts, rowid, sentence) VALUES ('delete', old.rowid, old.sentence); END",
    "CREATE TRIGGER evidence_fts_au AFTER UPDATE OF sentence ON evidence BEGIN "
    "INSERT INTO evidence_fts(evidence_fts, rowid, sentence) VALUES ('delete', old.rowid, old.sentence); "
    "INSERT INTO evidence_fts(rowid, sentence) VALUES (new.rowid, new.sentence); END",
    "INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild')",
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS evidence_fts_au",
    "DROP TRIGGER IF EXISTS evidence_fts_ad",
    "DROP TRIGGER IF EXISTS evidence_fts_ai",
    "DROP TABLE IF EXISTS evidence_fts",
)
POSTGRES_UP = (
    "CREATE INDEX ix_evidence_sentence_fts ON evidence USING GIN (to_tsvector('english', sentence))",
)
POSTGRES_DOWN = ("DROP INDEX IF EXISTS ix_evidence_sentence_fts",)


def _run(statements: tuple[str, ...]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_UP)
    elif dialect == "postgresql":
        _run(POSTGRES_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(POSTGRES_DOWN)
