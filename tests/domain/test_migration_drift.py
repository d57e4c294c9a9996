"""The models and the migrations describe the same schema (no change left without a migration)."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from casefile.db.models import Base


def _ignored(diff) -> bool:
    # The search index (an FTS5 virtual table, or a tsvector table with its GIN index) is kept
    # by raw SQL outside the ORM. Anything else must match.
    op, obj = diff[0] if isinstance(diff, list) else diff[:2]
    table = getattr(obj, "table", obj)
    return op in {"remove_table", "remove_index"} and table.name.startswith("search")


def test_migrated_schema_matches_the_models(new_case):
    with new_case.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = [d for d in compare_metadata(context, Base.metadata) if not _ignored(d)]
    assert diffs == []
