"""The live change feed's vocabulary as screens name it: a ``Change`` notice (a case id and what moved)
and the ``ChangeFeed`` that delivers them (``Services.open_change_feed``). A notice carries ids only;
whatever a screen then reads goes through the services, scoped to the signed-in principal."""

from __future__ import annotations

from commandcenter.persistence.change_feed import Change, ChangeFeed

__all__ = ["Change", "ChangeFeed"]
