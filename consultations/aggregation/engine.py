"""The aggregation engine: comments in, campaigns (form letters) and topics out. Pure: no database.

Stages, reported through `progress(stage, done, total)`:
  normalize  NFKC, whitespace, traditional → simplified, and the skeleton each copy check compares
  campaigns  exact and near copies (campaigns.py)
  segment    jieba over the distinct texts only: campaign copies other than the representative need none
  topics     TF-IDF grouping per article (topics.py)

`workers` is the number of processes that segment, this one included: with workers=2 one spawned pool
worker, started at the beginning so its start-up overlaps copy detection, segments beside this process.
"""

import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from consultations.aggregation import lexicon
from consultations.aggregation.campaigns import CopyDetector, CopyGraph
from consultations.aggregation.normalize import normalize, skeleton, skeletons
from consultations.aggregation.topics import TermMatrix, closest_topics, group_topics, term_matrix
from consultations.aggregation.types import (
    AggregationResult,
    Campaign,
    ExistingGroup,
    IncrementalResult,
    TextItem,
    Topic,
)

Progress = Callable[[str, int, int], None]

NORMALIZE_BATCH = 20_000
SEGMENT_CHUNK_CHARS = 40_000


@dataclass(frozen=True)
class AggregationOptions:
    to_simplified: bool = True  # compare traditional-script copies with their simplified template
    lexicon_dir: Path | None = None  # extra userdict.txt / stopwords.txt (setting aggregation_lexicon_dir)

    @classmethod
    def from_settings(cls) -> "AggregationOptions":
        from api.settings import get_settings

        return cls(lexicon_dir=get_settings().aggregation_lexicon_dir)


def _no_progress(_stage: str, _done: int, _total: int) -> None:
    return None


def aggregate(
    items: Sequence[TextItem],
    *,
    workers: int = 1,
    progress: Progress | None = None,
    options: AggregationOptions | None = None,
) -> AggregationResult:
    """Group comments into campaigns of copies and topics of similar distinct opinions."""
    options = options or AggregationOptions.from_settings()
    report = progress or _no_progress
    _require_unique_ids(items)
    lexicon.load_lexicon(options.lexicon_dir)
    with Segmenter(workers=workers, lexicon_dir=options.lexicon_dir) as segmenter:
        copies = _copy_graph(items, options, report)
        campaigns, distinct = _campaigns(copies, range(len(items)))
        report("campaigns", 1, 1)
        texts = [normalize(items[i].body, to_simplified=options.to_simplified) for i in distinct]
        terms = segmenter.segment(texts, report)
    report("topics", 0, 1)
    matrix = term_matrix(terms)
    groups = group_topics(matrix, [items[i].article for i in distinct])
    report("topics", 1, 1)
    return AggregationResult(
        campaigns=[_campaign(items, members) for members in campaigns],
        topics=[
            Topic(
                representative=items[distinct[group.members[0]]].id,
                members=[items[distinct[m]].id for m in group.members],
                keywords=group.keywords,
                article=group.article,
            )
            for group in groups
        ],
    )


def aggregate_incremental(
    new_items: Sequence[TextItem],
    existing: Sequence[ExistingGroup],
    earlier_singletons: Sequence[TextItem],
    *,
    workers: int = 1,
    progress: Progress | None = None,
    options: AggregationOptions | None = None,
) -> IncrementalResult:
    """Place new comments among earlier groups, which stay as they are; group the rest among themselves.

    A new comment (with the new comments copying it) joins the existing campaign it copies, else pairs
    with the earlier single comment it copies; otherwise new copies form new campaigns. Distinct new
    comments join the closest existing topic of their article when similar enough; the rest form new
    topics. A new campaign's representative may so be in an existing topic rather than a new one.
    """
    options = options or AggregationOptions.from_settings()
    report = progress or _no_progress
    _require_unique_ids(new_items)
    lexicon.load_lexicon(options.lexicon_dir)
    result = IncrementalResult()
    old_campaigns = [group for group in existing if group.kind == "campaign"]
    old_topics = [group for group in existing if group.kind == "topic"]
    # Copies are looked for among the earlier items (campaign members, then singletons) and the new ones.
    campaign_of_old = [group.key for group in old_campaigns for _ in group.members]
    everything = [member for group in old_campaigns for member in group.members]
    everything += [*earlier_singletons, *new_items]
    with Segmenter(workers=workers, lexicon_dir=options.lexicon_dir) as segmenter:
        distinct = _place_new_copies(
            everything, len(everything) - len(new_items), campaign_of_old, result, options, report
        )
        _place_new_distinct([everything[i] for i in distinct], old_topics, result, segmenter, options, report)
    return result


