"""Malformed requests never break the intake: 100,000 mutated request bodies through the parser (every
one a parsed report or an ``Open311Error`` with a status and a reason, never another exception), then
a few hundred of them over real HTTP to the running API (each a 4xx with an Open311 error object,
never a 500; no case filed, only whole "rejected" request records). It found a multipart body without
its boundary answered with a 500."""

from __future__ import annotations

import json
import random

import aiohttp

from commandcenter.gateway.open311.parsing import Fields, _json_fields, parse_service_request
from commandcenter.gateway.open311.words import Open311Error
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.open311 import count, make_key, serve

GOOD = {
    "service_code": "S0501",
    "lat": "34.71",
    "long": "113.61",
    "description": "门口占道",
    "phone": "13812345678",
}
NASTY = [
    "",
    " ",
    "NaN",
    "inf",
    "-1e309",
    "1e400",
    "９０",
    "34,71",
    "\x00",
    "😀" * 50,
    "a" * 5000,
    "null",
    "{}",
    "[]",
]


def _mutate(rng: random.Random) -> dict[str, str]:
    fields = dict(GOOD)
    for _ in range(rng.randint(1, 4)):
        name = rng.choice(
            [*GOOD, "media_url", "client_ref", "first_name", "address_string", "x" * rng.randint(1, 60)]
        )
        action = rng.random()
        if action < 0.2:
            fields.pop(name, None)
        elif action < 0.6:
            fields[name] = rng.choice(NASTY)
        else:
            fields[name] = "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(0, 40)))
    return fields


def _json_body(rng: random.Random, fields: dict[str, str]) -> bytes:
    document: object = (
        fields if rng.random() < 0.5 else rng.choice([[fields], "text", 3, None, {"a": {"b": 1}}])
    )
    raw = json.dumps(document, ensure_ascii=rng.random() < 0.5).encode()
    if rng.random() < 0.3 and raw:  # truncated or corrupted on the way
        cut = rng.randrange(len(raw))
        raw = raw[:cut] + bytes([rng.randrange(256)]) + raw[cut + 1 :]
    return raw


def test_a_hundred_thousand_malformed_bodies_are_parsed_or_refused_with_a_reason() -> None:
    rng = random.Random(14)
    refused = parsed = 0
    for _ in range(100_000):
        fields = _mutate(rng)
        try:
            values = _json_fields(_json_body(rng, fields)) if rng.random() < 0.5 else fields
            parse_service_request(Fields(values))
            parsed += 1
        except Open311Error as error:
            refusal = (error.status, str(error))
            refused += 1
            assert 400 <= refusal[0] < 500
            assert " / " in refusal[1]  # 中文 / English
    assert refused > 50_000
    assert parsed > 1_000  # the mutations leave some reports whole: those still parse


def test_malformed_requests_over_http_get_a_4xx_and_store_nothing(store: Store) -> None:
    replace_all(store, minimal_district())
    key = make_key(store, "wechat", source="市民上报")
    rng = random.Random(15)

    async def scenario(session: aiohttp.ClientSession) -> list[int]:
        statuses = []
        for number in range(300):
            fields = _mutate(rng) | {
                "api_key": key,
                "service_code": rng.choice(["", "S0501", "X9", "S05011"]),
            }
            fields["lat"] = rng.choice(NASTY[:8])  # never a usable point: nothing may be filed
            kind = number % 3
            if kind == 0:
                answer = await session.post("/requests.json", data=fields)
            elif kind == 1:
                answer = await session.post(
                    "/requests.json",
                    data=_json_body(rng, fields),
                    headers={"Content-Type": "application/json"},
                )
            else:
                answer = await session.post(
                    "/requests.json",
                    data=bytes(rng.randrange(256) for _ in range(rng.randint(0, 300))),
                    headers={
                        "Content-Type": rng.choice(["application/json", "text/plain", "multipart/form-data"])
                    },
                )
            async with answer:
                body = await answer.json(content_type=None)
                assert isinstance(body, list), body
                assert body[0]["description"], body
                statuses.append(answer.status)
        return statuses

    statuses = serve(store, scenario)
    assert all(400 <= status < 500 for status in statuses), sorted(set(statuses))
    assert count(store, "cases") == 0
    # a request screening refused is kept whole as "rejected" (its client id freed); nothing else
    kept = store.execute_raw("SELECT status, case_id, review_id FROM open311_requests")
    assert all(row == ("rejected", None, None) for row in kept), kept
