"""Chinese figures: numerals, 万/亿, fractions, 倍, 百分之, qualifiers, ranges, units, basis."""

from __future__ import annotations

import pytest
from builders import check

from pytest_briefcheck.agreement import agree
from pytest_briefcheck.figures import parse_figure, parse_figures

# -- numbers ------------------------------------------------------------------------------------

NUMBERS = [
    # text, value, precision, exact
    ("52亿", 5.2e9, 1e8, False),
    ("41.5万亿", 4.15e13, 1e11, False),
    ("8921亿", 8.921e11, 1e8, False),
    ("4500万", 4.5e7, 1e4, False),
    ("2100万", 2.1e7, 1e4, False),  # digits in the year range, scaled: not a year
    ("2000万", 2e7, 1e4, False),
    ("1万2千", 12000.0, 1e3, False),
    ("1亿2000万", 1.2e8, 1e4, False),
    ("3千", 3000.0, 1e3, False),
    ("5百万", 5e6, 1e6, False),
    ("４３.８５", 43.85, 0.01, False),
    ("５２亿", 5.2e9, 1e8, False),
    ("３,０００", 3000.0, 1.0, True),
    ("五十二亿", 5.2e9, 1e8, False),
    ("一百零八", 108.0, 1.0, True),
    ("两千三百万", 2.3e7, 1e6, False),
    ("三千", 3000.0, 1.0, True),
    ("一万五", 15000.0, 1e3, False),
    ("十万", 1e5, 1e5, False),
    ("一亿两千万", 1.2e8, 1e7, False),
    ("二十五", 25.0, 1.0, True),
    ("一百八", 180.0, 1.0, True),
    ("一〇八", 108.0, 1.0, True),
    ("壹佰零捌", 108.0, 1.0, True),
    ("三千五百万", 3.5e7, 1e6, False),
    # decimals in Chinese numerals, as spoken briefings are transcribed
    ("三点六", 3.6, 0.1, False),
    ("零点五个百分点", 0.5, 0.1, False),
    ("十二点五亿人次", 1.25e9, 1e7, False),
    ("三点六万亿元", 3.6e12, 1e11, False),
]


@pytest.mark.parametrize(("text", "value", "precision", "exact"), NUMBERS)
def test_numbers(text: str, value: float, precision: float, exact: bool) -> None:
    check(parse_figure(text), value=value, precision=precision, exact=exact, lang="zh")


# -- counts, units and currencies ---------------------------------------------------------------

UNITS = [
    # text, value, unit
    ("52亿吨", 5.2e9, "t"),
    ("1.3万亿斤", 1.3e12, "jin"),  # grain is reported in jin (half a kilogram)
    ("1亿度电", 1e8, "kWh"),
    ("41.5万亿元", 4.15e13, "CNY"),
    ("9.7万亿元人民币", 9.7e12, "CNY"),
    ("22万亿元", 2.2e13, "CNY"),
    ("100美元", 100.0, "USD"),
    ("3亿欧元", 3e8, "EUR"),
    ("5000万吨", 5e7, "t"),
    ("300万标箱", 3e6, "TEU"),
    ("1.2万公里", 12000.0, "km"),
    ("3千米", 3.0, "km"),
    ("2.5平方公里", 2.5, "km**2"),
    ("30平方米", 30.0, "m**2"),
    ("300万千瓦", 3e6, "kW"),
    ("500兆瓦", 500, "MW"),
    ("1.2吉瓦", 1.2, "GW"),
    ("120万桶", 1.2e6, "oil_barrel"),
    ("3个工作日", 3.0, "working_day"),
    ("两到三天", 2.0, "day"),
    ("7天", 7.0, "day"),
    ("30个小时", 30.0, "hour"),
    ("24小时", 24.0, "hour"),
    ("45分钟", 45.0, "minute"),
    ("6个月", 6.0, "month"),
    ("3周", 3.0, "week"),
    ("十年", 10.0, "year"),
    ("连续8年", 8.0, "year"),
    ("120个国家和地区", 120.0, ""),
    ("964项", 964.0, ""),
    ("3000家", 3000.0, ""),
    ("515万件", 5.15e6, ""),
    ("2.3万起", 23000.0, ""),
    ("20万批", 2e5, ""),
    ("4500万人次", 4.5e7, ""),
    ("7000人", 7000.0, ""),
    ("311个", 311.0, ""),
    ("两起案件", 2.0, ""),
    ("三个", 3.0, ""),
    ("九大标志性项目", 9.0, ""),
    ("二十多万人次", 2e5, ""),
    ("2600万票", 2.6e7, ""),
]


