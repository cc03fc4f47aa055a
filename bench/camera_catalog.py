"""Camera catalog speed (issue 3): search index build, search per keystroke, tree build, nearest.

The seed district's cameras come from the demo generator (no database: this measures the catalog,
not SQLite); "×10" is the seed list repeated ten times with distinct codes, the size of a whole
city (56,850 fixed + vehicle cameras). Prints figures, then one JSON object on the last line.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.district.models import Office, Segment, Vehicle
from commandcenter.persistence.units.models import Unit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from commandcenter.catalog.grouping import build_tree
from commandcenter.catalog.nearest import NearestCameraIndex
from commandcenter.catalog.search import CameraSearch
from commandcenter.demo.generate import generate
from commandcenter.domain.cameras import CameraEntry

# What an operator types, one keystroke at a time.
TYPED = ("jsl", "建设路", "CAM-ST-012", "dxl", "4101")


def seed_cameras() -> tuple[list[CameraEntry], dict[int, tuple[float, float]]]:
    rows = generate(1)
    offices = {row["id"]: row["name"] for row in rows[Office]}
    segments = {row["id"]: row["name"] for row in rows[Segment]}
    vehicle_unit = {row["id"]: row["unit_id"] for row in rows[Vehicle]}
    units = {
        row["id"]: (row["last_lon"], row["last_lat"])
        for row in rows[Unit]
        if row.get("last_lon") is not None and row.get("last_lat") is not None
    }
    cameras = [
        CameraEntry(
            code=row["code"],
            name=row["name"],
            kind=row["kind"],
            office=offices.get(row.get("office_id")),
            segment=segments.get(row.get("segment_id")),
            lon=row.get("lon"),
            lat=row.get("lat"),
            online=row.get("online", True),
            main_url=row.get("main_url") or "",
            sub_url=row.get("sub_url") or "",
            gb_device_id=row.get("gb_device_id"),
            vehicle_unit_id=vehicle_unit.get(row.get("vehicle_id")),
        )
        for row in rows[Camera]
    ]
    return cameras, units


def timed_ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=2000, help="nearest-camera queries")
    args = parser.parse_args()
    seed, units = seed_cameras()
    city = [replace(camera, code=f"{camera.code}-{copy}") for copy in range(10) for camera in seed]
    build_seed = timed_ms(lambda: CameraSearch(seed))  # cold: learns every character's initials
    print(f"search index, seed ({len(seed):,} cameras, cold pinyin table): {build_seed:.0f} ms")
    holder: list[CameraSearch] = []
    build_city = timed_ms(lambda: holder.append(CameraSearch(city)))
    print(f"search index, ×10 ({len(city):,} cameras): {build_city:.0f} ms")
    search = holder[0]
    typed = [text[:n] for text in TYPED for n in range(1, len(text) + 1)]
    keystrokes = [timed_ms(functools.partial(search.search, query)) for query in typed]
    p50, worst = statistics.median(keystrokes), max(keystrokes)
    print(f"search per keystroke, ×10: median {p50:.2f} ms, max {worst:.2f} ms over {len(typed)} keystrokes")
    tree_ms = timed_ms(lambda: build_tree(city))
    print(f"tree build, ×10: {tree_ms:.0f} ms (in the loading worker, once)")
    index = NearestCameraIndex(seed, units)
    rng = random.Random(3)
    placed = [c for c in seed if c.lon is not None and c.lat is not None]
    points = []
    for camera in rng.choices(placed, k=args.queries):
        lon, lat = camera.lon or 0.0, camera.lat or 0.0  # placed: never None
        points.append((lon + rng.uniform(-0.002, 0.002), lat + rng.uniform(-0.002, 0.002)))
    started = time.perf_counter()
    for lon, lat in points:
        index.nearest(lon, lat, 8)
    nearest_us = (time.perf_counter() - started) / len(points) * 1e6
    print(f"nearest 8 cameras, seed: {nearest_us:.0f} µs per query")
    print(
        json.dumps(
            {
                "search_build_ms_seed": round(build_seed, 1),
                "search_build_ms_x10": round(build_city, 1),
                "keystroke_p50_ms_x10": round(p50, 3),
                "keystroke_max_ms_x10": round(worst, 3),
                "tree_build_ms_x10": round(tree_ms, 1),
                "nearest_us_seed": round(nearest_us, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
