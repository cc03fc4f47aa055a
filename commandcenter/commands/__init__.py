"""The headless subcommands' shared parts and the import commands themselves: which database a
command works on (and saying so), asking before replacing data, ``import-cameras`` and
``import-geojson``. ``commandcenter.cli`` assembles them; the GUI entry (``ui.main``) uses the same
database rule."""
