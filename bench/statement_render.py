"""Statement generation time for a large consultation: build the document and render all five formats.

    .venv/bin/python bench/statement_render.py [--comments 100000] [--groups 500] [--repeat 3] [--scan]
        [--campaign-share 0.6] [--skip-baseline]

    # the two sizes of docs/benchmarks.md
    .venv/bin/python bench/statement_render.py --comments 100000 --groups 500 --scan
    .venv/bin/python bench/statement_render.py --comments 1000000 --groups 150000 --campaign-share 0.85 \
        --repeat 1 --scan --skip-baseline

Synthetic StatementFacts, made in-process with a fixed seed (no database): 60 articles; 500 topic groups
(about 1 in 6 on the whole draft), each with at least one comment (its representative), the other
comments spread over them on a Zipf-like curve; 100 000 comments, ≈ 60 % of them (--campaign-share)
copies in 25 campaigns, so with many groups most of them are singletons, as the aggregation makes
them; channels and submitter types in realistic proportions; 2 % late comments;
dispositions on groups with 3 % of comments overridden. Representative texts are 60–400 characters of
Chinese assembled from phrases about homesteads, and about one in three carries planted personal data (a
mobile number, an ID-card number, an email, "我是张三", a village address, a signed letter ending), so
masking does real work. Offline letters carry names in their author keys (masked wherever they appear).

Timed, each --repeat times (the median and the minimum are reported; the first run includes font loading):
  build      build_statement(facts): checks, figures, masking, document structure
  html, pdf, docx, json, csv    each renderer on that document
  total      build + all five renderers (the ≤ 30 s budget of issue 3)
  scan       (--scan) scan_renderings on the last run's renderings, once
  peak RSS   of the whole process, synthetic facts included
Baseline, in the same run: fpdf2 writing the same paragraphs as plain multi_cells (no tables, no
footer), to show what the PDF library itself costs. --scan also times scan_renderings (the
personal-data check before publishing; not part of the rendering budget) and checks it is clean.
"""

import argparse
import collections
import importlib.metadata
import io
import itertools
import json
import os
import platform
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from consultations.statement.document import Paragraph, StatementDocument, build_statement  # noqa: E402
from consultations.statement.facts import (  # noqa: E402
    ArticleFact,
    CommentFact,
    ConsultationFact,
    GroupFact,
    StatementFacts,
)
from consultations.statement.render import RENDERERS, content_sha256  # noqa: E402
from consultations.statement.render_pdf import resolve_font  # noqa: E402
from consultations.statement.scan import scan_renderings  # noqa: E402

ARTICLES = 60
CAMPAIGNS = 25
SUBJECTS = [
    "宅基地面积标准",
    "分户条件",
    "审批时限",
    "有偿退出",
    "闲置宅基地盘活",
    "农房翻建",
    "村庄规划",
    "一户一宅认定",
    "继承取得",
    "征收补偿",
    "违法占地处置",
    "公示程序",
    "村民委员会职责",
]
OPINIONS = [
    "建议适当放宽",
    "建议进一步明确",
    "建议删除该条款",
    "建议增加例外情形",
    "建议缩短办理时限",
    "建议提高补偿标准",
    "建议细化认定标准",
    "建议与上位法保持一致",
    "建议增加听证程序",
    "建议保留现行做法",
]
REASONS = [
    "该款规定与上位法不一致，不予采纳",
    "超出本办法调整范围，将另行研究",
    "考虑到耕地保护要求，暂不放宽",
    "实际操作中难以执行，不予采纳",
    "已在第十二条中作出规定",
]
FILLER = [
    "我们村里的情况比较特殊，",
    "很多老人和子女分开居住，",
    "近年来外出务工人员较多，",
    "现行标准是2015年制定的，",
    "第三条第二款的表述不够清楚，",
    "审批时间过长影响建房，",
    "希望政府充分听取群众意见，",
    "部分农户已经多年没有申请到宅基地，",
    "建议参考周边县市的做法，",
    "相关部门应当加强监督管理，",
]
PLANTS = [
    "我是张三，电话13800138000。",
    "身份证号330106199001011234。",
    "我的邮箱 wang.wu@example.com，",
    "家住城东村3组15号，",
    "村民李四联系电话0571-8888 8888。",
    "\n此致\n敬礼\n赵六",
]
OUTCOMES = ["adopted", "partly_adopted", "not_adopted", "already_provided", "out_of_scope"]
OUTCOME_WEIGHTS = [0.25, 0.15, 0.3, 0.2, 0.1]
CHANNELS = ["online", "letter", "email", "phone", "symposium", "hearing", "other"]
CHANNEL_WEIGHTS = [0.8, 0.08, 0.06, 0.02, 0.02, 0.01, 0.01]
TYPES = ["individual", "enterprise", "organization", "other"]
TYPE_WEIGHTS = [0.9, 0.05, 0.04, 0.01]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"


