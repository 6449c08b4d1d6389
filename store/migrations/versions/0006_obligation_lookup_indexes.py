"""indexes for the obligations model's per-course and per-no-show lookups: meeting (course_id,
kind, status) (the three-party meetings linked to a course, also read by every save that
touches a citizen with a course) and hearing.meeting_id (whether a no-show has a
hearing), so neither reads its whole table once per row

Revision ID: 0006_obligation_lookup_indexes
Revises: 0005_workflows
"""
from alembic import op


revision = '0006_obligation_lookup_indexes'
down_revision = '0005_workflows'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index('ix_meeting_course_kind_status', ['course_id', 'kind', 'status'], unique=False)
    with op.batch_alter_table('hearing', schema=None) as batch_op:
        batch_op.create_index('ix_hearing_meeting_id', ['meeting_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('hearing', schema=None) as batch_op:
        batch_op.drop_index('ix_hearing_meeting_id')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index('ix_meeting_course_kind_status')
