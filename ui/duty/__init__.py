"""勤务 Duty: the 值班表 window (a week's roster per office, segment and shift; a day's leave, swap
or extra shift; 在岗情况 — who is on duty now, checked in or not, coverage of today's shifts), through
``services.duty`` on the window's ``BackgroundRunner``."""
