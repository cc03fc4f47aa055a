"""The workstation's video client without Qt: what a tile is doing (``tile_state``), the session
that drives one tile's players (``session``) behind the ``VideoBackend`` seam (``backend``), the
libVLC backend (``vlc_backend``, ``vlc_instance``), rates from a player's counters, and the camera
drag payload. ``vlc`` is imported inside functions only, so all of this imports without libVLC.
"""
