"""Write a realistic synthetic briefcheck corpus: sources, claim files and a registry.

Each generated *briefing* is modelled on the bundled customs briefing (sources/):

* an English transcript (``transcript.en.txt``, 2 KB to 1 MB): a header with the
  publication date and the briefing's date, speakers' turns made of sentences
  taken from the bundled documents, and the briefing's facts at spread-out places;
* a Chinese transcript (``transcript.zh.txt``) stating the same facts, declared
  ``translation_of`` the English one;
* a People's Daily style summary file: line 1 an English summary, line 2 a Chinese
  headline with two of the figures, line 3 a byline (three aliases, ``lines:``).

Every figure a document states is claimed (filler sentences hold no figure), so
sources can be marked ``checked: true`` for coverage. Claims cross-quote the
English and Chinese documents; each briefing has date claims with roles and
``after:``, relations between its claims, a few known errors (``xfail:``), a few
real contradictions, skipped claims and missing quotes, as a newsroom's would.

The output is deterministic: the same size and seed write the same bytes.

    python benchmarks/generate.py --size large --out DIR
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import shutil
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_SOURCES = REPO / "sources"

# size: (claims, documents)
SIZES: dict[str, tuple[int, int]] = {
    "small": (100, 20),
    "medium": (2_000, 300),
    "large": (10_000, 1_000),
}
MB = 1_000_000
KB = 1_000

# -- subjects and filler ------------------------------------------------------------------

SUBJECTS: tuple[tuple[str, str], ...] = (
    ("Guangdong", "广东"),
    ("Zhejiang", "浙江"),
    ("Jiangsu", "江苏"),
    ("Shandong", "山东"),
    ("Fujian", "福建"),
    ("Shanghai", "上海"),
    ("Tianjin", "天津"),
    ("Hainan", "海南"),
    ("Yunnan", "云南"),
    ("Guangxi", "广西"),
    ("Xinjiang", "新疆"),
    ("Sichuan", "四川"),
    ("Hubei", "湖北"),
    ("Hunan", "湖南"),
    ("Henan", "河南"),
    ("Hebei", "河北"),
    ("Liaoning", "辽宁"),
    ("Jilin", "吉林"),
    ("Heilongjiang", "黑龙江"),
    ("Shaanxi", "陕西"),
    ("Chongqing", "重庆"),
    ("Anhui", "安徽"),
    ("Jiangxi", "江西"),
    ("Guizhou", "贵州"),
    ("Gansu", "甘肃"),
    ("Inner Mongolia", "内蒙古"),
    ("Ningxia", "宁夏"),
    ("Qinghai", "青海"),
    ("Beijing", "北京"),
    ("Shanxi", "山西"),
    ("Shenzhen", "深圳"),
    ("Xiamen", "厦门"),
    ("Qingdao", "青岛"),
    ("Ningbo", "宁波"),
    ("Dalian", "大连"),
    ("Guangzhou", "广州"),
    ("Zhengzhou", "郑州"),
    ("Chengdu", "成都"),
    ("Kunming", "昆明"),
    ("Urumqi", "乌鲁木齐"),
    ("Harbin", "哈尔滨"),
    ("Nanning", "南宁"),
    ("Haikou", "海口"),
    ("Hefei", "合肥"),
    ("Lanzhou", "兰州"),
)

# Chinese sentences of a briefing's kind, free of numerals and dates.
ZH_FILLER: tuple[str, ...] = (
    "海关总署坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央决策部署。",
    "各地海关持续深化改革创新，着力提升监管效能和服务水平。",
    "我们将继续推进智慧海关建设，推动通关便利化水平不断提升。",
    "海关坚决守牢国门安全底线，严厉打击走私违法犯罪活动。",
    "口岸营商环境持续优化，企业获得感明显增强。",
    "我们积极参与全球海关治理，推动构建开放型世界经济。",
    "海关不断完善风险防控体系，提升精准监管能力。",
    "跨境贸易便利化专项行动取得显著成效，受到企业广泛欢迎。",
    "海关将坚持稳中求进工作总基调，为高质量发展提供有力支撑。",
    "请问海关在促进外贸稳规模优结构方面做了哪些工作？谢谢。",
    "感谢您的提问。",
    "海关将加强与相关部门的协同配合，形成监管合力。",
    "我们将持续优化海关监管方式，促进外贸企业降本增效。",
    "海关大力支持自由贸易试验区建设，推动制度创新成果复制推广。",
    "面对复杂严峻的外部环境，海关系统迎难而上，主动作为。",
    "海关积极推动农产品食品准入，丰富国内市场供给。",
    "我们将持续加强知识产权海关保护，营造公平竞争的市场环境。",
    "海关深入推进口岸提质增效，不断提高通关效率。",
    "海关持续推进监管数字化转型和智能化升级。",
    "我们欢迎各国企业分享中国大市场的机遇。",
)
ZH_SPEAKERS: tuple[str, ...] = (
    "孙梅君：",
    "赵增连：",
    "王令浚：",
    "吕大良：",
    "主持人：",
    "记者：",
)

_NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|hundreds|thousand|thousands|million|billion|trillion|first|second|third|"
    r"fourth|fifth|sixth|half|double|twice|times|dozen|percent|once|single|year|years|annual|"
    r"annually|today|yesterday|month|months|day|days|week|weeks|daily|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|dec|aug|sept|round|"
    r"quarter|decade|century|several|past|recent|next|last)\b",
    re.IGNORECASE,
)
_ZH_NUMERALS = re.compile(r"[0-9０-９〇零一二三四五六七八九十百千万亿两半倍第年月日号]")
_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z\"'])")


def english_filler(seed_dir: Path) -> list[str]:
    """Sentences of the bundled documents that state no figure and no date."""
    sentences: list[str] = []
    for path in sorted(seed_dir.rglob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").splitlines():
            if len(paragraph) < 60:
                continue
            for sentence in _SENTENCE.split(paragraph.strip()):
                if not 40 <= len(sentence) <= 400 or sentence[-1] not in ".?!":
                    continue
                if re.search(r"[0-9\[\]]", sentence) or _NUMBER_WORDS.search(sentence):
                    continue
                if not sentence.isascii():
                    continue
                sentences.append(sentence)
    unique = list(dict.fromkeys(sentences))
    if len(unique) < 20:
        raise SystemExit(f"too few figure-free sentences in {seed_dir} ({len(unique)})")
    return unique


def chinese_filler() -> list[str]:
    for sentence in ZH_FILLER:
        assert not _ZH_NUMERALS.search(sentence), sentence
    return list(ZH_FILLER)


EN_SPEAKERS: tuple[str, ...] = (
    "Sun Meijun:",
    "Zhao Zenglian:",
    "Wang Jun:",
    "Zhang Baofeng:",
    "Lyu Daliang:",
    "Shou Xiaoli:",
    "China News Service:",
    "China Media Group:",
    "National Business Daily:",
)

# -- facts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One figure of a fact sentence, and the claim it becomes."""

    name: str
    expect: str
    en_figure: str | None = None  # ``figure:`` when the sentence holds two figures
    zh_figure: str | None = None
    basis: str | None = None
    wrong_zh: str = ""  # the Chinese text with this figure edited (an injected error)
    zh_text: str = ""  # the figure as the Chinese text writes it


