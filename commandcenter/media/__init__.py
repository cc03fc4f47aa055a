"""Video sources: demo clips, the loopback demo stream server, stream URLs and health probes.

Nothing here imports libVLC at module level; the functions that need it import ``vlc`` inside,
so the core stays importable (and testable) on a machine without libVLC.
"""
