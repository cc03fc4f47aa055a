"""The Windows build (issue 19) runs on a Windows machine (packaging/windows/build.ps1); what can be
checked here is: the PyInstaller spec evaluates with PyInstaller's real hooks and bundles every data
file the program needs, and the Inno Setup script's sections, version, sources and shortcuts agree
with the spec and the project."""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import Any

import pytest

from commandcenter import __version__

REPO = Path(__file__).resolve().parents[2]
WINDOWS = REPO / "packaging" / "windows"


class Recorded:
    """Stands in for PyInstaller's build targets (Analysis, PYZ, EXE, COLLECT), keeping their arguments."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.pure = self.scripts = self.binaries = self.datas = ()


@pytest.fixture(scope="module")
def spec(monkeypatch_module: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch_module.delenv("VLC_DIR", raising=False)
    namespace: dict[str, Any] = {"SPECPATH": str(WINDOWS), "__name__": "spec"}
    namespace.update(dict.fromkeys(("Analysis", "PYZ", "EXE", "COLLECT"), Recorded))
    source = (WINDOWS / "commandcenter.spec").read_text(encoding="utf-8")
    exec(compile(source, "commandcenter.spec", "exec"), namespace)
    return namespace


@pytest.fixture(scope="module")
def monkeypatch_module() -> Any:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def bundled(spec: dict[str, Any]) -> set[str]:
    """Every bundled data file as its path inside the frozen program."""
    inside = set()
    for source, target in spec["a"].kwargs["datas"]:
        assert Path(source).exists(), source
        inside.add(f"{target}/{Path(source).name}".replace("\\", "/"))
    return inside


def test_the_spec_bundles_resources_migrations_and_plugins(spec: dict[str, Any]) -> None:
    files = bundled(spec)
    assert "resources/translations/commandcenter_zh_CN.qm" in files
    assert "resources/themes/dark.qss" in files
    assert "./commandcenter.ico" in files
    versions = REPO / "commandcenter" / "persistence" / "migrations" / "versions"
    for migration in versions.glob("*.py"):
        assert f"commandcenter/persistence/migrations/versions/{migration.name}" in files
    assert "commandcenter/persistence/migrations/env.py" in files
    for manifest in (REPO / "plugins").glob("*/plugin.toml"):
        assert f"plugins/{manifest.parent.name}/plugin.toml" in files


def test_the_spec_imports_every_module_loaded_by_name(spec: dict[str, Any]) -> None:
    hidden = set(spec["a"].kwargs["hiddenimports"])
    assert {"commandcenter.streaming.stream_server", "commandcenter.gateway.workers", "vlc"} <= hidden
    assert {f"plugins.{p.parent.name}" for p in (REPO / "plugins").glob("*/plugin.toml")} <= hidden
    hooks = spec["a"].kwargs["runtime_hooks"]
    assert [Path(hook).name for hook in hooks] == ["vlc_runtime_hook.py"]
    assert all(Path(hook).is_file() for hook in hooks)
    names = {target.kwargs["name"] for target in (spec["exe"], spec["exe_windowed"])}
    assert names == {"commandcenter", "commandcenterw"}


def test_the_runtime_hook_points_python_vlc_at_the_bundled_libvlc(tmp_path: Path) -> None:
    (tmp_path / "libvlc.dll").write_bytes(b"")
    fake_sys = types.SimpleNamespace(_MEIPASS=str(tmp_path), executable=str(tmp_path / "x.exe"))
    environ: dict[str, str] = {}
    fake_os = types.SimpleNamespace(path=__import__("os").path, environ=environ)
    source = (WINDOWS / "vlc_runtime_hook.py").read_text(encoding="utf-8")
    source = source.replace("import glob\nimport os\nimport sys\n", "")
    exec(compile(source, "vlc_runtime_hook.py", "exec"), {"os": fake_os, "sys": fake_sys})
    assert environ["PYTHON_VLC_LIB_PATH"] == str(tmp_path / "libvlc.dll")
    assert environ["VLC_PLUGIN_PATH"] == str(tmp_path / "plugins")


def iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            assert current not in sections, f"section [{current}] twice"
            sections[current] = []
        else:
            assert current is not None, f"line outside a section: {line}"
            sections[current].append(line)
    return sections


def test_the_installer_script_agrees_with_the_spec_and_the_project() -> None:
    text = (WINDOWS / "commandcenter.iss").read_text(encoding="utf-8")
    sections = iss_sections(text)
    assert {"Setup", "Languages", "Files", "Icons", "Code"} <= sections.keys()
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert f'#define AppVersion "{__version__}"' in text
    assert setup["AppVersion"] == "{#AppVersion}"
    assert (WINDOWS / setup["SetupIconFile"].replace("\\", "/")).resolve().is_file()
    app_id = setup["AppId"].replace("{{", "{")  # Inno Setup writes a literal brace as {{
    assert re.fullmatch(r"\{[0-9A-F-]{36}\}", app_id)
    assert app_id.strip("{}") in "\n".join(sections["Code"]), "the downgrade check reads another AppId"
    sources = [re.search(r'Source: "([^"]+)"', line) for line in sections["Files"]]
    assert [Path(m.group(1).replace("\\", "/")).parent for m in sources if m] == [
        Path("../../dist/commandcenter")
    ]
    assert all("commandcenterw.exe" in line for line in sections["Icons"])
    assert any("--safe-mode" in line for line in sections["Icons"])
    code = "\n".join(sections["Code"])
    assert len(re.findall(r"\bbegin\b", code)) == len(re.findall(r"\bend;", code))
    assert "function InitializeSetup(): Boolean;" in code


def test_the_build_script_names_files_that_exist() -> None:
    script = (WINDOWS / "build.ps1").read_text(encoding="utf-8")
    for path in re.findall(r"packaging\\windows\\[\w.]+", script):
        assert (REPO / path.replace("\\", "/")).is_file(), path
    assert "--x-run-module commandcenter.streaming.stream_server" in script