def synthetic_facts(
    comment_count: int, group_count: int, seed: int = 20260401, campaign_share: float = 0.6
) -> StatementFacts:
    rng = random.Random(seed)
    articles = tuple(
        ArticleFact(i, i, f"第{i}条", rng.choice(SUBJECTS), "农村村民一户只能拥有一处宅基地。")
        for i in range(1, ARTICLES + 1)
    )
    groups = []
    for gid in range(1, group_count + 1):
        article = None if rng.random() < 0.17 else rng.randint(1, ARTICLES)
        subject, opinion = rng.choice(SUBJECTS), rng.choice(OPINIONS)
        text = "".join(rng.choice(FILLER) for _ in range(rng.randint(2, 14))) + f"{opinion}{subject}。"
        if rng.random() < 0.35:
            text = rng.choice(PLANTS) + text + rng.choice(PLANTS)
        outcome = rng.choices(OUTCOMES, OUTCOME_WEIGHTS)[0]
        needs_reason = outcome in ("partly_adopted", "not_adopted") or rng.random() < 0.3
        revised = outcome in ("adopted", "partly_adopted") and rng.random() < 0.4
        groups.append(
            GroupFact(
                id=gid,
                title=f"{opinion}{subject}",
                summary=f"{opinion}{subject}的有关规定" if rng.random() < 0.5 else "",
                article_id=article,
                representative_text=text,
                keywords=(subject,),
                disposition=outcome,
                reason=rng.choice(REASONS) if needs_reason else "",
                revised_before="宅基地面积不得超过120平方米。" if revised else "",
                revised_after="宅基地面积不得超过140平方米。" if revised else "",
            )
        )
    # Zipf-like group sizes, plus campaigns: a few groups collect most copies.
    weights = [1 / (rank**0.9) for rank in range(1, group_count + 1)]
    rng.shuffle(weights)
    cumulative = list(itertools.accumulate(weights))  # once: rng.choices(weights=…) is O(groups) a call
    campaign_groups = rng.sample(range(group_count), min(CAMPAIGNS, group_count))
    comments = []
    for cid in range(1, comment_count + 1):
        in_campaign = cid > group_count and rng.random() < campaign_share
        if cid <= group_count:  # every group has its representative comment
            group = groups[cid - 1]
        elif in_campaign:
            group = groups[rng.choice(campaign_groups)]
        else:
            group = rng.choices(groups, cum_weights=cumulative)[0]
        channel = rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0]
        if channel == "online":
            author = f"user:{rng.randint(1, 70_000)}"
        else:
            name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))
            author = f"offline:{channel}:{name}"
        disposition, reason = group.disposition, ""
        if rng.random() < 0.03:
            disposition = rng.choices(OUTCOMES, OUTCOME_WEIGHTS)[0]
            reason = rng.choice(REASONS) if disposition != group.disposition else ""
            if disposition in ("partly_adopted", "not_adopted") and not reason:
                reason = group.reason or rng.choice(REASONS)
        comments.append(
            CommentFact(
                id=cid,
                author_key=author,
                channel=channel,
                submitter_type=rng.choices(TYPES, TYPE_WEIGHTS)[0],
                article_id=group.article_id,
                is_late=rng.random() < 0.02,
                topic_id=group.id,
                campaign_id=(1000 + group.id) if in_campaign else None,
                disposition=disposition,
                reason=reason,
            )
        )
    consultation = ConsultationFact(
        id=1,
        title="某市农村宅基地管理办法（征求意见稿）",
        unit_name="某市自然资源和规划局",
        kind="normative_document",
        opens_at=datetime(2026, 3, 1, tzinfo=UTC),
        closes_at=datetime(2026, 3, 31, 16, tzinfo=UTC),
        closing_date=date(2026, 3, 31),
        period_days=30,
        shortened_reason="",
        publication_channels=(
            ("某市人民政府门户网站", "https://www.example.gov.cn/art/2026/3/1/art_1.html", "2026年3月1日"),
        ),
        offline_channels="联系电话：0571-87001234；电子邮箱：zrj@example.gov.cn",
        disclosure="proactive",
        secrecy_review="保密审查：办公室，2026年4月9日",
    )
    return StatementFacts(
        consultation=consultation,
        articles=articles,
        groups=tuple(groups),
        comments=tuple(comments),
        generated_at=datetime(2026, 4, 10, 2, tzinfo=UTC),
    )


