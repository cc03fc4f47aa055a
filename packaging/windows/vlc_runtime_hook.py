"""PyInstaller runtime hook: python-vlc finds the bundled libVLC (libvlc.dll, libvlccore.dll and the
plugins folder next to the program) before any system VLC. Runs before the program's own code."""

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
