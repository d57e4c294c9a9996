"""Actors and places get the matching key of their name, indexed; aliases an index on owner.

Accepting or merging a proposal finds the record with the same name by an index lookup
instead of normalising every actor's or place's name in Python (a cost that grew with the
case). The key is ``casefile.normalize.key(name)``, as for aliases. Reading an actor's or a
place's aliases (its form, its search entry after each change) uses the owner indexes.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from casefile.normalize import key

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TABLES = ("actors", "places")


def upgrade() -> None:
    # Plain ADD COLUMN and CREATE INDEX, no batch table copy: on SQLite a copy drops the old
    # table, and with foreign keys on that would cascade to the aliases.
    bind = op.get_bind()
    for table in _TABLES:
        op.add_column(table, sa.Column("name_key", sa.String(length=500), nullable=False,
                                       server_default=""))
        rows = bind.execute(sa.text(f"SELECT id, name FROM {table}")).all()
        if rows:
            bind.execute(sa.text(f"UPDATE {table} SET name_key = :k WHERE id = :i"),
                         [{"k": key(name or ""), "i": rid} for rid, name in rows])
        op.create_index(f"ix_{table}_name_key", table, ["name_key"], unique=False)
    op.create_index("ix_aliases_actor_id", "aliases", ["actor_id"], unique=False)
    op.create_index("ix_aliases_place_id", "aliases", ["place_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_aliases_place_id", table_name="aliases")
    op.drop_index("ix_aliases_actor_id", table_name="aliases")
    for table in _TABLES:
        op.drop_index(f"ix_{table}_name_key", table_name=table)
        op.drop_column(table, "name_key")  # SQLite 3.35+ drops a column in place
