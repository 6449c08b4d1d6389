"""ORM models, one file per concept. Importing this package registers every table."""

from store.db.models.absence import Absence
from store.db.models.citizen import Citizen, CitizenFlag
from store.db.models.contact import ContactEntry
from store.db.models.doctor import DoctorRequest
from store.db.models.hearing import Hearing
from store.db.models.meeting import Meeting
from store.db.models.meta import Meta
from store.db.models.network import NetworkPerson
from store.db.models.note import CaseNote
from store.db.models.plan import PlanItem, PreparatoryPlan
from store.db.models.supplier import ProgressReport, Supplier, SupplierCourse
from store.db.models.task import Task
from store.db.models.undo import UndoEntry
from store.db.models.workflows import CourseAbsence, HearingContact, SparringNote

__all__ = [
    "Absence", "CaseNote", "CourseAbsence", "HearingContact", "SparringNote", "Citizen", "CitizenFlag", "ContactEntry", "DoctorRequest", "Hearing",
    "Meeting", "Meta", "NetworkPerson", "PlanItem", "PreparatoryPlan", "ProgressReport",
    "Supplier", "SupplierCourse", "Task", "UndoEntry",
]
