"""``python -m commandcenter`` is the same as the ``commandcenter`` command."""

from commandcenter.cli import main

raise SystemExit(main())