def _place_new_copies(
    everything: list[TextItem],
    first_new: int,
    campaign_of_old: list[str],
    result: IncrementalResult,
    options: AggregationOptions,
    report: Progress,
) -> list[int]:
    """Fill the campaign joins, pairs and new campaigns; return the distinct new items (positions)."""
    copies = _copy_graph(everything, options, report, new_from=first_new)
    new_groups, links = _new_copy_groups(copies, first_new)
    new_campaigns: list[list[int]] = []
    distinct: list[int] = []
    for group in new_groups:
        target = _best_earlier_copy(links, group, campaign_count=len(campaign_of_old))
        if target is not None and target < len(campaign_of_old):
            for member in group:
                result.campaign_joins[everything[member].id] = campaign_of_old[target]
        elif target is not None:
            for member in group:
                result.campaign_pairs[everything[member].id] = everything[target].id
        elif len(group) > 1:
            copies_of_text = Counter(int(copies.first_copy[member]) for member in group)
            representative = min(
                group,
                key=lambda m: (-copies_of_text[int(copies.first_copy[m])], int(copies.first_copy[m]), m),
            )
            new_campaigns.append([representative, *sorted(m for m in group if m != representative)])
            distinct.append(representative)
        else:
            distinct.append(group[0])
    new_campaigns.sort(key=lambda members: (-len(members), min(members)))
    result.new.campaigns = [_campaign(everything, members) for members in new_campaigns]
    report("campaigns", 1, 1)
    return sorted(distinct)


def _place_new_distinct(
    distinct: list[TextItem],
    old_topics: list[ExistingGroup],
    result: IncrementalResult,
    segmenter: "Segmenter",
    options: AggregationOptions,
    report: Progress,
) -> None:
    """Fill the topic joins and the new topics; earlier topic members and new items share one TF-IDF."""
    topic_items = [member for group in old_topics for member in group.members]
    texts = [normalize(item.body, to_simplified=options.to_simplified) for item in [*topic_items, *distinct]]
    terms = segmenter.segment(texts, report)
    report("topics", 0, 1)
    matrix = term_matrix(terms)
    topic_rows: list[list[int]] = []
    for old_topic in old_topics:
        start = sum(len(rows) for rows in topic_rows)
        topic_rows.append(list(range(start, start + len(old_topic.members))))
    documents = list(range(len(topic_items), len(texts)))
    articles = [item.article for item in distinct]
    joins = closest_topics(matrix, topic_rows, [t.article for t in old_topics], documents, articles)
    remaining = []
    for position, topic_number in enumerate(joins):
        if topic_number is None:
            remaining.append(position)
        else:
            result.topic_joins[distinct[position].id] = old_topics[topic_number].key
    rest = TermMatrix(matrix.rows[[documents[p] for p in remaining]], matrix.vocabulary)
    for new_topic in group_topics(rest, [articles[p] for p in remaining]):
        ids = [distinct[remaining[m]].id for m in new_topic.members]
        result.new.topics.append(Topic(ids[0], ids, new_topic.keywords, new_topic.article))
    report("topics", 1, 1)


def _require_unique_ids(items: Sequence[TextItem]) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"duplicate comment id {item.id!r}")
        seen.add(item.id)


def _copy_graph(
    items: Sequence[TextItem], options: AggregationOptions, report: Progress, *, new_from: int = 0
) -> CopyGraph:
    def skeleton_of(index: int) -> str:
        return skeleton(items[index].body, to_simplified=options.to_simplified)

    detector = CopyDetector(skeleton_of)
    total = len(items)
    for start in range(0, total, NORMALIZE_BATCH):
        bodies = [item.body for item in items[start : start + NORMALIZE_BATCH]]
        detector.add(skeletons(bodies, to_simplified=options.to_simplified))
        report("normalize", min(start + NORMALIZE_BATCH, total), total)
    report("campaigns", 0, 1)
    return detector.graph(new_from=new_from)


def _campaigns(copies: CopyGraph, among: Sequence[int]) -> tuple[list[list[int]], list[int]]:
    """Campaigns (representative first, then by position) among `among`, and the distinct items.

    The representative is the text copied most often (exactly), ties going to the earliest.
    """
    indices = np.asarray(list(among), dtype=np.int64)
    labels = copies.components()[indices]
    first_copy = copies.first_copy[indices]
    copies_of_text = np.bincount(first_copy, minlength=copies.item_count)[first_copy]
    order = np.lexsort((indices, first_copy, -copies_of_text, labels))
    campaigns: list[list[int]] = []
    distinct: list[int] = []
    boundaries = np.flatnonzero(np.diff(labels[order])) + 1
    for run in np.split(order, boundaries):
        if run.size == 0:
            continue
        representative = int(indices[run[0]])
        distinct.append(representative)
        if run.size > 1:
            others = sorted(int(indices[r]) for r in run[1:])
            campaigns.append([representative, *others])
    campaigns.sort(key=lambda members: (-len(members), min(members)))
    distinct.sort()
    return campaigns, distinct


