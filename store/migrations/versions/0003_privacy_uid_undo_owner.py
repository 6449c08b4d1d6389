"""privacy: a stable citizen uid, undo entries owned by a window, redo

Revision ID: privacy_uid_undo_owner
Revises: 0002
Create Date: 2026-11-29 16:40:00

- citizen.uid: a random identifier the access log names. Ids are reused by SQLite after an
  undone creation (max(rowid)+1), so an id alone could point a log line at the wrong person.
- undo_entry.instance: which window (program instance) made the change, so one window's `u`
  never undoes another window's edit.
- undo_entry.kind: "undo" or "redo" (an undone action, kept so it can be done again).
"""
from alembic import op
import sqlalchemy as sa


revision = 'privacy_uid_undo_owner'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('citizen', sa.Column('uid', sa.String(length=32), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("UPDATE citizen SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL")
    else:
        op.execute("UPDATE citizen SET uid = md5(random()::text || clock_timestamp()::text || id::text) WHERE uid IS NULL")
    op.create_index('uq_citizen_uid', 'citizen', ['uid'], unique=True)
    op.add_column('undo_entry', sa.Column('instance', sa.String(length=40), nullable=True))
    op.add_column('undo_entry', sa.Column('kind', sa.String(length=10), nullable=False, server_default='undo'))
    op.create_index('ix_undo_entry_caseworker_kind', 'undo_entry', ['caseworker', 'kind', 'id'])


def downgrade() -> None:
    op.drop_index('ix_undo_entry_caseworker_kind', table_name='undo_entry')
    with op.batch_alter_table('undo_entry') as batch:
        batch.drop_column('kind')
        batch.drop_column('instance')
    op.drop_index('uq_citizen_uid', table_name='citizen')
    with op.batch_alter_table('citizen') as batch:
        batch.drop_column('uid')
