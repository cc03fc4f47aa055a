"""Map logic without Qt: tile maths, tile sources (MBTiles, XYZ with a disk cache), projecting overlays
in the base map's datum, and the live units as numpy arrays with their display state.

The widgets in ``ui/map`` only draw what this package computes, so the same logic runs in tests and
benchmarks without a window.
"""
