"""The demo's streaming side: clips made with ffmpeg and the loopback stream server process that
serves them (libVLC VLM behind a relay with a GOP cache), standing in for a real media server
(ZLMediaKit, MediaMTX, WVP). The workstation's video client lives in ``commandcenter.video``.

Nothing here imports libVLC at module level; the functions that need it import ``vlc`` inside,
so the core stays importable (and testable) on a machine without libVLC.
"""
