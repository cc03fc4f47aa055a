"""Text files from the field: which encoding a file is in, decided in one place for every importer.

Excel on Chinese Windows saves "CSV" in the ANSI code page — GBK (cp936) — and "CSV UTF-8" with a
byte-order mark; vendors' tools write plain UTF-8. Reading such a file as UTF-8 fails on the first
Chinese character, and reading it as Latin-1 "succeeds" into garbage names. So the bytes decide:

1. a byte-order mark (UTF-8, UTF-16 LE/BE) names its encoding;
2. otherwise strict UTF-8, which a GBK file with Chinese text practically never passes;
3. otherwise GBK, then GB18030 (its superset: rare characters, minority scripts).

The encoding found is returned with the text so an import summary can say what it read. JSON
formats are UTF-8 by their standard (RFC 8259, RFC 7946): ``read_utf8`` refuses anything else, in
words that name what the file seems to be instead.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 (BOM)"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 (BOM)"),
)
_WITHOUT_BOM = (("utf-8", "UTF-8"), ("gbk", "GBK"), ("gb18030", "GB18030"))


class TextEncodingError(ValueError):
    """The file's bytes are in no encoding we read (or not in the one its format requires)."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # as shown to people: "UTF-8", "UTF-8 (BOM)", "UTF-16 (BOM)", "GBK", "GB18030"


def decode_text(data: bytes) -> DecodedText:
    """The text of ``data`` by the rules in the module text; ``TextEncodingError`` if none fits."""
    for bom, codec, shown in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(codec), shown)
            except UnicodeDecodeError as error:
                raise TextEncodingError(f"starts with a {shown} mark but is not {shown}: {error}") from None
    for codec, shown in _WITHOUT_BOM:
        try:
            return DecodedText(data.decode(codec), shown)
        except UnicodeDecodeError:
            continue
    raise TextEncodingError("not UTF-8, GBK or GB18030 text (save it as UTF-8)")


def read_text(path: Path) -> DecodedText:
    """``decode_text`` of a file; ``OSError`` when it cannot be read at all."""
    return decode_text(path.read_bytes())


def read_utf8(path: Path, what: str) -> str:
    """A file whose format requires UTF-8 (``what``: "GeoJSON", "JSON"); a BOM is tolerated."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        found = decode_text(data).encoding
    except TextEncodingError:
        found = "unknown"
    raise TextEncodingError(
        f"{path} 不是 UTF-8 编码 is not UTF-8 (it looks like {found}); "
        f"{what} files must be UTF-8: save it again as UTF-8"
    )
