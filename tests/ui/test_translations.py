"""Every translatable string in ui/ has a finished zh_CN translation and the shipped .qm is compiled
from the shipped .ts. Fix a failure with ``scripts/update_translations`` (then translate)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TS = resource_path("translations", "commandcenter_zh_CN.ts")
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed next to {sys.executable}")
    return str(path)


def _ui_sources() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts
    )


def _unfinished(ts: Path) -> list[str]:
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            if kind in ("vanished", "obsolete"):
                continue
            forms = [] if translation is None else [f.text or "" for f in translation.iter("numerusform")]
            text = "".join(forms) if forms else (translation.text if translation is not None else "")
            if translation is None or kind == "unfinished" or not (text or "").strip():
                problems.append(f"{name}: {message.findtext('source')!r}")
    return problems


def test_every_ui_string_has_a_finished_chinese_translation(tmp_path: Path) -> None:
    fresh = tmp_path / TS.name
    shutil.copyfile(TS, fresh)
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *_ui_sources(),
            "-ts",
            str(fresh),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    missing = _unfinished(fresh)
    assert not missing, "untranslated (run scripts/update_translations):\n" + "\n".join(missing)


def test_compiled_translation_matches_the_source(tmp_path: Path) -> None:
    compiled = tmp_path / QM.name
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert QM.is_file(), f"{QM} is missing: run scripts/update_translations"
    assert compiled.read_bytes() == QM.read_bytes(), f"{QM} is stale: run scripts/update_translations"
