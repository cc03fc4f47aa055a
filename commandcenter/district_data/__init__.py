"""Base data of a real district: reading its files (import) and checking it holds together."""
