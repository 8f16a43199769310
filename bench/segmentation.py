"""CPU of segmenting comments for search (consultations.segmentation.tokens) against jieba on whole texts.

    .venv/bin/python bench/segmentation.py

tokens() cuts a text block by block (the runs jieba itself segments) and caches each block's words, so
repeated phrases are cut once. Two corpora, each segmented once with an empty cache:
- bench/ingest.py's bodies: the load script's phrase lists (bench/submit_comment.lua) combined as it
  combines them, with its numbered suffix: most blocks repeat, as in a form-letter campaign.
- the demo's opinions (api/demo.py): distinct texts, few repeated blocks.
Every result is checked against jieba's own output first.
"""

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, for tests.*

from api import demo
from consultations import segmentation
from tests.consultations.test_segmentation import jieba_reference

LUA = Path(__file__).resolve().parent / "submit_comment.lua"


def lua_list(name: str) -> list[str]:
    table = re.search(rf"local {name} = \{{(.*?)\n\}}", LUA.read_text(encoding="utf-8"), re.S)
    assert table, name
    return re.findall(r'"([^"]*)"', table.group(1))


def ingest_bodies(count: int) -> list[str]:
    """As submit_comment.lua's comment_body(n) builds them (thread 0)."""
    openings, middles, closings = lua_list("openings"), lua_list("middles"), lua_list("closings")
    return [
        f"{openings[n % len(openings)]}{middles[(n * 7) % len(middles)]}{middles[(n * 3 + 1) % len(middles)]}"
        f"（意见编号 0-{n}）{closings[n % len(closings)]}"
        for n in range(1, count + 1)
    ]


def cpu_us(function: Callable[[str], str], texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        function(text)
    return (time.process_time() - started) / len(texts) * 1e6


def main() -> int:
    segmentation.initialize()
    corpora = {
        "bench/ingest.py bodies (5 000)": ingest_bodies(5000),
        "demo opinions, distinct": [body for _article, body in demo.OPINIONS],
    }
    print("| corpus | texts | chars per text | jieba µs/text | tokens() µs/text | blocks from cache |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, texts in corpora.items():
        segmentation.dictionary_changed()  # empty cache
        assert [segmentation.tokens(t) for t in texts] == [jieba_reference(t) for t in texts]
        segmentation.dictionary_changed()
        ours = cpu_us(segmentation.tokens, texts)
        info = segmentation.block_cache_info()
        reference = cpu_us(jieba_reference, texts)
        chars = sum(map(len, texts)) // len(texts)
        hit_rate = info.hits / max(1, info.hits + info.misses)
        print(f"| {name} | {len(texts)} | {chars} | {reference:.0f} | {ours:.0f} | {hit_rate:.0%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
