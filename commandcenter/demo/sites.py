"""Construction sites (工地) and muck disposal sites (建筑垃圾消纳场) of a district copy.

Muck trucks shuttle between the two, and the 渣运监管 platform watches both with cameras, so both
kinds carry 工地 cameras; a disposal site's camera names contain ``DISPOSAL_MARK``, which is how the
simulator tells the two apart when it reads camera positions back from the store.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from commandcenter.demo.district import Frame
from commandcenter.demo.names import place_stem
from commandcenter.demo.placing import beside
from commandcenter.demo.roads import SegmentPlan

DISPOSAL_MARK = "消纳场"
CONSTRUCTION_SITES = 60
_DISPOSAL_PLACES = (("尖岗", 0.30, 0.06), ("南岗", 0.62, 0.07), ("刘湾", 0.06, 0.30), ("马寨", 0.08, 0.80))
_PROJECT_FORMS = (
    "{}花园{}期项目",
    "{}家园{}期项目",
    "{}雅苑{}期项目",
    "{}华庭项目",
    "{}安置房项目",
    "{}商业综合体项目",
    "{}学校新建项目",
)
_ROAD_WORKS = ("{}道路改造工程", "{}雨污分流工程", "{}综合管廊工程")
_PHASES = "一二三四"


@dataclass(frozen=True)
class SitePlan:
    name: str
    xy: tuple[float, float]
    disposal: bool


def _project_name(rng: random.Random, segments: list[SegmentPlan]) -> str:
    if rng.random() < 0.2:
        return rng.choice(_ROAD_WORKS).format(rng.choice(segments).road.name)
    return rng.choice(_PROJECT_FORMS).format(place_stem(rng), rng.choice(_PHASES))


def plan_sites(rng: random.Random, frame: Frame, segments: list[SegmentPlan]) -> list[SitePlan]:
    """Sixty construction sites beside random segments, and four disposal sites near the edges."""
    sites: list[SitePlan] = []
    names: set[str] = set()
    while len(sites) < CONSTRUCTION_SITES:
        name = _project_name(rng, segments) + frame.suffix
        if name in names:
            continue
        names.add(name)
        segment = rng.choice(segments)
        offset = rng.choice((1, -1)) * rng.uniform(80, 200)
        sites.append(SitePlan(name, beside(segment.line, rng.uniform(0, segment.line.length), offset), False))
    for place, fx, fy in _DISPOSAL_PLACES:
        xy = frame.at(fx + rng.uniform(-0.02, 0.02), fy + rng.uniform(-0.02, 0.02))
        sites.append(SitePlan(f"{place}建筑垃圾{DISPOSAL_MARK}{frame.suffix}", xy, True))
    return sites
