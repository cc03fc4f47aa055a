"""``published_assessments``: a bulletin's figures written once and read back as they were."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import exc, insert, select

from commandcenter.persistence.access import as_utc, read_one, read_rows, unavailable
from commandcenter.persistence.evaluation.models import PublishedAssessment
from commandcenter.persistence.store import Store

_P = PublishedAssessment


class AlreadyPublished(RuntimeError):
    """That period's assessment of that kind was published before: a bulletin never changes."""


def publish(store: Store, kind: str, period: str, figures: dict[str, Any], by: str, at: datetime) -> None:
    try:
        with store.engine.begin() as connection:
            connection.execute(
                insert(_P).values(kind=kind, period=period, figures=figures, published_by=by, published_at=at)
            )
    except exc.IntegrityError:
        raise AlreadyPublished(
            f"{period} 的考核已发布，不能再次发布 / the {kind} assessment {period} is already published"
        ) from None
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


def published(store: Store, kind: str, period: str) -> tuple[dict[str, Any], str, datetime] | None:
    """(figures, published by, published at) of that bulletin, or None."""
    row = read_one(
        store,
        select(_P.figures, _P.published_by, _P.published_at).where(_P.kind == kind, _P.period == period),
    )
    return None if row is None else (row[0], row[1], as_utc(row[2]))


def published_periods(store: Store, kind: str) -> list[str]:
    rows = read_rows(store, select(_P.period).where(_P.kind == kind).order_by(_P.period.desc()))
    return [row[0] for row in rows]