@pytest.mark.parametrize(("text", "value", "unit"), UNITS)
def test_units_and_counts(text: str, value: float, unit: str) -> None:
    check(parse_figure(text), value=value, unit=unit, lang="zh")


def test_counter_joins_the_text() -> None:
    assert parse_figure("查获515万件违禁品").text == "515万件"
    assert parse_figure("签署519份合作文件").text == "519份"


# -- fractions, multiples, percentages ----------------------------------------------------------

RATIOS = [
    # text, value, unit, kind, exact
    ("五分之一", 0.2, "", "fraction", True),
    ("三分之二", 2 / 3, "", "fraction", True),
    ("两万分之一", 5e-5, "", "fraction", True),
    ("万分之一", 1e-4, "", "fraction", True),
    ("千分之五", 0.005, "", "fraction", True),
    ("一半", 0.5, "", "fraction", True),
    ("半数", 0.5, "", "fraction", True),
    ("2.6倍", 2.6, "", "multiple", False),
    ("两倍", 2.0, "", "multiple", True),
    ("翻了一番", 2.0, "", "multiple", True),
    ("翻一番", 2.0, "", "multiple", True),
    ("翻两番", 4.0, "", "multiple", True),
    ("百分之八十", 80.0, "percent", "percent", True),
    ("百分之3.5", 3.5, "percent", "percent", False),
    ("百分之百", 100.0, "percent", "percent", True),
    ("80%", 80.0, "percent", "percent", True),
    ("7.9％", 7.9, "percent", "percent", False),
    ("5个百分点", 5.0, "percentage_point", "percent", True),
    ("1.2个百分点", 1.2, "percentage_point", "percent", False),
    ("八成", 80.0, "percent", "percent", False),
    ("5成", 50.0, "percent", "percent", False),
]


@pytest.mark.parametrize(("text", "precision"), [("八成", 10.0), ("5成", 10.0), ("7.5成", 1.0)])
def test_tenths_are_rounded_to_their_last_digit(text: str, precision: float) -> None:
    assert parse_figure(text).precision == precision


@pytest.mark.parametrize(("text", "value", "unit", "kind", "exact"), RATIOS)
def test_fractions_multiples_percentages(
    text: str, value: float, unit: str, kind: str, exact: bool
) -> None:
    check(parse_figure(text, lang="zh"), value=value, unit=unit, kind=kind, exact=exact, lang="zh")


# -- qualifiers ---------------------------------------------------------------------------------

