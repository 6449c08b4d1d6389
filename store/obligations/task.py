"""task: a task with a due date, until it is done. A task tied to a closed case is not due (a
closed case has nothing due); the caseworker's own tasks (no citizen) are."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Task
from store.db.statements import AnySelect
from store.obligations.build import make
from store.obligations.model import Obligation
from store.obligations.scope import Scope
from store.queries.prepared import citizens_param


DUE = Task.due


def statement(scope: Scope) -> AnySelect:
    stmt = (
        select(Task.id, Task.due, Task.title, Citizen.id, Citizen.name, Citizen.cpr)
        .outerjoin(Citizen, Citizen.id == Task.citizen_id)
        .where(Task.done_on.is_(None), Task.due.is_not(None))
    )
    if scope.citizen_id is not None:
        stmt = stmt.where(Task.citizen_id == scope.citizen_id, Citizen.status == "active")
    elif scope.caseworker is not None:
        stmt = stmt.where(Citizen.caseworker == scope.caseworker, Citizen.status == "active")
    else:
        stmt = stmt.where(or_(Task.citizen_id.is_(None), Citizen.status == "active"))
    if scope.citizen_ids is not None:
        stmt = stmt.where(Task.citizen_id.in_(citizens_param()), Citizen.status == "active")
    return stmt


def collect(s: Session, scope: Scope) -> Iterator[Obligation]:
    for tid, due, title, cid, name, cpr in scope.run(s, __name__, lambda: scope.bound(statement(scope), DUE)):
        yield make(scope, "task", "task", tid, (cid, name, cpr), due, "obligation.reason.task", {"title": title})
