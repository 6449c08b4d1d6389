"""an index on a meeting's course: saving a meeting of a citizen with a supplier course
recomputes the course's three-party deadline from its linked meetings, which read every
meeting of the caseload without it

Revision ID: 0006_meeting_course_index
Revises: 0005_workflows
Create Date: 2026-11-29 23:20:00
"""
from alembic import op


revision = '0006_meeting_course_index'
down_revision = '0005_workflows'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index('ix_meeting_course_kind_status', ['course_id', 'kind', 'status'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index('ix_meeting_course_kind_status')
