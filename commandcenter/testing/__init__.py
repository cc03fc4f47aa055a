"""Test support shipped with the package (fixtures for our tests and, later, for plugin authors)."""
