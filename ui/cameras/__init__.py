"""The camera tree dock (issue 3): all cameras by kind, office and segment, search, favourites, drag."""
