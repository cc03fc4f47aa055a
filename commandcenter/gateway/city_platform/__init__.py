"""City-platform sync (数字城管平台 / 12345 平台 ↔ this centre): cases in, status back, positions in.

``platform.PlatformClient`` is what one platform's wire format implements; ``sync.CityPlatformSync``
is the ``GatewayComponent`` that drives any client through the core's paths:

- cases in → ``CaseIntake.receive`` (source 城市平台), each platform case linked to what it became
  (``persistence.gateway.platform_links``: the platform's own id as an ``open311_requests.client_ref``
  of the platform's client row), so a case read twice — a repeated page, an overlapping cursor, a
  restart before the cursor was saved — is filed once;
- status back (``status_back``) → a case intake refused outright (not even 待甄别 keeps it) as
  不予受理 with intake's reason line, once (its link row remembers it was told); then every workflow
  step of a linked case (派遣, 处置, 结案 …), in event order, POSTed to the platform with the event id
  as idempotency key. The event cursor re-reads a trailing window until each told id settles, so a
  step whose transaction commits after a higher id (PostgreSQL) still arrives, late but once;
- positions in → ``PositionSink`` for the vehicles named by plate or terminal id (others counted).

Where the progress lives (``cursor.CursorFile``): a small JSON file per platform,
``paths.data_dir()/city-platform-<name>.json``, written atomically (temporary file, fsync,
``os.replace``). Migration 0012 has no table for it, and a cursor is the adapter's private bookmark,
not shared data: it only saves re-reading. Losing it is safe — the links make a re-read file nothing
twice (nor tells a refusal twice), and the status cursor restarts from the first step (the platform
drops repeats by key). One
adapter per platform and deployment runs it (a second gateway would only repeat work the links
de-duplicate).

``json_feed.JsonFeedPlatform`` is the one concrete client, a JSON/HTTP feed (its shape is in its
docstring); a real platform gets its own module beside it.
"""
