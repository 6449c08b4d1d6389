"""indexes for reading the day a page at a time: the no-shows still waiting for a sanction
decision (a partial index on meeting.day where status = 'no_show', so they are found without
walking every citizen's meetings) and citizen.first_request (the first period's and the
offer's citizens, without walking the whole caseload). Neither leads with a column other
queries filter on alone (meeting.status, citizen.status), so no other plan changes: an index
on meeting (citizen_id, status, day) was tried and made SQLite, which has no statistics here,
walk every active citizen for the coming days' meetings.

Revision ID: 0007_day_page_indexes
Revises: 0006_obligation_lookup_indexes
"""
import sqlalchemy as sa
from alembic import op


revision = '0007_day_page_indexes'
down_revision = '0006_obligation_lookup_indexes'
branch_labels = None
depends_on = None

NO_SHOW = "status = 'no_show'"


def upgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index('ix_meeting_no_show_day', ['day'], unique=False,
                              sqlite_where=sa.text(NO_SHOW), postgresql_where=sa.text(NO_SHOW))
    with op.batch_alter_table('citizen', schema=None) as batch_op:
        batch_op.create_index('ix_citizen_first_request', ['first_request'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('citizen', schema=None) as batch_op:
        batch_op.drop_index('ix_citizen_first_request')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index('ix_meeting_no_show_day')
