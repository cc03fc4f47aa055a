"""The widget side of the plugin API, versioned with ``commandcenter.plugins_api.API_VERSION``: what a
plugin's panel factory may use, and nothing more.

``create(host)`` receives a ``PanelHost`` (a parent widget and ``submit`` for background jobs) and
returns a QWidget; ``QtRecordPanel`` covers the common "list + add form + row actions" case and
``QtTabbedPanel`` puts several of them on tabs. The names below are the whole public surface.
The other modules of this package are the host's (docks, menu, map layers, cards, the plugin
manager): plugins never import them (import-linter contract in ``pyproject.toml``).
"""

from commandcenter.plugins_api.version import API_VERSION
from ui.plugins.panel_host import PanelHost
from ui.plugins.qt_record_panel import Column, FormField, QtRecordPanel, RowAction
from ui.plugins.qt_tabbed_panel import QtTabbedPanel

__all__ = ["API_VERSION", "Column", "FormField", "PanelHost", "QtRecordPanel", "QtTabbedPanel", "RowAction"]
