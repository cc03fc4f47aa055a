"""The video wall's decisions, free of Qt: layouts, which camera sits in which cell, which stream a
tile plays. The Qt wall (``ui/videowall``) only carries them out, so they are tested without windows."""
