"""The default case-category table (立结案标准): 部件 and 事件 小类 with deadlines and departments.

Modelled on GB/T 30428.2 / CJ/T 214: 大类 numbered 01.. within each kind (事件: 01 市容环境,
02 宣传广告, 03 施工管理, 04 突发事件, 05 街面秩序; 部件: 01 公用设施, 02 道路交通, 03 市容环境,
04 园林绿化). The standard numbers 部件 and 事件 from 01 each, so codes carry a kind letter — "B" 部件,
"S" 事件 — to stay unique in one table: 大类 "S05", 小类 "S0502" (占道经营). Deadlines are working hours
(工作时); an office may edit the table, this is only what a fresh installation starts with.
``weight`` is the relative share of reports: events far outnumber components in every published
monthly report, and 占道经营 / 无照经营游商 / 乱堆物堆料 / 非法小广告 lead the list.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from commandcenter.domain.kinds import CategoryKind

ENFORCEMENT_MARK = "执法"
# What a category's department column says when no department of the district handles it.
NOT_DEPARTMENTS = frozenset({"属地镇办", "区城管局", "权属单位", ""})


@dataclass(frozen=True)
class CategorySpec:
    kind: CategoryKind
    major_code: str  # "S05"
    major_name: str  # 街面秩序
    code: str  # "S0502"
    name: str  # 占道经营
    filing_condition: str  # 立案条件
    dispatch_hours: float
    dispose_hours: float
    department: str
    photo_required: bool = True
    weight: float = 1.0

    @property
    def urgency(self) -> int:
        """Default case urgency: 1 for two-hour emergencies (井盖, 积水), 3 for day-long work, else 2."""
        if self.dispose_hours <= 2:
            return 1
        return 3 if self.dispose_hours >= 24 else 2

    @property
    def enforcement(self) -> bool:
        """An enforcement matter (占道经营, 违法建设, 渣土抛洒 …): the category is handled by an enforcement
        unit (城管执法中队, 综合执法大队 …), so the 联动执法车 crews are offered when dispatching."""
        return ENFORCEMENT_MARK in self.department

    @property
    def routes_to_department(self) -> bool:
        """Handled by a department of its own (市政所, 环卫中心 …), not by the office the place lies in
        (属地镇办), the bureau itself or the owner of a facility (权属单位)."""
        return self.department not in NOT_DEPARTMENTS


# (小类名称, 立案条件, 派遣时限, 处置时限, 责任单位, 需要照片, 上报权重) per 大类, in code order.
_Row = tuple[str, str, float, float, str, bool, float]
# fmt: off
_EVENTS: dict[str, tuple[str, list[_Row]]] = {
    "01": ("市容环境", [
        ("违法搭建", "在道路、广场、居民区等公共场所未经批准搭建建筑物", 1, 40, "城管执法中队", True, 1.0),
        ("暴露垃圾", "公共场所出现裸露垃圾，堆积面积超过0.5平方米", 0.5, 4, "环卫中心", True, 6.0),
        ("积存垃圾渣土", "道路、空地积存垃圾或渣土超过1立方米", 1, 24, "环卫中心", True, 2.0),
        ("道路不洁", "道路及两侧存在明显污迹、废弃物，影响市容", 0.5, 4, "环卫中心", True, 4.0),
        ("水域不洁", "河道、湖面漂浮垃圾或水体明显污染", 1, 24, "区城管局", True, 0.5),
        ("绿地脏乱", "绿地内有垃圾、杂物堆积或被践踏损毁", 1, 8, "园林绿化中心", True, 1.0),
        ("乱堆物堆料", "在道路、人行道等公共场所乱堆乱放物品、物料", 0.5, 8, "属地镇办", True, 6.0),
        ("露天焚烧", "露天焚烧垃圾、树叶或其他废弃物", 0.5, 2, "城管执法中队", True, 0.5),
        ("沿街晾挂", "在沿街护栏、树木、电线杆上晾晒衣物", 0.5, 8, "属地镇办", True, 1.0),
        ("废弃家具设备", "公共场所堆放废弃家具、设备等大件物品", 1, 24, "环卫中心", True, 0.5),
        ("餐饮油烟", "餐饮经营户未安装油烟净化设施或油烟直排", 1, 24, "城管执法中队", True, 0.5),
        ("动物尸体", "道路或公共场所出现动物尸体", 0.5, 2, "环卫中心", True, 0.3),
    ]),
    "02": ("宣传广告", [
        ("非法小广告", "在建筑物、设施上张贴、涂写、刻画小广告", 0.5, 4, "属地镇办", True, 5.0),
        ("违规户外广告", "未经批准设置户外广告，或广告设施破损、存在安全隐患", 1, 24, "区城管局", True, 1.0),
        ("占道广告牌", "在道路、人行道上摆放广告牌、灯箱", 0.5, 4, "城管执法中队", True, 2.0),
        ("横幅标语", "未经批准悬挂横幅、标语，或条幅破损", 0.5, 8, "属地镇办", True, 0.5),
    ]),
    "03": ("施工管理", [
        ("施工占道", "施工未经批准占用道路或超出批准范围", 1, 8, "住建局", True, 1.0),
        ("工地扬尘", "施工工地未落实围挡、覆盖、冲洗等扬尘防治措施", 0.5, 4, "住建局", True, 1.5),
        ("渣土撒漏", "渣土运输车辆未密闭运输，沿途撒漏渣土", 0.5, 2, "城管执法中队", True, 1.5),
        ("施工扰民", "夜间22时至次日6时未经批准施工产生噪声", 0.5, 2, "城管执法中队", False, 0.5),
        ("施工废弃料", "施工完毕后废弃物料未及时清运", 1, 24, "住建局", True, 0.5),
        ("违规挖掘道路", "未经许可擅自挖掘城市道路", 0.5, 8, "市政所", True, 0.3),
    ]),
    "04": ("突发事件", [
        ("道路积水", "路面积水深度超过10厘米或面积超过10平方米，影响通行", 0.5, 2, "市政所", True, 1.0),
        ("路面塌陷", "道路路面出现塌陷、坑洞，危及通行安全", 0.5, 2, "市政所", True, 0.3),
        ("管道破裂", "供水、排水管道破裂导致冒水、漏水", 0.5, 2, "市政所", True, 0.3),
        ("燃气异味", "闻到燃气异味或发现燃气管道泄漏", 0.5, 1, "住建局", False, 0.1),
        ("树木倒伏", "树木倒伏或断枝，影响通行或存在安全隐患", 0.5, 2, "园林绿化中心", True, 0.3),
    ]),
    "05": ("街面秩序", [
        ("无照经营游商", "流动商贩在道路、广场等公共场所无照经营", 0.5, 4, "城管执法中队", True, 8.0),
        ("占道经营", "沿街门店超出门窗经营或在人行道上摆摊设点", 0.5, 4, "城管执法中队", True, 8.0),
        ("早夜市管理", "早市、夜市超出规定时间或范围经营", 1, 8, "属地镇办", True, 1.0),
        ("机动车乱停放", "机动车在人行道、盲道等禁停区域停放", 0.5, 4, "城管执法中队", True, 2.0),
        ("非机动车乱停放", "共享单车、电动车在人行道、盲道上乱停乱放", 0.5, 4, "属地镇办", True, 2.0),
        ("黑车拉客", "无营运资质车辆在车站、路口揽客", 0.5, 4, "城管执法中队", True, 0.5),
        ("露天烧烤", "在道路、广场等公共场所露天烧烤", 0.5, 2, "城管执法中队", True, 1.0),
        ("占道洗车修车", "在道路、人行道上从事洗车、修车经营", 0.5, 4, "城管执法中队", True, 0.5),
    ]),
}
_COMPONENTS: dict[str, tuple[str, list[_Row]]] = {
    "01": ("公用设施", [
        ("井盖缺损", "各类井盖丢失、破损、移位或与路面高差超过2厘米", 0.5, 2, "市政所", True, 1.5),
        ("雨水箅子缺损", "雨水箅子丢失、破损或堵塞", 0.5, 4, "市政所", True, 0.5),
        ("路灯不亮", "路灯不亮、闪烁或白天常亮", 1, 24, "路灯所", True, 1.5),
        ("路灯杆损坏", "灯杆倾斜、破损或灯具脱落", 0.5, 8, "路灯所", True, 0.3),
        ("通讯交接箱", "通讯交接箱破损、箱门缺失或倾倒", 1, 24, "权属单位", True, 0.2),
        ("电力设施", "电力设施破损、电线裸露或存在安全隐患", 0.5, 8, "权属单位", True, 0.2),
    ]),
    "02": ("道路交通", [
        ("车行道破损", "车行道路面破损、坑洼面积超过0.5平方米", 1, 24, "市政所", True, 1.0),
        ("人行道破损", "人行道砖缺失、松动或破损面积超过1平方米", 1, 24, "市政所", True, 1.0),
        ("护栏损坏", "道路护栏、隔离栏破损、倾倒或缺失", 1, 24, "市政所", True, 0.5),
        ("交通标志牌", "交通标志牌缺失、破损或被遮挡", 1, 24, "市政所", True, 0.3),
        ("路名牌", "路名牌缺失、破损或信息错误", 1, 24, "区城管局", True, 0.2),
        ("公交站亭", "公交站亭破损、污损或设施缺失", 1, 24, "权属单位", True, 0.3),
    ]),
    "03": ("市容环境", [
        ("果皮箱", "果皮箱破损、缺失或垃圾满溢", 0.5, 4, "环卫中心", True, 1.0),
        ("公共厕所", "公厕设施损坏、不洁或未按时开放", 1, 8, "环卫中心", True, 0.3),
        ("垃圾收集点", "垃圾中转站、收集点破损或周边脏乱", 1, 8, "环卫中心", True, 0.2),
    ]),
    "04": ("园林绿化", [
        ("行道树", "行道树缺株、死亡或枝叶遮挡交通标志", 1, 24, "园林绿化中心", True, 0.5),
        ("绿地护栏", "绿地护栏破损、缺失", 1, 24, "园林绿化中心", True, 0.2),
        ("花坛花箱", "花坛、花箱破损或花木枯死", 1, 24, "园林绿化中心", True, 0.3),
    ]),
}
# fmt: on


def _build() -> tuple[CategorySpec, ...]:
    specs: list[CategorySpec] = []
    kinds = ((CategoryKind.EVENT, "S", _EVENTS), (CategoryKind.COMPONENT, "B", _COMPONENTS))
    for kind, letter, table in kinds:
        for major, (major_name, rows) in table.items():
            for minor, (name, condition, dispatch, dispose, department, photo, weight) in enumerate(rows, 1):
                specs.append(
                    CategorySpec(
                        kind,
                        f"{letter}{major}",
                        major_name,
                        f"{letter}{major}{minor:02d}",
                        name,
                        condition,
                        float(dispatch),
                        float(dispose),
                        department,
                        photo,
                        weight,
                    )
                )
    return tuple(specs)


DEFAULT_CATEGORIES: tuple[CategorySpec, ...] = _build()
_BY_CODE = {spec.code: spec for spec in DEFAULT_CATEGORIES}


def category_by_code(code: str) -> CategorySpec | None:
    return _BY_CODE.get(code)


def report_weight(code: str) -> float:
    """How often reports of this category arrive relative to others (1.0 for unknown codes)."""
    spec = _BY_CODE.get(code)
    return spec.weight if spec else 1.0


def category_rows() -> list[dict[str, object]]:
    """Rows for ``models.CaseCategory`` (ids 1..n in table order), ready for ``replace_all``."""
    rows: list[dict[str, object]] = []
    for index, spec in enumerate(DEFAULT_CATEGORIES, 1):
        row = asdict(spec)
        del row["weight"]
        row.update(id=index, kind=spec.kind.value, active=True)
        rows.append(row)
    return rows


@dataclass(frozen=True)
class CategoryRecord:
    code: str
    kind: str  # CategoryKind
    major_code: str
    major_name: str
    name: str
    filing_condition: str
    dispatch_hours: float
    dispose_hours: float
    department: str
    photo_required: bool
    active: bool