def _campaign(items: Sequence[TextItem], members: list[int]) -> Campaign:
    return Campaign(representative=items[members[0]].id, members=[items[m].id for m in members])


def _new_copy_groups(
    copies: CopyGraph, first_new: int
) -> tuple[list[list[int]], dict[int, list[tuple[float, int]]]]:
    """Groups of new items copying each other, and each new item's links (similarity, earlier item)."""
    count = copies.item_count
    links: dict[int, list[tuple[float, int]]] = {}
    new_a: list[int] = []
    new_b: list[int] = []
    for item in range(first_new, count):
        first = int(copies.first_copy[item])
        if first == item:
            continue
        if first < first_new:
            links.setdefault(item, []).append((1.0, first))
        else:
            new_a.append(first)
            new_b.append(item)
    for a, b, similarity in zip(
        copies.near_a.tolist(), copies.near_b.tolist(), copies.similarity.tolist(), strict=True
    ):
        if b < first_new:
            continue  # both earlier: their grouping is kept as it is
        if a < first_new:
            links.setdefault(b, []).append((similarity, a))
        else:
            new_a.append(a)
            new_b.append(b)
    among_new = CopyGraph(
        first_copy=np.arange(count, dtype=np.int64),
        near_a=np.asarray(new_a, dtype=np.int64),
        near_b=np.asarray(new_b, dtype=np.int64),
        similarity=np.ones(len(new_a), dtype=np.float32),
    )
    labels = among_new.components()[first_new:]
    groups: dict[int, list[int]] = {}
    for offset, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(first_new + offset)
    return list(groups.values()), links


def _best_earlier_copy(
    links: dict[int, list[tuple[float, int]]], group: list[int], *, campaign_count: int
) -> int | None:
    """The earlier item a group of new copies attaches to: a campaign member before a single comment,
    then the most similar, then the earliest."""
    candidates = [link for member in group for link in links.get(member, [])]
    if not candidates:
        return None
    return min(candidates, key=lambda link: (link[1] >= campaign_count, -link[0], link[1]))[1]


class Segmenter:
    """lexicon.terms over many texts with `workers` processes, this one included.

    The pool worker is started on creation, so its start-up (a new interpreter, jieba's dictionary,
    the user dictionaries) overlaps the copy detection that runs here meanwhile. Spawned, not forked:
    forking a threaded or async parent is unsafe.
    """

    def __init__(self, *, workers: int, lexicon_dir: Path | None) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        if workers > 1:
            self._pool = ProcessPoolExecutor(
                max_workers=workers - 1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=lexicon.load_lexicon_for_worker,
                initargs=(str(lexicon_dir) if lexicon_dir else None,),
            )
            self._pool.submit(lexicon.stopwords)  # starts the worker now

    def __enter__(self) -> "Segmenter":
        return self

    def __exit__(self, *_exception: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def segment(self, texts: Sequence[str], progress: Progress) -> list[str]:
        """Space-separated terms of each text, in order."""
        chunks = _chunks(texts)
        results: list[list[str]] = [[] for _ in chunks]
        pending = deque(range(len(chunks)))  # this process takes from the front, the pool from the back
        in_flight: dict[Future[list[str]], int] = {}
        done = 0
        progress("segment", 0, len(texts))
        while pending or in_flight:
            while self._pool is not None and len(pending) > 1 and len(in_flight) < 2 * (self.workers - 1):
                number = pending.pop()
                start, stop = chunks[number]
                in_flight[self._pool.submit(lexicon.terms_joined, list(texts[start:stop]))] = number
            if pending:
                number = pending.popleft()
                start, stop = chunks[number]
                results[number] = lexicon.terms_joined(list(texts[start:stop]))
                done += stop - start
            else:
                wait(in_flight, return_when=FIRST_COMPLETED)
            for future in [future for future in in_flight if future.done()]:
                number = in_flight.pop(future)
                results[number] = future.result()
                done += chunks[number][1] - chunks[number][0]
            progress("segment", done, len(texts))
        return [terms for chunk in results for terms in chunk]


def segment(texts: Sequence[str], *, workers: int, lexicon_dir: Path | None, progress: Progress) -> list[str]:
    """lexicon.terms of each text, space-separated, using `workers` processes (this one included)."""
    with Segmenter(workers=workers, lexicon_dir=lexicon_dir) as segmenter:
        return segmenter.segment(texts, progress)


def _chunks(texts: Sequence[str]) -> list[tuple[int, int]]:
    chunks = []
    start = size = 0
    for position, text in enumerate(texts):
        size += len(text)
        if size >= SEGMENT_CHUNK_CHARS:
            chunks.append((start, position + 1))
            start, size = position + 1, 0
    if start < len(texts):
        chunks.append((start, len(texts)))
    return chunks
