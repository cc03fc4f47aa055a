"""The widget side of the plugin API: what a plugin's panel factory may use.

``create(host)`` receives a ``PanelHost`` (a parent widget and ``submit`` for background jobs) and
returns a QWidget; ``QtRecordPanel`` covers the common "list + add form + row actions" case. The
rest of this package is the host's: docks, menu, map layers, cards and the plugin manager view.
"""

from ui.plugins.panel_host import PanelHost
from ui.plugins.qt_record_panel import Column, FormField, QtRecordPanel, RowAction

__all__ = ["Column", "FormField", "PanelHost", "QtRecordPanel", "RowAction"]
