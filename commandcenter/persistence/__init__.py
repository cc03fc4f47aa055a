"""Persistence: the only package that imports SQLAlchemy.

``models`` declares the schema, ``migrations`` evolves it (Alembic), ``database`` opens engines
with clear errors, and ``store`` is the API every source (simulator, gateway, importers) and every
service writes and reads through.
"""
