"""citizen.name_folded: the name folded for a case- and accent-insensitive filter (store.fold)

Revision ID: 0004_citizen_name_folded
Revises: privacy_uid_undo_owner
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_citizen_name_folded'
down_revision = 'privacy_uid_undo_owner'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from store.fold import fold

    with op.batch_alter_table('citizen', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name_folded', sa.Text(), nullable=True))
    citizen = sa.table('citizen', sa.column('id', sa.Integer), sa.column('name', sa.Text),
                       sa.column('name_folded', sa.Text))
    conn = op.get_bind()
    rows = conn.execute(sa.select(citizen.c.id, citizen.c.name)).all()
    update = sa.update(citizen).where(citizen.c.id == sa.bindparam('ident')).values(name_folded=sa.bindparam('folded'))
    for start in range(0, len(rows), 5000):
        batch = rows[start:start + 5000]
        conn.execute(update, [{'ident': r.id, 'folded': fold(r.name)} for r in batch])
    with op.batch_alter_table('citizen', schema=None) as batch_op:
        batch_op.create_index('ix_citizen_name_folded', ['name_folded'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('citizen', schema=None) as batch_op:
        batch_op.drop_index('ix_citizen_name_folded')
        batch_op.drop_column('name_folded')
