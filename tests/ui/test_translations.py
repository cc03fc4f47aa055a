"""Every translatable string in ui/ has a finished zh_CN translation, lupdate extracts every string the
code marks (a ``tr()`` inside an f-string's braces, or with an argument lupdate's Python parser
cannot follow, is silently left out), and the shipped .qm is compiled from the shipped .ts. Fix a
failure with ``scripts/update_translations`` (then translate). Strings formatted outside ``tr()``
altogether are caught on the screen by ``test_visible_language.py``."""

from __future__ import annotations

import ast
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


class _Marked(ast.NodeVisitor):
    """(where, context, source) of every ``tr("…")``, ``translate("ctx", "…")`` and
    ``QT_TRANSLATE_NOOP("ctx", "…")`` with literal text; ``tr``'s context is the enclosing class."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.classes: list[str] = []
        self.found: list[tuple[str, str, str]] = []
        self.hidden: list[str] = []  # a literal text under a context lupdate cannot read (a variable)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        texts = [
            arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
            for arg in node.args
        ]
        where = f"{self.path}:{node.lineno}"
        if name in ("tr", "QT_TR_NOOP") and texts and texts[0] is not None and self.classes:
            self.found.append((where, self.classes[-1], texts[0]))
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(texts) >= 2 and None not in texts[:2]:
            self.found.append((where, str(texts[0]), str(texts[1])))
        elif name == "translate" and len(texts) >= 2 and texts[0] is None and texts[1] is not None:
            self.hidden.append(f"{where}: {texts[1]!r}")
        self.generic_visit(node)


def test_lupdate_extracts_every_marked_string() -> None:
    extracted = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(TS).getroot().iter("context")
        for message in context.iter("message")
    }
    missed, hidden = [], []
    for source in _ui_sources():
        marked = _Marked(source)
        marked.visit(ast.parse((ROOT / source).read_text("utf-8")))
        hidden += marked.hidden
        missed += [
            f"{where}: {context}: {text!r}"
            for where, context, text in marked.found
            if (context, text) not in extracted
        ]
    assert not missed, (
        "marked for translation but not in the .ts (lupdate cannot see it there):\n" + "\n".join(missed)
    )
    assert not hidden, (  # lupdate skips translate(VARIABLE, "text"): the text stays English in zh_CN
        "a literal text translated under a variable context (write the context literally):\n"
        + "\n".join(hidden)
    )


def test_compiled_translation_matches_the_source(tmp_path: Path) -> None:
    compiled = tmp_path / QM.name
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert QM.is_file(), f"{QM} is missing: run scripts/update_translations"
    assert compiled.read_bytes() == QM.read_bytes(), f"{QM} is stale: run scripts/update_translations"