QUALIFIED = [
    # text, qualifier, low, high, near
    ("超过3000家", ">", 3000.0, None, False),
    ("超3000家", ">", 3000.0, None, False),
    ("逾3000家", ">", 3000.0, None, False),
    ("突破5000万", ">", 5e7, None, False),
    ("3000多家企业", ">", 3000.0, None, False),
    ("3000余家", ">", 3000.0, None, False),
    ("十多个国家", ">", 10.0, None, False),
    ("3000多万元", ">", 3e7, None, False),
    ("8万多亿元", ">", 8e12, None, False),  # 多 inside the scale: more than 8 trillion
    ("八万多亿元", ">", 8e12, None, False),
    ("二十多万人次", ">", 2e5, None, False),
    ("过半", ">", 0.5, None, False),
    ("超过一半", ">", 0.5, None, False),
    ("超百万人次", ">", 1e6, None, False),
    ("30天以上", ">=", 30.0, None, False),
    ("八成以上", ">=", 80.0, None, False),
    ("超过5成的受访者", ">", 50.0, None, False),  # tenths in digits too
    ("不到3成", "<", None, 30.0, False),
    ("一半以上", ">=", 0.5, None, False),
    ("60岁以上", ">=", 60.0, None, False),  # an age: 以上 is not lost after 岁
    ("65周岁及以上", ">=", 65.0, None, False),  # 周岁 is an age, not weeks
    ("5000万元及以上", ">=", 5e7, None, False),
    ("18岁以下", "<=", None, 18.0, False),
    ("3万元及以下", "<=", None, 3e4, False),
    ("至少3个", ">=", 3.0, None, False),
    ("不少于10项", ">=", 10.0, None, False),
    ("不低于5%", ">=", 5.0, None, False),
    ("不到1%", "<", None, 1.0, False),
    ("不足百分之五", "<", None, 5.0, False),
    ("低于3%", "<", None, 3.0, False),
    ("近7000人", "<", None, 7000.0, True),
    ("将近5年", "<", None, 5.0, True),
    ("接近一半", "<", None, 0.5, True),
    ("近千家企业", "<", None, 1000.0, True),
    ("最长30天", "<=", None, 30.0, False),
    ("最长可达30天", "<=", None, 30.0, False),
    ("最多5人", "<=", None, 5.0, False),
    ("不超过3个工作日", "<=", None, 3.0, False),
    ("10天以内", "<=", None, 10.0, False),
    ("5%以下", "<=", None, 5.0, False),
    ("半数以下", "<=", None, 0.5, False),
    ("多达3000家", "<=", None, 3000.0, False),
    ("约5.2亿吨", "~", 5.2e8, 5.2e8, False),
    ("大约100个", "~", 100.0, 100.0, False),
    ("约为3%", "~", 3.0, 3.0, False),
    ("约合9000亿美元", "~", 9e11, 9e11, False),
    ("约占30%", "~", 30.0, 30.0, False),
    ("5000万吨左右", "~", 5e7, 5e7, False),
    ("30%上下", "~", 30.0, 30.0, False),
    ("一半左右", "~", 0.5, 0.5, False),
]


@pytest.mark.parametrize(("text", "qualifier", "low", "high", "near"), QUALIFIED)
def test_qualifiers(
    text: str, qualifier: str, low: float | None, high: float | None, near: bool
) -> None:
    check(parse_figure(text), qualifier=qualifier, low=low, high=high, near=near, lang="zh")


@pytest.mark.parametrize(
    ("text", "figure_text"),
    [("最近3个月", "3个月"), ("节约3000万元", "3000万元"), ("条约规定5年", "5年")],
)
def test_qualifier_characters_inside_other_words(text: str, figure_text: str) -> None:
    figure = parse_figure(text)
    assert (figure.text, figure.qualifier) == (figure_text, "=")


def test_the_qualifier_joins_the_text() -> None:
    assert parse_figure("共有超过3000家企业受益").text == "超过3000家"


# -- ranges -------------------------------------------------------------------------------------

RANGES = [
    # text, low, high, unit
    ("3至5个工作日", 3.0, 5.0, "working_day"),
    ("两到三天", 2.0, 3.0, "day"),
    ("两三天", 2.0, 3.0, "day"),
    ("三四十个国家", 30.0, 40.0, ""),
    ("5-7天", 5.0, 7.0, "day"),
    ("5~7天", 5.0, 7.0, "day"),
    ("5～7天", 5.0, 7.0, "day"),
    ("20%-30%", 20.0, 30.0, "percent"),
    ("1.5-2万吨", 15000.0, 20000.0, "t"),
]


@pytest.mark.parametrize(("text", "low", "high", "unit"), RANGES)
def test_ranges(text: str, low: float, high: float, unit: str) -> None:
    check(
        parse_figure(text, lang="zh"), qualifier="range", low=low, high=high, unit=unit, lang="zh"
    )


def test_compressed_from_one_range_to_another() -> None:
    figures = parse_figures("通关时间从5-7天压缩至2-3天")
    assert [(f.low, f.high, f.unit) for f in figures] == [(5, 7, "day"), (2, 3, "day")]


# -- basis --------------------------------------------------------------------------------------

BASES = [
    ("海关年均监管进出口货物52亿吨", "per_year"),
    ("年均增长7.9%", "per_year"),
    ("每年新增3000家", "per_year"),
    ("日均2600万票", "per_day"),
    ("每天处理2600万票", "per_day"),
    ("月均300万", "per_month"),
    ("累计查获515万件", "total"),
    ("总计22万亿元", "total"),
    ("共查办走私犯罪案件2.3万起", "total"),
    ("总数达311个", "total"),
    ("进出口总额达43.8万亿元", "total"),
    ("300吨/天", "per_day"),
    ("同比增长3.5%", None),
    ("共建3个中心", None),
    ("中共中央部署3项任务", None),
    ("国内生产总值突破130万亿元", None),  # GDP is a term, not "a total of"
    ("地区生产总值达到5万亿元", None),
    ("经济总量突破130万亿元", None),
    ("前7个月增长3.5%", None),
]


