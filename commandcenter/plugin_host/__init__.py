"""The plugin host: discovery, manifests, loading, activation, per-seat enablement, the guard around
every call into plugin code, and the boundary converting the core's records into the plugin API's.

Plugins never import this package (``commandcenter.plugins_api`` is their whole surface); the window
(``ui.plugins.qt_plugins``), the demo loader and the benchmark use it. See ``docs/PLUGINS.md``.
"""
