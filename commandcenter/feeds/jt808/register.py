"""0x0100 terminal registration. The three layouts differ in the maker/model/terminal-id sizes:
2011 ``maker[5] model[8] id[7]``, 2013 ``maker[5] model[20] id[7]``, 2019 ``maker[11] model[30]
id[30]``; 2019 is known from the header, 2011 from a body too short for the 2013 layout."""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.feeds.jt808.fields import Reader, word
from commandcenter.feeds.jt808.header import V2019

MSG_ID = 0x0100
V2011 = "2011"
_LAYOUTS = {V2011: (5, 8, 7), "2013": (5, 20, 7), V2019: (11, 30, 30)}
_FIXED_2013 = 4 + 5 + 20 + 7 + 1  # body bytes before the plate in the 2013 layout


@dataclass(frozen=True)
class Registration:
    version: str  # 2011 / 2013 / 2019
    province: int
    city: int
    maker: str
    model: str
    device_id: str  # the terminal's own id field (not the header's phone)
    plate_color: int
    plate: str


def register_version(body: bytes, header_version: str) -> str:
    if header_version == V2019:
        return V2019
    return V2011 if len(body) < _FIXED_2013 else "2013"


def decode_register(body: bytes, header_version: str) -> Registration:
    version = register_version(body, header_version)
    maker, model, device = _LAYOUTS[version]
    reader = Reader(body)
    return Registration(
        version,
        reader.word(),
        reader.word(),
        reader.text(maker),
        reader.text(model),
        reader.text(device),
        reader.byte(),
        reader.text(reader.remaining),
    )


def encode_register(registration: Registration) -> bytes:
    """The terminal's side (the simulator): the layout of ``registration.version``."""
    maker, model, device = _LAYOUTS[registration.version]

    def fixed(text: str, size: int) -> bytes:
        return text.encode("gbk")[:size].ljust(size, b"\x00")

    return (
        word(registration.province)
        + word(registration.city)
        + fixed(registration.maker, maker)
        + fixed(registration.model, model)
        + fixed(registration.device_id, device)
        + bytes([registration.plate_color])
        + registration.plate.encode("gbk")
    )