@pytest.mark.parametrize(("text", "basis"), BASES)
def test_basis(text: str, basis: str | None) -> None:
    figures = parse_figures(text)
    assert len(figures) == 1, figures
    assert figures[0].basis == basis


def test_the_headline_of_the_summary() -> None:
    text = "“十四五”以来,海关年均监管进出口货物52亿吨、货值41.5万亿元——为高水平开放提供有力支撑"
    tonnage, value = parse_figures(text)
    check(tonnage, text="52亿吨", value=5.2e9, unit="t", basis="per_year", lang="zh")
    check(value, text="41.5万亿元", value=4.15e13, unit="CNY", basis=None, lang="zh")


# -- what is not a figure -----------------------------------------------------------------------

NOT_FIGURES = [
    "2025年8月25日",
    "提出三点建议",  # 点 as a counter, not a decimal point
    "上午十点",
    "二〇二五年",
    "1-7月",
    "前7个月",
    "上半年",
    "一季度",
    "第一季度",
    "“十四五”以来",
    "十四五规划",
    "党的二十大",
    "第十五届",
    "星期三",
    "周一",
    "本月20日",
    "下个月1日起",
    "10月下旬",
    "上周五",
    "一是加强监管",
    "三是推进开放",
    "统一大市场",
    "进一步扩大开放",
    "一站式服务",
    "一带一路",
    "一国两制",
    "两岸关系",
    "四面八方",
    "零关税",
    "万一",
    "千方百计",
    "数百家企业",
    "十几个国家",
    "上千家",
    "成千上万",
    "一个中心",
    "一批企业",
    "一方面要稳外贸，另一方面要扩内需",
    "一起走私案件",
    "70周年",
    "3号文件",
    "10点30分",
    "请拨打12360海关服务热线",
    "12345热线",
    "热线电话12360",
    "神舟二十号",
    "第1页 共4页",
    "二十届四中全会",
    "十四届全国人大三次会议",
    "全国政协十四届三次会议",
    "第3条",
    "两位数增长",
    "其余部分",
    "一一对应",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text: str) -> None:
    assert parse_figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年进出口43.8万亿元", ["43.8万亿元"]),
        ("召开了三次会议", ["三次"]),
        ("今天我有两方面信息与大家分享", ["两方面"]),
        ("已举办十五届", ["十五"]),
        ("十五届三次会议审议通过了5项决定", ["5项"]),
        ("前7个月增长3.5%", ["3.5%"]),
        ("“十四五”期间新增40个开放口岸", ["40个"]),
        ("十大关键词", ["十大"]),
        ("三千五百万一起", ["三千五百万"]),
        ("10月下旬出口增长5%", ["5%"]),
        ("上月5日以来增长3%", ["3%"]),
        ("本月20日起，已有12家企业申报", ["12家"]),
    ],
)
def test_figures_next_to_what_is_not_one(text: str, expected: list[str]) -> None:
    assert [f.text for f in parse_figures(text)] == expected


# -- mixed text ---------------------------------------------------------------------------------


def test_a_chinese_headline_inside_english_text() -> None:
    text = (
        "Customs managed 5.2 billion tons of goods annually.\n"
        "海关年均监管进出口货物52亿吨、货值41.5万亿元\n"
        "Ren Min Ri Bao Hai Wai Ban·2025-08-26 00:10"
    )
    figures = parse_figures(text, lang="en")
    assert [(f.text, f.lang) for f in figures] == [
        ("5.2 billion tons", "en"),
        ("52亿吨", "zh"),
        ("41.5万亿元", "zh"),
    ]
    assert [f.basis for f in figures] == ["per_year", "per_year", None]


def test_digits_between_chinese_characters_are_chinese() -> None:
    assert parse_figure("增长3.5%，").lang == "zh"
    assert parse_figure("3.5", lang="zh").lang == "zh"


