"""The documented minimal plugin: copy it to write your own (see docs/PLUGINS.md)."""
