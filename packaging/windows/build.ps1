# Windows build recipe (issue 19): run on a Windows 10/11 x64 build machine from the repository root,
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-VlcDir "C:\Program Files\VideoLAN\VLC"]
# Needs: Python 3.11 x64 (py launcher), VLC 3.0 x64 from videolan.org installed (or unpacked) at
# -VlcDir, Inno Setup 6 (iscc.exe on PATH or in its default folder).
# Makes: dist\commandcenter\ (PyInstaller one folder) and dist\commandcenter-<version>-setup.exe.
param([string]$VlcDir = "C:\Program Files\VideoLAN\VLC")
$ErrorActionPreference = "Stop"

$version = (Select-String -Path pyproject.toml -Pattern '^version = "(.*)"').Matches[0].Groups[1].Value
if (-not (Test-Path "$VlcDir\libvlc.dll")) { throw "libvlc.dll not found in $VlcDir (install VLC 3 x64 or pass -VlcDir)" }

py -3.11 -m venv .build-venv
.build-venv\Scripts\python -m pip install --upgrade pip
.build-venv\Scripts\python -m pip install . "pyinstaller>=6.6"

$env:VLC_DIR = $VlcDir
.build-venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\windows\commandcenter.spec

# The frozen program must answer before it is packed: version, and a child module through self_command.
$out = & dist\commandcenter\commandcenter.exe --version
if ($out -ne "commandcenter $version") { throw "frozen --version said: $out" }
& dist\commandcenter\commandcenter.exe --x-run-module commandcenter.streaming.stream_server --help | Out-Null
if ($LASTEXITCODE -ne 0) { throw "the frozen stream server does not start" }

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\commandcenter.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "dist\commandcenter-$version-setup.exe"
