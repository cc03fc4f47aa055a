"""Duty (勤务, issue 16), pure and free of SQL: ``roster`` (who is on duty where at a moment — the
weekly roster with the day's leave, swaps and extra shifts, shifts crossing midnight belonging to the
day they start), ``coverage`` (check-in and patrol coverage of a segment from a unit's track, the
distance rule), ``attendance`` (present / late / absent / on leave), ``checks`` (what an edit must
satisfy). The records are ``domain.duty``; the tables ``persistence.duty``; the door
``services.duty_service``."""
