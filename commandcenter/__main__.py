"""``python -m commandcenter`` is the same as the ``commandcenter`` command, minus the GUI."""

from commandcenter.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
