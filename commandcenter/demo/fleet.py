"""Vehicles with GPS terminals: 1,051 muck trucks (渣土车) of ~30 transport companies and 7 mobile
enforcement vehicles (执法车) per district copy, each with its map unit and first fix.

Plates look like real Zhengzhou plates ("豫A·D2345"); enforcement vehicles use the Z series so the
two fleets never collide. Terminal ids are the 12-digit JT/T 808 terminal phone numbers.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from commandcenter.demo.names import transport_companies
from commandcenter.demo.placing import lonlat, unit_row
from commandcenter.demo.plan import DistrictPlan, Rows
from commandcenter.domain.kinds import UnitKind, VehicleKind
from commandcenter.persistence.district.models import Vehicle
from commandcenter.persistence.units.models import Unit

MUCK_TRUCKS_PER_DISTRICT = 1_051
ENFORCEMENT_PER_DISTRICT = 7
TRANSPORT_COMPANIES = 30
_TRUCK_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXY"  # no I/O (not issued) and no Z (enforcement series)


def _vehicle(
    rows: Rows,
    kind: VehicleKind,
    plate: str,
    terminal: str,
    *,
    company: str | None,
    office_id: int | None,
    unit_id: int,
) -> None:
    rows[Vehicle].append(
        {
            "id": len(rows[Vehicle]) + 1,
            "kind": kind.value,
            "plate": plate,
            "company": company,
            "office_id": office_id,
            "terminal_id": terminal,
            "unit_id": unit_id,
        }
    )


def add_fleet(rng: random.Random, districts: list[DistrictPlan], rows: Rows, now: datetime) -> None:
    trucks = MUCK_TRUCKS_PER_DISTRICT * len(districts)
    plate_numbers = rng.sample(range(len(_TRUCK_LETTERS) * 10_000), trucks)
    terminals = iter(f"01{number:010d}" for number in rng.sample(range(10**10), trucks + 7 * len(districts)))
    companies = transport_companies(rng, TRANSPORT_COMPANIES)
    company_sizes = [rng.uniform(0.3, 3.0) for _ in companies]
    plates = iter(plate_numbers)
    enforcement_serial = 0
    for district in districts:
        for _ in range(MUCK_TRUCKS_PER_DISTRICT):
            letter, digits = divmod(next(plates), 10_000)
            plate = f"豫A·{_TRUCK_LETTERS[letter]}{digits:04d}"
            site = rng.choice(district.sites)
            xy = (site.xy[0] + rng.uniform(-40, 40), site.xy[1] + rng.uniform(-40, 40))
            unit_id = len(rows[Unit]) + 1
            rows[Unit].append(
                unit_row(
                    unit_id,
                    UnitKind.MUCK_TRUCK.value,
                    plate,
                    None,
                    lonlat(district.frame, xy),
                    now - timedelta(seconds=rng.uniform(0, 30)),
                    state="empty" if site.disposal else rng.choice(("empty", "loaded")),
                )
            )
            company = rng.choices(companies, weights=company_sizes)[0]
            _vehicle(
                rows,
                VehicleKind.MUCK_TRUCK,
                plate,
                next(terminals),
                company=company,
                office_id=None,
                unit_id=unit_id,
            )
        for office in rng.sample(district.offices, ENFORCEMENT_PER_DISTRICT):
            enforcement_serial += 1
            plate = f"豫A·Z{enforcement_serial:04d}"
            own = [segment for segment in district.segments if segment.office_id == office.id]
            xy = office.center
            if own:
                segment = rng.choice(own)
                xy = segment.line.point_at(rng.uniform(0, segment.line.length))[:2]
            unit_id = len(rows[Unit]) + 1
            rows[Unit].append(
                unit_row(
                    unit_id,
                    UnitKind.ENFORCEMENT.value,
                    plate,
                    office.id,
                    lonlat(district.frame, xy),
                    now - timedelta(seconds=rng.uniform(0, 30)),
                    state="stopped",
                )
            )
            _vehicle(
                rows,
                VehicleKind.ENFORCEMENT,
                plate,
                next(terminals),
                company=None,
                office_id=office.id,
                unit_id=unit_id,
            )
