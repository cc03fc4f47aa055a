"""The frozen program's entry point (PyInstaller): the ``commandcenter`` command. ``ui.main.main``
runs a hidden child module first when asked (``commandcenter.self_command``)."""

import sys

from ui.main import main

if __name__ == "__main__":
    sys.exit(main())
