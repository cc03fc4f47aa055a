"""Encoding detection on real bytes: what Excel writes on Chinese Windows (GBK, or UTF-8 with a BOM),
GB18030-only characters, UTF-16, and formats that must be UTF-8."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from commandcenter.textfiles import TextEncodingError, decode_text, read_text, read_utf8

TEXT = "code,name,office\nC1,建设路与大学路交叉口东,建中街街道\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 (BOM)"),
        (TEXT.encode("gbk"), "GBK"),
        (TEXT.encode("utf-16"), "UTF-16 (BOM)"),
    ],
)
def test_the_bytes_decide_the_encoding(data: bytes, encoding: str) -> None:
    decoded = decode_text(data)
    assert (decoded.text, decoded.encoding) == (TEXT, encoding)


def test_gb18030_only_characters_are_read_and_named() -> None:
    text = "code,name\nC2,𠀀字路口\n"  # U+20000 has no GBK code: GB18030's four-byte form
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    decoded = decode_text(text.encode("gb18030"))
    assert (decoded.text, decoded.encoding) == (text, "GB18030")


def test_bytes_in_no_known_encoding_are_refused_in_words() -> None:
    with pytest.raises(TextEncodingError, match="save it as UTF-8"):
        decode_text(b"code,name\n\xff\xfe\xff\x80\x80\n")


def test_a_file_that_must_be_utf8_says_what_it_looks_like(tmp_path: Path) -> None:
    path = tmp_path / "roads.geojson"
    path.write_bytes('{"name": "大学路"}'.encode("gbk"))
    with pytest.raises(TextEncodingError, match="is not UTF-8 \\(it looks like GBK\\)"):
        read_utf8(path, "GeoJSON")
    path.write_bytes(codecs.BOM_UTF8 + '{"name": "大学路"}'.encode())
    assert read_utf8(path, "GeoJSON") == '{"name": "大学路"}'
    assert read_text(path).encoding == "UTF-8 (BOM)"
