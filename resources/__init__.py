"""Data files shipped with the application: QSS themes, translations, default config.

Code finds them through ``resource_path`` instead of ``__file__`` arithmetic so the same call works
from a source checkout, an installed wheel and a PyInstaller bundle (where ``importlib.resources``
still resolves the package to a real folder).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The file or folder ``resources/<parts...>`` as a filesystem path, e.g.
    ``resource_path("themes", "dark.qss")``. Qt loaders (QTranslator, QFile) need real paths."""
    return Path(str(resources.files(__name__).joinpath(*parts)))
