"""Files the caseworker takes out of Sagsdag: a calendar of meetings (.ics) and spreadsheets
of the caseload and its deadlines (.csv).

Every function here returns bytes and never decides wording: the caller passes `label`
(the UI's message lookup), so the store stays free of the UI and its languages. The calendar
module is imported on use, since it needs the optional `icalendar` package."""

from store.exports.files import write_private
from store.exports.sheets import caseload_csv, deadlines_csv

__all__ = ["caseload_csv", "deadlines_csv", "write_private"]