@dataclass(frozen=True)
class Fact:
    """A sentence stating one or two figures, in English and Chinese."""

    key: str
    en: str  # transcript sentence
    summary: str  # the summary's wording
    zh: str  # Chinese clause
    parts: tuple[Part, ...]
    relation: str | None = None  # a check over the parts' claim ids, {0} {1}
    en_quote: str = ""
    zh_quote: str = ""


def _one(v: float) -> str:
    return f"{v:.1f}"


def make_fact(kind: int, en: str, zh: str, rng: random.Random) -> Fact:
    """The fact of template ``kind`` about subject ``en``/``zh``, with fresh figures."""
    if kind == 0:
        d = rng.randint(10, 99)
        wrong = d + rng.choice((-1, 1))
        return Fact(
            "tonnage",
            f"In {en}, customs have annually supervised {_one(d / 10)} billion metric tons "
            "of imported and exported goods.",
            f"customs in {en} has managed an average of {_one(d / 10)} billion tons of import "
            "and export goods annually",
            f"{zh}海关年均监管进出口货物{d}亿吨",
            (
                Part(
                    "tonnage",
                    f"{_one(d / 10)} billion t",
                    basis="per_year",
                    zh_text=f"{d}亿吨",
                    wrong_zh=f"{wrong}亿吨",
                ),
            ),
        )
    if kind == 1:
        k = rng.randint(100, 499)
        return Fact(
            "goods_value",
            f"Customs in {en} annually supervised goods with a value of {_one(k / 10)} "
            "trillion yuan.",
            f"customs in {en} annually supervised goods worth {_one(k / 10)} trillion yuan",
            f"{zh}海关年均监管货值{_one(k / 10)}万亿元",
            (
                Part(
                    "goods_value",
                    f"{_one(k / 10)} trillion CNY",
                    basis="per_year",
                    zh_text=f"{_one(k / 10)}万亿元",
                    wrong_zh=f"{_one((k + 3) / 10)}万亿元",
                ),
            ),
        )
    if kind == 2:
        j = rng.randint(100, 999)
        return Fact(
            "items_seized",
            f"A total of {j / 100:.2f} million prohibited items have been seized at the ports "
            f"of {en}.",
            f"a total of {j / 100:.2f} million prohibited items were seized in {en}",
            f"{zh}口岸累计查获禁限物品{j}万件",
            (
                Part(
                    "items_seized",
                    f"{j / 100:.2f} million",
                    basis="total",
                    zh_text=f"{j}万件",
                    wrong_zh=f"{j + 10}万件",
                ),
            ),
        )
    if kind == 3:
        k = rng.randint(2, 30)
        return Fact(
            "substandard_batches",
            f"More than {k * 10_000:,} batches of substandard goods have been disposed of in {en}.",
            f"over {k * 10_000:,} batches of substandard goods were disposed of in {en}",
            f"{zh}处置不合格货物超过{k}万批",
            (
                Part(
                    "substandard_batches",
                    f">{k * 10_000}",
                    zh_text=f"超过{k}万批",  # any other 'more than' would agree: no error here
                ),
            ),
        )
    if kind == 4:
        q = rng.randint(1, 150)
        return Fact(
            "trade_growth",
            f"Imports and exports through {en} grew {_one(q / 10)}% year on year.",
            f"trade through {en} grew {_one(q / 10)}% year on year",
            f"{zh}进出口同比增长{_one(q / 10)}%",
            (
                Part(
                    "trade_growth",
                    f"{_one(q / 10)}%",
                    zh_text=f"{_one(q / 10)}%",
                    wrong_zh=f"{_one((q + 2) / 10)}%",
                ),
            ),
        )
    if kind == 5:
        i, k = rng.randint(100, 999), rng.randint(5, 40)
        return Fact(
            "online_services",
            f"The number of services available in {en} via \u201cone-stop online processing\u201d "
            f"has reached {i} items in {k} categories.",
            f"online services in {en} cover {i} items across {k} categories",
            f"{zh}网上办理服务覆盖{k}个类别、{i}项业务",
            (
                Part("online_items", str(i), f"{i} items", f"{i}项业务", zh_text=f"{i}项业务"),
                Part(
                    "online_categories",
                    str(k),
                    f"{k} categories",
                    f"{k}个类别",
                    zh_text=f"{k}个类别",
                ),
            ),
            relation="{0} > {1}",
            en_quote=f'The number of services available in {en} via "one-stop online '
            f'processing" has reached {i} items in {k} categories',
        )
    if kind == 6:
        a, n = rng.randint(10, 60), rng.randint(100, 400)
        return Fact(
            "open_ports",
            f"In {en}, the number of open ports has increased by {a}, reaching a total of {n}.",
            f"the number of open ports in {en} has increased by {a}, reaching a total of {n}",
            f"{zh}开放口岸增加{a}个，总数达到{n}个",
            (
                Part("ports_added", str(a), f"{a}", f"{a}个", zh_text=f"增加{a}个"),
                Part("ports_total", str(n), f"{n}", f"{n}个", zh_text=f"达到{n}个"),
            ),
            relation=f"{{1}} - {{0}} == {n - a}",
        )
    if kind == 7:
        h = rng.randint(5, 72)
        return Fact(
            "fruit_hours",
            f"Fresh fruit from {en} can reach its market in as little as {h} hours.",
            f"fresh fruit from {en} reaches its market in as little as {h} hours",
            f"{zh}鲜果最快{h}小时即可运抵市场",
            (Part("fruit_hours", f"{h} hour", zh_text=f"{h}小时", wrong_zh=f"{h + 2}小时"),),
        )
    if kind == 8:
        u = rng.randint(2, 40)
        return Fact(
            "registered_users",
            f"The platform in {en} now has {u} million registered users.",
            f"the platform in {en} has {u} million registered users",
            f"{zh}平台注册用户达{u * 100}万",
            (
                Part(
                    "registered_users",
                    f"{u} million",
                    zh_text=f"{u * 100}万",
                    wrong_zh=f"{(u + 1) * 100}万",
                ),
            ),
        )
    if kind == 9:
        d = rng.randint(1, 40)
        return Fact(
            "daily_declarations",
            f"The system in {en} processes an average of {d} million declarations per day.",
            f"the system in {en} handles an average of {d} million declarations per day",
            f"{zh}系统日均处理申报{d * 100}万票",
            (
                Part(
                    "daily_declarations",
                    f"{d} million",
                    basis="per_day",
                    zh_text=f"{d * 100}万票",
                    wrong_zh=f"{(d + 1) * 100}万票",
                ),
            ),
        )
    if kind == 10:
        n = rng.randint(10, 90) * 100
        return Fact(
            "trainees",
            f"Training sessions in {en} have involved nearly {n:,} people.",
            f"training sessions in {en} involved nearly {n:,} people",
            f"{zh}培训共涉及近{n}人",
            (Part("trainees", f"~{n}", zh_text=f"近{n}人", wrong_zh=f"近{n + 1500}人"),),
        )
    if kind == 11:
        p = rng.randint(10, 80)
        e = p + rng.randint(5, 40)
        return Fact(
            "export_growth",
            f"Imports and exports of {en} grew {_one(p / 10)}% year on year, with exports "
            f"rising {_one(e / 10)}%.",
            f"trade of {en} grew {_one(p / 10)}% year on year, with exports up {_one(e / 10)}%",
            f"{zh}进出口同比增长{_one(p / 10)}%，其中出口增长{_one(e / 10)}%",
            (
                Part(
                    "total_growth",
                    f"{_one(p / 10)}%",
                    f"{_one(p / 10)}%",
                    f"{_one(p / 10)}%",
                    zh_text=f"{_one(p / 10)}%",
                ),
                Part(
                    "export_growth",
                    f"{_one(e / 10)}%",
                    f"{_one(e / 10)}%",
                    f"{_one(e / 10)}%",
                    zh_text=f"{_one(e / 10)}%",
                ),
            ),
            relation="{1} > {0}",
        )
    p = rng.randint(10, 95)
    return Fact(
        "smart_inspection",
        f"Smart passenger inspection services have been deployed at {p}% of aviation ports "
        f"in {en}.",
        f"smart inspection now covers {p}% of aviation ports in {en}",
        f"{zh}{p}%的航空口岸已部署智能旅检",
        (Part("smart_inspection", f"{p}%", zh_text=f"{p}%", wrong_zh=f"{p + 3}%"),),
    )


