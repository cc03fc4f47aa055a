"""Road names for the demo district: real Erqi street names topped up with plausible invented ones.

Only the names are real (public street names seen in addresses and bus-stop names); every road
geometry in the demo is generated. Obvious typos (准北街, 庆风街) and near-duplicates (德化步行商业街,
二七广场德化街, 万达金街, 郑平公路, 齐里阎北二街) of the source list were dropped.
"""

from __future__ import annotations

import random

from commandcenter.demo.names import words

REAL_ROAD_NAMES: tuple[str, ...] = words(
    """
    大学路 大学南路 长江路 嵩山路 京广路 政通路 淮河路 陇海路 连云路
    德化街 航海路 郑密路 碧云路 民主路 汝河路 淮南街 南环路 兴华街 绕城路
    中原路 交通路 嵩山南路 陇海中路 庆丰街 桃源路 工人路 兴华南街 行云路
    棉纺东路 人和路 同兴街 学院路 贺江路 漓江路 京广南路 永安街 淮北街
    华中路 汉江路 保全街 航海中路 铭功路 康复前街 勤劳街 曙光路 大学中路
    西大街 福寿街 黄郭路 金水路 伊河路 棉纺路 大同路 大学北路 一马路
    兴华北街 淮河东路 铁英街 赣江路 京广中路 西站路 绿水路 建设东路 幸福路
    太康路 长江中路 百花路 中原东路 民安路 二马路 沙口路 南阳路
    二七万达金街 二环支路 南顺城街 新圃西街 解放路 东方路 南屏路 德化新街
    建云路 郑航街 安康路 冯庄路 京广北路 祥云路 桃源南街 南下街 建设路
    沁河路 合作路 优胜南路 丹枫路 柳江路 贾峪路 工业路 梁庄街 南彩路
    先锋路 康复中街 二道街 建新街 西陈庄前街 新圃街 互助路 嵩山北路 建云街
    庆喜路 布厂街 人民南路 右江路 郑大市场南街 长江东路 德化步行街 和平路
    苗圃街 京广快速路 德化美食街 蜜蜂张街 彩虹路 金沙江路 二七路 张魏寨中街
    紫荆山南路 防疫路 文化路 庆泰路 尧山路 秀水路 延陵街 太和路 正兴街
    永安东街 建新西街 杨寨步行街 铁三官庙路 桂江路 红云路 小赵寨街 苑陵街
    卫生路 新圃南街 丹青路 花寨路 科技路 陇海快速路 云台路 航海北街 春晖路
    清江路 齐礼阎路 友爱路 马寨同兴街 灵山路 沅江路 代庄街 鼎盛大道
    凤鸣南路 淮河西路 浔江路 丹阳路 郑平路 科技西路 庆丰路 浩渺路 东福民街
    通站路 西前街 黄岗寺中街 劳卫路 兴盛路 郑大市场街 发展路 南三环辅路
    人民路
    """
)

_INVENTED_STEMS = words("瑞祥 嘉禾 锦绣 翠竹 和顺 永丰 兴隆 康宁 祥和 裕华 怡园 春华 秋实 长乐")
_INVENTED_SUFFIXES = ("路", "街", "巷", "西街", "东巷", "南路")

# Names that read like arterials; the rest are graded by their suffix.
_ARTERIAL_MARKERS = ("快速路", "大道", "环路", "绕城")


def district_road_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct names: all real ones first (in their order), then invented ones."""
    names = list(REAL_ROAD_NAMES[:count])
    taken = set(names)
    candidates = [stem + suffix for stem in _INVENTED_STEMS for suffix in _INVENTED_SUFFIXES]
    rng.shuffle(candidates)
    for candidate in candidates:
        if len(names) >= count:
            break
        if candidate not in taken:
            names.append(candidate)
            taken.add(candidate)
    if len(names) < count:
        raise ValueError(f"only {len(names)} road names available, {count} requested")
    return names


def looks_arterial(name: str) -> bool:
    return any(marker in name for marker in _ARTERIAL_MARKERS)


def looks_alley(name: str) -> bool:
    return name.endswith(("巷", "步行街", "美食街", "前街", "中街"))
