"""The Open311 GeoReport v2 intake API (issue 14): citizens' and inspectors' clients file reports
through it, each with its own API key (``commandcenter apikeys``), into the core's ``CaseIntake``.

Routes (JSON only; ``app.build_app``):

- ``GET /services.json`` — the active categories: ``service_code`` = our category code,
  ``service_name``, ``description`` = 立案条件, ``group`` = 大类, ``type`` ``realtime``.
- ``POST /requests.json`` — a report, form-encoded, JSON or multipart (a photo as the file field
  ``media``; a ``media_url`` is stored as given, never fetched). Fields: ``api_key``, ``service_code``,
  ``lat``, ``long`` (in the key's datum: GCJ-02 is converted to WGS-84 here), ``description``,
  ``address_string``, ``first_name``/``last_name``/``phone``, and the client's own id ``client_ref``
  (our choice over ``attribute[...]``: a top-level field, like ``device_id``, which needs no service
  definition): a repeat of the same ``client_ref`` under the same key answers the earlier answer and
  files nothing. Open311 fields we do not use (``jurisdiction_id``, ``email``, ``device_id``,
  ``account_id``, ``attribute[...]``) are accepted and ignored; a photo inside a JSON body is not
  (send it as multipart, or its ``media_url``).
  Answers: ``200`` with ``service_request_id`` (our ``open311_requests`` id), ``case_number``,
  ``status`` ``open`` and ``expected_datetime`` (the case's dispatch deadline) — a report merged
  into an open duplicate answers with that case; ``202`` with ``status`` ``in_review`` and a
  ``token`` (= the request id) when screening kept the report for 待甄别 (an operator places it);
  ``400`` with the screening's reason when it refused (the request is kept as ``rejected`` with
  its client id freed, so the corrected report may be sent under it).
- ``GET /requests/{id}.json?api_key=…`` — the key's own request: ``status`` (open / closed /
  in_review), ``status_notes`` (the case's stage), ``case_number``, ``expected_datetime``,
  ``updated_datetime``, ``media_url`` (the report's photo) and ``media_urls`` (its case's 处置后
  after-photos). Another key's request is 404: a citizen's report is not public.
- ``GET /requests.json?api_key=…`` — the key's own requests in that shape, newest first, by
  GeoReport v2's filters (``service_request_id``, ``service_code``, ``status``, ``start_date``,
  ``end_date``: ``listing``); the last 90 days and at most 1000 by default; a bad filter is a 400.
- ``GET /media/{sha256}`` — a stored photo (no key: why in ``media``). Photos in every answer and
  webhook are absolute URLs under ``[gateway] public_url`` (else the address the request came to).

Errors are Open311's ``[{"code": 400, "description": "中文 / English"}]``: 400 bad input, 401 no
key, 403 unknown or revoked key, 404, 409 the same ``client_ref`` being filed right now (a
reservation left ``pending`` by a filing that died is taken over after 60 s: ``filing``), 413 too
large, 415 not a JPEG/PNG, 429 over the key's rate, 503 database unavailable. None of these stores anything.
"""
