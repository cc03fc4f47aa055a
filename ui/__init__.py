"""The PySide6 user interface: thin Qt views over the Qt-free ``commandcenter`` core.

Depends on ``commandcenter``; the core never imports this package.
"""
