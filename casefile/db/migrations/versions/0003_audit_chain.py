"""The audit log becomes a hash chain, and stays append-only against REPLACE and TRUNCATE.

Adds ``prev_hash`` and ``hash`` to ``audit_log``, chains the entries already there (in id
order, as they were written), and adds the triggers: a new entry must have an id after the
last one and point at the last entry's hash (on SQLite this is also what refuses ``REPLACE INTO`` /
``INSERT OR REPLACE``, whose hidden delete fires no trigger), and on PostgreSQL ``TRUNCATE``
is refused by a statement trigger.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from casefile.db import chain

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_REFUSE = ("the audit log is append-only: a new entry comes after the last one "
           "and carries its hash")


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch_op:  # plain ADD COLUMNs, no table copy
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    sqlite = op.get_bind().dialect.name == "sqlite"
    # The update guard is lifted only inside this transaction, to write the chain once.
    if sqlite:
        op.execute("DROP TRIGGER audit_log_no_update")
    else:
        op.execute("DROP TRIGGER audit_log_append_only ON audit_log")
    _chain_existing_entries()
    if sqlite:
        op.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
        op.execute(
            "CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log "
            "WHEN NEW.hash IS NULL OR NEW.id IS NULL "
            "OR NEW.id <= (SELECT coalesce(max(id), 0) FROM audit_log) "
            f"OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), "
            f"'{chain.GENESIS}') "
            f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END"
        )
        return
    op.execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
               "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()")
    op.execute("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
               "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()")
    op.execute(
        "CREATE FUNCTION audit_log_chained() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE last_id integer; last_hash varchar; BEGIN "
        "SELECT id, hash INTO last_id, last_hash FROM audit_log ORDER BY id DESC LIMIT 1; "
        "IF NEW.hash IS NULL OR NEW.id IS NULL OR NEW.id <= coalesce(last_id, 0) "
        f"OR NEW.prev_hash IS DISTINCT FROM coalesce(last_hash, '{chain.GENESIS}') THEN "
        f"RAISE EXCEPTION '{_REFUSE}'; END IF; RETURN NEW; END $$"
    )
    op.execute("CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log "
               "FOR EACH ROW EXECUTE FUNCTION audit_log_chained()")


def _chain_existing_entries(batch_size: int = 5000) -> None:
    conn = op.get_bind()
    audit = sa.table("audit_log", sa.column("id"), sa.column("prev_hash"), sa.column("hash"))
    update = (audit.update().where(audit.c.id == sa.bindparam("entry_id"))
              .values(prev_hash=sa.bindparam("prev"), hash=sa.bindparam("digest")))
    prev, last_id = chain.GENESIS, 0
    while rows := list(chain.raw_rows(conn, after_id=last_id, limit=batch_size)):
        batch = []
        for raw in rows:
            try:
                entry = chain.decode(raw)
            except chain.UndecodableEntry:
                # Left unchained: verify reports it as damage, and the chain goes on after it.
                continue
            digest = chain.entry_hash(entry, prev)
            batch.append({"entry_id": raw.id, "prev": prev, "digest": digest})
            prev = digest
        if batch:
            conn.execute(update, batch)
        last_id = rows[-1].id


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER audit_log_chained")
    else:
        op.execute("DROP TRIGGER audit_log_chained ON audit_log")
        op.execute("DROP FUNCTION audit_log_chained()")
        op.execute("DROP TRIGGER audit_log_no_truncate ON audit_log")
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
