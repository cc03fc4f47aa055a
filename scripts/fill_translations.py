#!/usr/bin/env python3
"""Fill unfinished zh_CN entries of the .ts file from tab-separated files (``English<TAB>中文``).

Several engineers add UI strings at once; each writes the translations of their own strings to a
TSV, and this fills exactly the entries ``lupdate`` marked unfinished whose source matches (contexts
are ignored: one English phrase has one Chinese wording across the product). Then run
``scripts/update_translations`` again to compile. Prints what is still unfinished.

    python scripts/fill_translations.py translations.tsv [more.tsv ...]
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "commandcenter_zh_CN.ts"
MESSAGE = re.compile(
    r"(<source>(?P<source>[^<]*)</source>\s*)<translation type=\"unfinished\">(?P<old>[^<]*)</translation>"
)


def read_pairs(paths: list[Path]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for path in paths:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            if "\t" not in line:
                raise SystemExit(f"{path}:{number}: expected 'English<TAB>中文'")
            english, chinese = line.split("\t", 1)
            pairs[english] = chinese.strip()
    return pairs


def main() -> int:
    pairs = read_pairs([Path(argument) for argument in sys.argv[1:]])
    text = TS.read_text("utf-8")
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        source = html.unescape(match.group("source"))
        chinese = pairs.get(source)
        if chinese is None:
            missing.append(source)
            return match.group(0)
        return f"{match.group(1)}<translation>{html.escape(chinese, quote=False)}</translation>"

    TS.write_text(MESSAGE.sub(fill, text), "utf-8")
    for source in missing:
        print(f"still unfinished: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
