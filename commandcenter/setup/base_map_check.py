"""Is the base map the wizard was given usable? An XYZ template needs its ``{z}``, ``{x}`` and
``{y}`` (or ``{-y}``) and an http(s) address; an MBTiles file must exist, be readable and be an
MBTiles database. Run on a worker: the file may be on a slow share. Returns a key and a detail
(the ``ui`` words them), or None when the base map can be used."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

from commandcenter.config import MapSettings
from commandcenter.mapping.mbtiles import MBTiles, MBTilesError


class BaseMapProblem(StrEnum):
    NO_URL = "no_url"
    NOT_HTTP = "not_http"
    NO_PLACEHOLDERS = "no_placeholders"  # {z}, {x} and {y} / {-y} are all needed
    NO_FILE = "no_file"
    NOT_READABLE = "not_readable"
    NOT_MBTILES = "not_mbtiles"


def check_base_map(settings: MapSettings) -> tuple[BaseMapProblem, str] | None:
    if settings.base == "xyz":
        return _check_xyz(settings.xyz_url.strip())
    if settings.base == "mbtiles":
        return _check_mbtiles(settings.mbtiles_path.strip())
    return None


def _check_xyz(url: str) -> tuple[BaseMapProblem, str] | None:
    if not url:
        return BaseMapProblem.NO_URL, ""
    if not url.lower().startswith(("http://", "https://")):
        return BaseMapProblem.NOT_HTTP, url
    if "{z}" not in url or "{x}" not in url or ("{y}" not in url and "{-y}" not in url):
        return BaseMapProblem.NO_PLACEHOLDERS, url
    return None


def _check_mbtiles(name: str) -> tuple[BaseMapProblem, str] | None:
    path = Path(name).expanduser()
    if not name or not path.is_file():
        return BaseMapProblem.NO_FILE, name
    if not os.access(path, os.R_OK):
        return BaseMapProblem.NOT_READABLE, str(path)
    try:
        MBTiles(path).close()
    except MBTilesError as error:
        return BaseMapProblem.NOT_MBTILES, str(error.__cause__ or error)
    return None