def test_spans_point_into_the_input() -> None:
    text = "累计查获515万件，超过3000家企业，近7000人，翻了一番，五分之一"
    figures = parse_figures(text)
    assert len(figures) == 5
    for figure in figures:
        assert text[figure.span[0] : figure.span[1]] == figure.text


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("52亿吨", "5.2e9 t"),
        ("近7000人", "~ 7000 (near)"),
        ("超过3000家", "> 3000"),
        ("两到三天", "2–3 day"),
        ("五分之一", "0.2"),
        ("翻了一番", "2x"),
        ("百分之八十", "80 percent"),
        ("年均增长7.9%", "7.9 percent (per_year) (up)"),
        ("增长百分之五点二", "5.2 percent (up)"),
        ("日均2600万票", "2.6e7 (per_day)"),
    ],
)
def test_describe(text: str, line: str) -> None:
    assert parse_figure(text).describe() == line


@pytest.mark.parametrize(
    ("text", "value", "unit", "basis"),
    [
        ("年均监管进出口货物52\n亿吨", 5.2e9, "t", "per_year"),
        ("年均监管进出口货物52亿\n吨", 5.2e9, "t", "per_year"),
        ("年均\n监管进出口货物52亿吨", 5.2e9, "t", "per_year"),
        ("平台注册用户达2100\n万", 2.1e7, "", None),
        ("鲜果最快68\r\n小时即可运抵", 68.0, "hour", None),
        ("货物贸易进出口总值达41.5万\n亿元", 4.15e13, "CNY", "total"),
        ("年均监管集装箱3千\r\n万标箱", 3e7, "TEU", "per_year"),
        ("案值达3亿\n4500万元", 3.45e8, "CNY", None),
        ("累计减税十多万\n亿元", 1e13, "CNY", "total"),
    ],
)
def test_a_hard_wrap_inside_chinese_text_is_read_through(
    text: str, value: float, unit: str, basis: str | None
) -> None:
    check(parse_figure(text), value=value, unit=unit, basis=basis)


def test_a_blank_line_still_ends_a_chinese_figure() -> None:
    check(parse_figure("货物52\n\n亿吨"), value=52.0, unit="")
    check(parse_figure("总值达41.5万\n\n亿元"), value=4.15e5, unit="")


def test_a_hard_wrap_before_a_word_is_not_read_into_the_scale() -> None:
    # 十分 ("very") after a wrap is a word: only 万 and 亿 continue a run across a wrap
    check(parse_figure("达到10万\n十分重要"), value=1e5, unit="")


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        # 增长N倍 is an increase by N times the base: N + 1 times it
        ("出口增长了1倍", 2.0, "="),
        ("增加了一倍", 2.0, "="),
        ("进口增长2倍", 3.0, "="),
        ("提高了1.5倍", 2.5, "="),
        ("增长1倍多", 2.0, ">"),
        # 增长到N倍 and 是…的N倍 are N times the base
        ("增长到3倍", 3.0, "="),
        ("是2015年的3倍", 3.0, "="),
        ("3倍多", 3.0, ">"),
    ],
)
def test_times_after_a_verb_of_growth(text: str, value: float, qualifier: str) -> None:
    (figure,) = parse_figures(text)
    assert (figure.kind, figure.value, figure.qualifier) == ("multiple", value, qualifier)
    assert (figure.low, figure.high) == (value, value if qualifier == "=" else None)


def test_grew_by_two_times_is_tripled_not_increased_by_two_times() -> None:
    grew = parse_figure("出口增长2倍")
    assert agree(grew, parse_figure("exports tripled")).agrees
    assert not agree(grew, parse_figure("exports increased by 2 times")).agrees
    assert agree(parse_figure("出口增长了1倍"), parse_figure("exports doubled")).agrees


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("日均进口原油120万桶", "1.2 million barrels of crude oil per day"),
        ("装机容量500兆瓦", "a capacity of 0.5 gigawatts"),
        ("5亿澳元", "500 million Australian dollars"),
        ("30亿卢布", "3 billion rubles"),
    ],
)
def test_units_agree_across_languages(zh: str, en: str) -> None:
    assert agree(parse_figure(zh), parse_figure(en)).agrees


def test_australian_dollars_are_not_us_dollars() -> None:
    assert not agree(parse_figure("5亿澳元"), parse_figure("500 million US dollars")).agrees
