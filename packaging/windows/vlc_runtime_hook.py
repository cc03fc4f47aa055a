"""PyInstaller runtime hook: python-vlc finds the bundled libVLC (libvlc.dll, libvlccore.dll and the
plugins folder next to the program) before any system VLC. Runs before the program's own code.
On Linux (a frozen build for testing; the package ships the venv) libVLC is the system's: its plugins
folder is named, since libVLC would look for it beside the program."""

import glob
import os
import sys

_base = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
_dll = os.path.join(_base, "libvlc.dll")
if os.path.isfile(_dll):
    os.environ["PYTHON_VLC_LIB_PATH"] = _dll
    os.environ["PYTHON_VLC_MODULE_PATH"] = _base
    os.environ["VLC_PLUGIN_PATH"] = os.path.join(_base, "plugins")
    if hasattr(os, "add_dll_directory"):
        os.add_dll_directory(_base)
elif sys.platform.startswith("linux") and not os.environ.get("VLC_PLUGIN_PATH"):
    _found = sorted(glob.glob("/usr/lib/*/vlc/plugins")) + sorted(glob.glob("/usr/lib/vlc/plugins"))
    if _found:
        os.environ["VLC_PLUGIN_PATH"] = _found[0]