def fpdf_baseline(document: StatementDocument) -> None:
    """The same paragraphs through bare fpdf2 multi_cells: what the PDF library costs by itself."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode

    path, face = resolve_font()
    pdf = FPDF()
    pdf.add_font("cjk", "", str(path), collection_font_number=face)
    pdf.add_page()
    pdf.set_font("cjk", size=11)
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                pdf.multi_cell(0, 6.5, block.text, wrapmode=WrapMode.CHAR, new_x="LMARGIN", new_y="NEXT")
    for row in document.annex.rows:
        pdf.multi_cell(0, 6.5, " ".join(row), wrapmode=WrapMode.CHAR, new_x="LMARGIN", new_y="NEXT")
    pdf.output()


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--groups", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--campaign-share", type=float, default=0.6)
    parser.add_argument("--scan", action="store_true", help="also time the personal-data scan")
    parser.add_argument("--skip-baseline", action="store_true", help="do not time the bare fpdf2 baseline")
    arguments = parser.parse_args()

    seconds, facts = timed(
        lambda: synthetic_facts(arguments.comments, arguments.groups, campaign_share=arguments.campaign_share)
    )
    sizes_of = collections.Counter(comment.topic_id for comment in facts.comments)
    singletons = sum(1 for group in facts.groups if sizes_of[group.id] == 1)
    print(
        f"synthetic facts: {len(facts.comments)} comments, {len(facts.groups)} groups "
        f"({singletons} of them with one comment), {seconds:.1f} s"
    )
    runs: dict[str, list[float]] = {name: [] for name in ("build", *RENDERERS, "total", "fpdf2 baseline")}
    sizes: dict[str, int] = {}
    hashes = set()
    renderings: dict[str, bytes] = {}
    for _ in range(arguments.repeat):
        build_seconds, document = timed(lambda: build_statement(facts))
        runs["build"].append(build_seconds)
        total = build_seconds
        for fmt, render in RENDERERS.items():
            seconds, renderings[fmt] = timed(lambda render=render, document=document: render(document))
            runs[fmt].append(seconds)
            total += seconds
        runs["total"].append(total)
        if not arguments.skip_baseline:
            runs["fpdf2 baseline"].append(timed(lambda document=document: fpdf_baseline(document))[0])
        sizes = {fmt: len(data) for fmt, data in renderings.items()}
        hashes.add(content_sha256(renderings))
    scan: dict[str, Any] = {}
    if arguments.scan:
        seconds, findings = timed(lambda: scan_renderings(renderings))
        scan = {"seconds": round(seconds, 2), "findings": len(findings)}

    machine = {
        "python": platform.python_version(),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "fpdf2": importlib.metadata.version("fpdf2"),
        "python-docx": importlib.metadata.version("python-docx"),
        "pypdf": importlib.metadata.version("pypdf"),
        "font": str(resolve_font()[0]),
    }
    print(f"machine: {json.dumps(machine, ensure_ascii=False)}")
    print("\n| step | median s | min s | output |\n|---|---:|---:|---:|")
    listed = sum(1 for row in document.annex.rows if row[0] != "—")
    print(f"annex: {listed} groups listed in HTML/PDF/DOCX, {len(document.data_annex.rows)} in JSON/CSV")
    print(f"pdf pages: {len(PdfReader(io.BytesIO(renderings['pdf'])).pages)}")
    for name, values in runs.items():
        if not values:
            continue
        size = f"{sizes[name] / 1e6:.2f} MB" if name in sizes else ""
        print(f"| {name} | {statistics.median(values):.2f} | {min(values):.2f} | {size} |")
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS {peak_mib:.0f} MiB; identical content hash on every run: {len(hashes) == 1}")
    if scan:
        print(f"scan_renderings: {scan['seconds']} s, {scan['findings']} findings")
        print(
            f"build + render + scan (median run): {statistics.median(runs['total']) + scan['seconds']:.1f} s"
        )
    return 0 if len(hashes) == 1 and not scan.get("findings") else 1


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    sys.exit(main())
