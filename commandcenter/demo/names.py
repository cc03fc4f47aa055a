"""Deterministic Chinese names for generated people, companies and places.

Everything takes the caller's ``random.Random`` so one seed reproduces the whole dataset. The
surname pool is weighted by the rough frequency of the most common surnames, so a roster of
1,600 city managers looks like a real one (many 王, 李, 张), not a uniform sample.
"""

from __future__ import annotations

import random


def words(text: str) -> tuple[str, ...]:
    """Split a whitespace-separated word list; Chinese lists stay readable (and short) that way."""
    return tuple(text.split())


# The most common surnames, most frequent first; weight falls off roughly as in census tables.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_SURNAME_WEIGHTS = tuple(1.0 / (rank + 8) for rank in range(len(_SURNAMES)))
# Whole given names as people are really called (not random characters): two-character names
# first, one-character names after.
_GIVEN_NAMES = words(
    "建国 建华 建军 志强 志勇 志刚 秀英 桂英 秀兰 玉兰 丽娟 海燕 红梅 春梅 淑珍 金凤 晓东 晓燕 晓丽 国庆"
    " 卫东 新华 永刚 振华 立新 宏伟 俊杰 文博 浩宇 子涵 欣怡 梓轩 雨桐 思远 亚楠 丹丹 佳怡 家豪 明辉 德胜"
    " 光明 国强 海涛 红霞 建平 建伟 建新 丽华 丽萍 美玲 玉梅 玉珍 长青 保国 保军 利民 爱民 爱华 学军 学文"
    " 少华 少军 书芳 瑞霞 素梅 文静 晓军 晓明 晓峰 延军 艳玲 银凤 雪梅 跃进 云飞 战军 照东 振东 志华 中华"
    " 伟 芳 娜 敏 静 磊 军 洋 勇 艳 杰 涛 明 超 霞 平 刚 鹏 辉 强 浩 宇 婷 雪 琳 斌 峰 凯 亮 健 飞 燕 楠 鑫"
)
_GIVEN_WEIGHTS = tuple(1.0 if len(name) == 2 else 0.6 for name in _GIVEN_NAMES)

_DIGITS = "〇一二三四五六七八九"


def person_name(rng: random.Random) -> str:
    """A surname plus a one- or two-character given name, e.g. 王建华, 李娜."""
    surname = rng.choices(_SURNAMES, weights=_SURNAME_WEIGHTS)[0]
    return surname + rng.choices(_GIVEN_NAMES, weights=_GIVEN_WEIGHTS)[0]


def mobile_number(rng: random.Random) -> str:
    """A made-up 11-digit mobile number in the 13x/15x/17x/18x ranges."""
    return f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"


def chinese_numeral(number: int) -> str:
    """1..99 as Chinese numerals (二, 十, 十一, 二十三), for names like 淮河路街道二."""
    if not 0 < number < 100:
        raise ValueError(f"chinese_numeral() covers 1..99, got {number}")
    tens, ones = divmod(number, 10)
    if tens == 0:
        return _DIGITS[ones]
    prefix = "" if tens == 1 else _DIGITS[tens]
    return prefix + "十" + (_DIGITS[ones] if ones else "")


def copy_suffix(copy_index: int) -> str:
    """'' for the real district, 二, 三, ... for the extra copies made at scale > 1."""
    return "" if copy_index == 0 else chinese_numeral(copy_index + 1)


_COMPANY_STEMS = words(
    "中原 嵩岳 豫通 金鼎 恒通 宏远 鑫源 顺达 通利 永盛 华通 众诚 安顺 泰丰 瑞丰 长城 黄河"
    " 商都 正通 东方 凯达 荣盛 德顺 亿通 祥瑞 兴业 汇通 天宇 联运 绿源 捷运 恒信 昌盛"
)
_COMPANY_FORMS = (
    "郑州{}渣土运输有限公司",
    "郑州{}建筑垃圾清运有限公司",
    "河南{}运输有限公司",
    "郑州市{}土石方工程有限公司",
)


def transport_companies(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct muck-transport company names (渣土运输公司)."""
    stems = list(_COMPANY_STEMS)
    rng.shuffle(stems)
    if count > len(stems):
        raise ValueError(f"at most {len(stems)} company names, {count} requested")
    return [rng.choice(_COMPANY_FORMS).format(stem) for stem in stems[:count]]


PLACE_STEMS = words(
    "嘉禾 锦绣 翠竹 和顺 永丰 兴隆 康宁 祥和 裕华 怡园 春华 长乐 宏达 福润 泰和 紫薇 松柏 明德 静安 安泰"
    " 润泽 丰乐 金色 阳光 幸福 盛世 绿城 滨河 桃园 梅园 兰庭 锦苑 御景 碧水 凤凰 百合 华庭 东方 新城"
)


def place_stem(rng: random.Random) -> str:
    return rng.choice(PLACE_STEMS)