TEMPLATES = 13

# -- dates --------------------------------------------------------------------------------

_EN_MONTHS = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)


def en_short(day: dt.date) -> str:
    return f"{_EN_MONTHS[day.month - 1]} {day.day}, {day.year}"


def en_long(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def zh_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# -- one briefing -------------------------------------------------------------------------


@dataclass
class Briefing:
    index: int
    event: dt.date
    en_published: dt.date
    zh_published: dt.date
    summary_published: dt.date
    facts: list[Fact]
    has_zh: bool
    en_bytes: int
    wrapped: bool
    claims: list[dict[str, object]] = field(default_factory=list)
    relations: list[dict[str, object]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"b{self.index:04d}"

    def alias(self, what: str) -> str:
        return f"{self.name}_{what}"


def _paragraphs(
    rng: random.Random,
    filler: Sequence[str],
    facts: Sequence[str],
    target: int,
    speakers: Sequence[str],
    joiner: str,
) -> list[str]:
    """Speakers' turns of filler sentences with ``facts`` spread over ``target`` bytes."""
    fact_bytes = sum(len(f.encode()) for f in facts)
    avg = sum(len(s.encode()) for s in filler) / len(filler)
    sentences = max(len(facts) * 2, int(max(target - fact_bytes, 0) / (avg + 1)))
    slots = sorted(rng.sample(range(sentences + len(facts)), len(facts)))
    queue = list(facts)
    body: list[str] = []
    positions = set(slots)
    for i in range(sentences + len(facts)):
        body.append(queue.pop(0) if i in positions else rng.choice(filler))
    paragraphs: list[str] = []
    i = 0
    while i < len(body):
        take = rng.randint(3, 8)
        paragraphs.append(rng.choice(speakers))
        paragraphs.append(joiner.join(body[i : i + take]))
        i += take
    return paragraphs


def _wrap(paragraph: str) -> str:
    return (
        "\n".join(
            textwrap.wrap(paragraph, width=92, break_long_words=False, break_on_hyphens=False)
        )
        or paragraph
    )


def english_transcript(b: Briefing, rng: random.Random, filler: Sequence[str]) -> str:
    header = [
        "Press RoomPress Conference TranscriptsPress Conferences of the State Council "
        "Information Office",
        "SCIO briefing series on 'high-quality achievements of customs': Customs",
        f"China.org.cn | {en_long(b.en_published)}",
        "Read in Chinese",
        "Speakers:",
        "Ms. Sun Meijun, minister of the General Administration of Customs (GAC)",
        "Chairperson:",
        "Ms. Shou Xiaoli, director general of the Press Bureau of the State Council "
        "Information Office (SCIO) and spokesperson of the SCIO",
        "Date:",
        en_short(b.event),
    ]
    header_bytes = sum(len(h) + 2 for h in header)
    body = _paragraphs(
        rng, filler, [f.en for f in b.facts], b.en_bytes - header_bytes, EN_SPEAKERS, " "
    )
    if b.wrapped:
        body = [_wrap(p) for p in body]
    return "\n\n".join(header + body) + "\n"


def chinese_transcript(b: Briefing, rng: random.Random, filler: Sequence[str]) -> str:
    header = [
        "国务院新闻办公室新闻发布会",
        "海关高质量发展成就新闻发布会",
        f"中国网 | 发布时间：{zh_date(b.zh_published)}",
        f"时间：{zh_date(b.event)}",
    ]
    target = max(2 * KB, b.en_bytes // 3)
    body = _paragraphs(rng, filler, [f.zh + "。" for f in b.facts], target, ZH_SPEAKERS, "")
    return "\n\n".join(header + body) + "\n"


def summary_file(b: Briefing, summarized: Sequence[Fact], headline: Sequence[str]) -> str:
    lines = [
        "Core Viewpoint - The press conference highlighted significant advancements in customs "
        "modernization, emphasizing its role in supporting high-quality development [1]."
    ]
    for group, fact in enumerate(summarized):
        if group % 3 == 0:
            lines.append(f"Group {group // 3 + 1}: Progress in High-Quality Development")
        lines.append(f"- Customs noted that {fact.summary} [2].")
    english = " ".join(lines)
    chinese = "、".join(headline) + "——为高水平开放提供有力支撑"
    byline = f"Ren Min Ri Bao Hai Wai Ban·{b.summary_published.isoformat()} 00:10"
    return "\n".join((english, chinese, byline)) + "\n"


# -- the corpus ---------------------------------------------------------------------------


@dataclass
class Plan:
    claims: int
    documents: int
    briefings: list[Briefing] = field(default_factory=list)


def _document_size(rng: random.Random, first: bool) -> int:
    """English transcripts: mostly 2-128 KB (log-uniform), one in fifty about 1 MB."""
    if first or rng.random() < 0.02:
        return MB
    return int(math.exp(rng.uniform(math.log(2 * KB), math.log(128 * KB))))


def plan_corpus(size: str, seed: int) -> Plan:
    claims, documents = SIZES[size]
    rng = random.Random(f"briefcheck-bench-{size}-{seed}")
    n_briefings = math.ceil(documents / 3)
    without_zh = n_briefings * 3 - documents  # the last few have no Chinese transcript
    plan = Plan(claims, documents)
    base, extra = divmod(claims, n_briefings)
    for index in range(n_briefings):
        has_zh = index < n_briefings - without_zh
        want = base + (1 if index < extra else 0)
        date_claims = 4 if has_zh else 3
        event = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
        b = Briefing(
            index=index + 1,
            event=event,
            en_published=event + dt.timedelta(days=rng.randint(2, 120)),
            zh_published=event + dt.timedelta(days=1),
            summary_published=event + dt.timedelta(days=1),
            facts=[],
            has_zh=has_zh,
            en_bytes=_document_size(rng, index == 0),
            wrapped=rng.random() < 0.2,
        )
        subjects = rng.sample(range(len(SUBJECTS)), len(SUBJECTS))
        figure_claims = max(want - date_claims, 1)
        kinds = list(range(TEMPLATES))
        rng.shuffle(kinds)
        used: set[tuple[int, int]] = set()
        count = 0
        cursor = 0
        while count < figure_claims:
            kind = kinds[cursor % TEMPLATES]
            subject = subjects[cursor % len(subjects)]
            cursor += 1
            if (kind, subject) in used:
                continue
            fact = make_fact(kind, *SUBJECTS[subject], rng)
            if count + len(fact.parts) > figure_claims:
                continue
            used.add((kind, subject))
            b.facts.append(fact)
            count += len(fact.parts)
        plan.briefings.append(b)
    return plan


def _claim(
    claim_id: str, expect: str, quotes: list[dict[str, str]], **extra: object
) -> dict[str, object]:
    entry: dict[str, object] = {"id": claim_id}
    if extra.get("kind"):
        entry["kind"] = extra.pop("kind")
    entry["expect"] = expect
    entry.update({k: v for k, v in extra.items() if v is not None})
    entry["quotes"] = quotes
    return entry


def _quote(source: str, text: str, figure: str | None = None) -> dict[str, str]:
    entry = {"source": source, "text": text}
    if figure is not None:
        entry["figure"] = figure
    return entry


MISSING_REWORDINGS = (
    ("annually supervised", "supervised every year"),
    ("has increased by", "grew by"),
    ("can reach its market", "arrives at market"),
    ("now has", "counts"),
    ("processes an average of", "handles on average"),
    ("have involved nearly", "trained nearly"),
    ("have been deployed at", "now operate at"),
    ("have been disposed of", "were destroyed"),
    ("have been seized", "were confiscated"),
    ("grew", "rose"),
    ("has reached", "reaches"),
)


def write_corpus(plan: Plan, out: Path, seed: int) -> dict[str, object]:
    en_filler = english_filler(SEED_SOURCES)
    zh_filler = chinese_filler()
    sources_dir = out / "sources" / "gen"
    claims_dir = out / "claims" / "gen"
    if out.exists():
        for sub in ("sources", "claims", "baseline"):
            shutil.rmtree(out / sub, ignore_errors=True)
    sources_dir.mkdir(parents=True)
    claims_dir.mkdir(parents=True)
    (out / "pytest.ini").write_text(
        "[pytest]\n# the benchmark's corpus: pytest --briefcheck checks claims/\n", encoding="utf-8"
    )
    registry: list[str] = [
        "version: 1",
        "# Generated by benchmarks/generate.py: a synthetic newsroom corpus.",
        "sources:",
    ]
    stats = {
        "claims": 0,
        "relations": 0,
        "documents": 0,
        "bytes": 0,
        "xfail": 0,
        "contradicted": 0,
        "missing": 0,
        "skip": 0,
        "claim_files": 0,
    }
    failing: set[str] = set()  # node ids the injected errors make fail
    largest: list[tuple[int, Briefing]] = sorted(
        ((b.en_bytes, b) for b in plan.briefings), key=lambda t: (-t[0], t[1].index)
    )
    missing_in = {b.index for _, b in largest[: max(1, plan.claims // 2000)]}
    for b in plan.briefings:
        doc_rng = random.Random(f"briefcheck-bench-doc-{seed}-{b.index}")
        folder = sources_dir / b.name
        folder.mkdir()
        en_path = folder / "transcript.en.txt"
        _write(en_path, english_transcript(b, doc_rng, en_filler), stats)
        if b.has_zh:
            _write(folder / "transcript.zh.txt", chinese_transcript(b, doc_rng, zh_filler), stats)
        summarized = b.facts[: min(len(b.facts), 6)]
        headline_facts = [f for f in b.facts if len(f.parts) == 1][:2]
        # an injected error: the Chinese headline states another figure (a known one is xfail)
        edited = next((f for f in headline_facts if f.parts[0].wrong_zh), None)
        headline = [f.zh for f in headline_facts]
        wrong_headline = b.index % 14 in (3, 4) and edited is not None
        if wrong_headline and edited is not None:
            at, part = headline_facts.index(edited), edited.parts[0]
            headline[at] = edited.zh.replace(part.zh_text, part.wrong_zh)
            wrong_headline = headline[at] != edited.zh  # the figure was found
        _write(folder / "summary.en-zh.txt", summary_file(b, summarized, headline), stats)

        en, zh = b.alias("transcript_en"), b.alias("transcript_zh")
        sen, szh, sby = b.alias("summary_en"), b.alias("summary_zh"), b.alias("summary_byline")
        base = f"gen/{b.name}"
        registry += [
            f"  # briefing {b.name}: held {b.event.isoformat()}",
            f"  {en}:",
            f"    path: {base}/transcript.en.txt",
            "    lang: en",
            f"    published: {b.en_published.isoformat()}",
            f"    event: {b.event.isoformat()}",
            "    checked: true",
        ]
        if b.has_zh:
            registry += [
                f"  {zh}:",
                f"    path: {base}/transcript.zh.txt",
                "    lang: zh",
                f"    published: {b.zh_published.isoformat()}",
                f"    event: {b.event.isoformat()}",
                "    checked: true",
                f"    translation_of: {en}",
            ]
        registry += [
            f"  {sen}:",
            f"    path: {base}/summary.en-zh.txt",
            '    lines: "1-1"',
            "    lang: en",
            f"    published: {b.summary_published.isoformat()}",
            "    checked: true",
            "    ignore:",
            '      - text: "[1]"',
            '        reason: "reference marker to a paragraph of the summarized article"',
            '      - text: "[2]"',
            '        reason: "reference marker to a paragraph of the summarized article"',
        ]
        for group in range(1, len(summarized) // 3 + 2):
            registry += [f'      - text: "Group {group}"', '        reason: "section label"']
        registry += [
            f"  {szh}:",
            f"    path: {base}/summary.en-zh.txt",
            '    lines: "2-2"',
            "    lang: zh",
            f"    published: {b.summary_published.isoformat()}",
            "    checked: true",
            f"  {sby}:",
            f"    path: {base}/summary.en-zh.txt",
            '    lines: "3-3"',
            "    lang: en",
            f"    published: {b.summary_published.isoformat()}",
            "    checked: true",
        ]

        # -- figure claims
        claims: list[dict[str, object]] = []
        relations: list[dict[str, object]] = []
        missing_done = b.index not in missing_in
        for number, fact in enumerate(b.facts):
            ids = [f"{b.name}_{part.name}_{number:02d}" for part in fact.parts]
            en_quote = fact.en_quote or fact.en.rstrip(".")
            reworded = False
            if not missing_done and len(fact.parts) == 1:
                for old, new in MISSING_REWORDINGS:
                    if old in en_quote:
                        en_quote = en_quote.replace(old, new, 1)
                        missing_done = reworded = True
                        stats["missing"] += 1
                        # its figure in the transcript is now quoted by no claim
                        failing.add(f"sources/{base}/transcript.en.txt::coverage")
                        break
            for part, claim_id in zip(fact.parts, ids, strict=True):
                two = len(fact.parts) > 1
                quotes = [_quote(en, en_quote, part.en_figure if two else None)]
                if b.has_zh:
                    quotes.append(_quote(zh, fact.zh, part.zh_figure if two else None))
                if fact in summarized:
                    quotes.append(_quote(sen, fact.summary, part.en_figure if two else None))
                extra: dict[str, object] = {"basis": part.basis, "_fails": reworded}
                if b.index % 23 == 5 and number == 1:
                    extra["skip"] = "figure under review by the desk"
                    stats["skip"] += 1
                if fact in headline_facts:
                    shown = headline[headline_facts.index(fact)]
                    quotes.append(_quote(szh, shown))
                    if wrong_headline and fact is edited and "skip" not in extra:
                        if b.index % 14 == 4:
                            extra["xfail"] = (
                                f"the Chinese headline of {b.name} was edited to "
                                f"{part.wrong_zh}; corrected in the next edition"
                            )
                            stats["xfail"] += 1
                        else:
                            stats["contradicted"] += 1
                            extra["_fails"] = True
                claims.append(_claim(claim_id, part.expect, quotes, **extra))
            if fact.relation is not None:
                relations.append(
                    {
                        "name": f"{b.name}_{fact.key}_{number:02d}",
                        "check": fact.relation.format(*ids),
                        "says": _quote(en, fact.en_quote or fact.en.rstrip(".")),
                    }
                )

        # -- date claims
        event_id = f"{b.name}_briefing_date"
        event_quotes = [_quote(en, en_short(b.event))]
        if b.has_zh:
            event_quotes.append(_quote(zh, f"时间：{zh_date(b.event)}", zh_date(b.event)))
        dates = [
            _claim(event_id, b.event.isoformat(), event_quotes, kind="date", role="event"),
            _claim(
                f"{b.name}_transcript_published",
                b.en_published.isoformat(),
                [_quote(en, f"China.org.cn | {en_long(b.en_published)}", en_long(b.en_published))],
                kind="date",
                role="published",
                after=event_id,
            ),
            _claim(
                f"{b.name}_summary_published",
                b.summary_published.isoformat(),
                [
                    _quote(
                        sby,
                        f"{b.summary_published.isoformat()} 00:10",
                        b.summary_published.isoformat(),
                    )
                ],
                kind="date",
                role="published",
                after=event_id,
            ),
        ]
        if b.has_zh:
            dates.append(
                _claim(
                    f"{b.name}_zh_published",
                    b.zh_published.isoformat(),
                    [_quote(zh, f"发布时间：{zh_date(b.zh_published)}", zh_date(b.zh_published))],
                    kind="date",
                    role="published",
                    after=event_id,
                )
            )
        folder_claims = claims_dir / b.name
        folder_claims.mkdir()
        half = len(claims) // 2
        files = {
            "transcript.yaml": _claim_file(
                f"Figures of briefing {b.name}, cross-quoted in English and Chinese.", claims[:half]
            ),
            "summary.yaml": _claim_file(
                f"More figures of briefing {b.name}, and what the summary repeats.", claims[half:]
            ),
            "dates.yaml": _claim_file(f"Dates of briefing {b.name} and its pages.", dates),
        }
        if relations:
            files["relations.yaml"] = _claim_file(
                f"Relations between figures of briefing {b.name}.", [], relations
            )
        for name, text in files.items():
            (folder_claims / name).write_text(text, encoding="utf-8")
        for name, listed in (("transcript.yaml", claims[:half]), ("summary.yaml", claims[half:])):
            failing.update(f"claims/{base}/{name}::{c['id']}" for c in listed if c["_fails"])
        stats["claim_files"] += len(files)
        stats["claims"] += len(claims) + len(dates)
        stats["relations"] += len(relations)
    (out / "claims" / "sources.yaml").write_text("\n".join(registry) + "\n", encoding="utf-8")
    return {**stats, "failing": sorted(failing)}


def _write(path: Path, text: str, stats: dict[str, int]) -> None:
    data = text.encode("utf-8")
    path.write_bytes(data)
    stats["documents"] += 1
    stats["bytes"] += len(data)


def _yaml_str(value: object) -> str:
    # JSON strings are valid YAML double-quoted scalars
    return json.dumps(str(value), ensure_ascii=False)


def _claim_file(
    comment: str, claims: list[dict[str, object]], relations: Sequence[dict[str, object]] = ()
) -> str:
    lines = ["version: 1", f"# {comment}"]
    if claims:
        lines.append("claims:")
        for claim in claims:
            lines.append(f"  - id: {claim['id']}")
            for key, value in claim.items():
                if key in ("id", "quotes") or key.startswith("_"):
                    continue
                lines.append(f"    {key}: {_yaml_str(value)}")
            lines.append("    quotes:")
            for quote in claim["quotes"]:  # type: ignore[attr-defined]
                lines.append(f"      - source: {quote['source']}")
                lines.append(f"        text: {_yaml_str(quote['text'])}")
                if "figure" in quote:
                    lines.append(f"        figure: {_yaml_str(quote['figure'])}")
    if relations:
        lines.append("relations:")
        for relation in relations:
            says = relation["says"]
            lines.append(f"  - name: {relation['name']}")
            lines.append(f"    check: {_yaml_str(relation['check'])}")
            lines.append(
                f"    says: {{source: {says['source']}, "  # type: ignore[index]
                f"text: {_yaml_str(says['text'])}}}"  # type: ignore[index]
            )
    return "\n".join(lines) + "\n"


def generate(size: str, out: Path, seed: int = 1) -> dict[str, object]:
    """Write the corpus of ``size`` to ``out``; return its statistics."""
    plan = plan_corpus(size, seed)
    stats: dict[str, object] = {"size": size, "seed": seed}
    stats.update(write_corpus(plan, out, seed))
    (out / "manifest.json").write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    return stats


def main(argv: Sequence[str] | None = None, echo: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--out", type=Path, default=None, help="default: benchmarks/out/SIZE")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    out = args.out or REPO / "benchmarks" / "out" / args.size
    stats = generate(args.size, out, args.seed)
    echo(
        f"{args.size}: {stats['claims']} claims, {stats['relations']} relations, "
        f"{stats['documents']} documents ({int(stats['bytes']) / MB:.1f} MB), "
        f"{stats['claim_files']} claim files -> {out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
