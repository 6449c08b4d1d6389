"""Reading what a caseworker types into a field: dates, times, durations, CPR numbers,
phone numbers and intervals. Pure functions; every refusal is a ParseError that says what is
wrong and shows an example that would work."""

from store.parse.cpr import CprResult, parse_cpr
from store.parse.dates import parse_date
from store.parse.email import parse_email
from store.parse.errors import ParseError
from store.privacy import mask_cpr, mask_cprs_in
from store.parse.interval import parse_interval_text
from store.parse.minutes import parse_minutes
from store.parse.phone import parse_phone
from store.parse.times import parse_time

__all__ = [
    "CprResult",
    "ParseError",
    "mask_cpr",
    "mask_cprs_in",
    "parse_cpr",
    "parse_date",
    "parse_email",
    "parse_interval_text",
    "parse_minutes",
    "parse_phone",
    "parse_time",
]
