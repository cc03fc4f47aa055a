"""Chinese wording for generated reports: where (an address on a segment) and what (a description).

Shared by the historical cases of the demo data and the live reports of the simulator, so both read
alike: "二七区大学路与陇海路交叉口向北50米" and "市民反映：水果摊占用人行道经营，请尽快处理。"
"""

from __future__ import annotations

import random
import re

from commandcenter.domain.categories import category_by_code

DISTRICT_LABEL = "二七区"
_SEGMENT_NAME = re.compile(r"^(?P<road>[^(第]+)(?:\((?P<a>[^—)]+)—(?P<b>[^)]+)\))?")
_DIRECTIONS = "东南西北"
_DETAILS: dict[str, tuple[str, ...]] = {
    "占道经营": ("沿街门店将货架摆放到人行道上", "水果摊占用人行道经营", "餐馆在门前摆放桌椅占道经营"),
    "无照经营游商": ("流动商贩推车售卖水果", "路口有三轮车流动售卖", "游商摆地摊售卖日用品"),
    "暴露垃圾": ("路边有一堆生活垃圾无人清理", "垃圾桶旁散落大量垃圾", "绿化带内有暴露垃圾"),
    "乱堆物堆料": ("人行道上堆放建筑材料", "门店在路边堆放杂物", "小区门口堆放废旧家具"),
    "非法小广告": ("电线杆上张贴大量小广告", "墙面喷涂办证小广告", "公交站牌上张贴小广告"),
    "道路不洁": ("路面有大片油污", "路面泥土较多，影响通行", "道路两侧落叶垃圾未清扫"),
    "渣土撒漏": ("渣土车经过后路面撒漏大量渣土", "路面有渣土撒漏，车辆经过扬尘严重"),
    "工地扬尘": ("工地裸土未覆盖，扬尘严重", "工地出入口车辆未冲洗"),
    "井盖缺损": ("井盖破损，存在安全隐患", "井盖丢失，已有行人险些跌倒", "井盖松动，车辆经过响声很大"),
    "路灯不亮": ("整段路灯夜间不亮", "路灯闪烁不停", "连续三盏路灯不亮"),
    "道路积水": ("雨后路面积水较深，车辆无法通行", "路口积水严重，行人绕行"),
    "机动车乱停放": ("多辆机动车停放在人行道上", "车辆占用盲道停放"),
    "非机动车乱停放": ("共享单车堆放在路口", "电动车停满人行道"),
    "违法搭建": ("楼顶私自搭建彩钢板房", "门店在门前私自搭建雨棚"),
    "露天烧烤": ("夜间路边露天烧烤，油烟较大", "烧烤摊占用人行道经营"),
}
_SOURCE_LEAD = {
    "市民上报": "市民反映：",
    "督查员": "督查发现：",
    "城市平台": "平台转办：",
    "视频": "视频巡查发现：",
}


def parse_segment_name(name: str) -> tuple[str, tuple[str, ...]]:
    """Road and cross roads of a segment name: ``"大学路(陇海路—航海路)"`` → ``("大学路", ("陇海路",
    "航海路"))``, ``"大学路第2段"`` → ``("大学路", ())``."""
    match = _SEGMENT_NAME.match(name)
    if not match:
        return name, ()
    crosses = tuple(value for value in (match["a"], match["b"]) if value)
    return match["road"], crosses


def address_on(rng: random.Random, segment_name: str) -> str:
    """A plausible street address on a segment, near one of its cross roads when it has any."""
    road, crosses = parse_segment_name(segment_name)
    if crosses and rng.random() < 0.6:
        distance = rng.choice((10, 20, 30, 50, 80, 100, 150))
        return f"{DISTRICT_LABEL}{road}与{rng.choice(crosses)}交叉口向{rng.choice(_DIRECTIONS)}{distance}米"
    return f"{DISTRICT_LABEL}{road}{rng.randint(1, 399)}号附近"


def describe(rng: random.Random, category_code: str, source: str) -> str:
    """What the reporter says, in one sentence, in the category's own terms."""
    spec = category_by_code(category_code)
    name = spec.name if spec else category_code
    details = _DETAILS.get(name)
    detail = rng.choice(details) if details else (spec.filing_condition if spec else f"发现{name}问题")
    return f"{_SOURCE_LEAD.get(source, '')}{detail}，请尽快处理。"
