"""Registering an unknown terminal to a vehicle, the reads and the tidy-up around it: the vehicles to
pick from and, once the vehicle holds the id, the terminal's row off the unknown list. The id itself is
written by the district editor's vehicle edit (``persistence.district.edits``), so the vehicle's
history shows it like any hand edit."""

from __future__ import annotations

from sqlalchemy import case, delete, select

from commandcenter.domain.desk_commands import VehicleChoice
from commandcenter.persistence.access import read_rows, writing
from commandcenter.persistence.district.models import Office, Vehicle
from commandcenter.persistence.gateway.models import UnknownTerminal
from commandcenter.persistence.store import Store


def vehicle_choices(store: Store, plate_part: str, limit: int = 100) -> list[VehicleChoice]:
    """Vehicles whose plate contains ``plate_part`` (all for ""), those without a terminal first, then
    by plate."""
    statement = (
        select(Vehicle.id, Vehicle.plate, Vehicle.kind, Vehicle.company, Office.name, Vehicle.terminal_id)
        .outerjoin(Office, Office.id == Vehicle.office_id)
        .order_by(case((Vehicle.terminal_id.is_(None), 0), (Vehicle.terminal_id == "", 0), else_=1))
        .order_by(Vehicle.plate)
        .limit(limit)
    )
    if plate_part:
        statement = statement.where(Vehicle.plate.contains(plate_part, autoescape=True))
    return [
        VehicleChoice(int(id_), plate, kind, company or "", office or "", terminal or "")
        for id_, plate, kind, company, office, terminal in read_rows(store, statement)
    ]


def forget_unknown(store: Store, terminal_id: str) -> None:
    """The terminal is a vehicle's now: off the administrator's list."""
    with writing(store) as connection:
        connection.execute(delete(UnknownTerminal).where(UnknownTerminal.terminal_id == terminal_id))
