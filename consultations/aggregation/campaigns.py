"""Form letters: find exact and near copies among comment texts.

Texts are compared by their skeleton (letters, digits and CJK characters only, see normalize.skeleton).
Exact copies share a skeleton digest. Near copies are pairs whose sets of character 4-grams
("shingles") have a Jaccard similarity of at least `COPY_THRESHOLD`; shingle sets barely change when a
word is replaced, a name or signature is inserted or sentences are reordered.

Scaling to a million texts: each distinct skeleton gets a one-permutation MinHash sketch (one hash per
shingle, the minimum per bin, empty bins densified by rotation) computed with numpy over whole batches.
Locality-sensitive hashing over bands of the sketch proposes candidate pairs, each text paired with
the first text of its bucket only (so a campaign of 100,000 copies yields ~100,000 pairs, not 10^10).
Candidates are accepted on the sketch's estimate when it is clearly above or below the threshold, and
on the exact Jaccard of their shingle sets when it is close or the texts are short.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from consultations.aggregation.normalize import Skeletons

SHINGLE_CHARS = 4
COPY_THRESHOLD = 0.5
# Shorter skeletons are matched as exact copies only: short texts coincide by chance ("同意该方案").
MIN_NEAR_COPY_CHARS = 10

SKETCH_BINS = 128
BAND_BINS = 4  # 4 × 16-bit values = one uint64 key per band, 32 bands
# Sketch estimates within this distance of the threshold are checked against the exact Jaccard
# (the estimate's standard deviation at J = 0.5 with 128 bins is ≈ 0.045).
EXACT_CHECK_MARGIN = 0.1
# Sketches of texts with fewer shingles than this are mostly densified bins, whose estimates vary
# more: a wider margin applies.
MIN_SKETCH_SHINGLES = SKETCH_BINS // 2
SHORT_TEXT_EXACT_CHECK_MARGIN = 0.25
ALL_PAIRS_MAX_TEXTS = 1000  # up to this many distinct texts every pair is a candidate, not only LSH's

_SEED = np.uint64(0x5EED_CA4F_A16E_0001)
_DENSIFY_SEED = np.uint64(0x5EED_CA4F_A16E_0002)
_PRIME = np.uint64(1_000_003)
_EMPTY = np.uint32(1 << 16)  # above every 16-bit value
_PAIR_CHUNK = 200_000


def _mix64(h: np.ndarray) -> np.ndarray:
    """splitmix64's finalizer, in place on a uint64 array: spreads similar inputs over all bits."""
    shifted = np.empty_like(h)  # one scratch array instead of a temporary per step
    for shift, multiplier in ((30, 0xBF58476D1CE4E5B9), (27, 0x94D049BB133111EB)):
        np.right_shift(h, np.uint64(shift), out=shifted)
        np.bitwise_xor(h, shifted, out=h)
        np.multiply(h, np.uint64(multiplier), out=h)
    np.right_shift(h, np.uint64(31), out=shifted)
    np.bitwise_xor(h, shifted, out=h)
    return h


def sketch(codes: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """One-permutation MinHash sketches, (texts, SKETCH_BINS) uint16, of texts as concatenated UTF-32 codes.

    Every text must have at least SHINGLE_CHARS characters.
    """
    count = lengths.size
    wide = codes.astype(np.uint64)
    positions = wide.size - SHINGLE_CHARS + 1
    hashes = wide[:positions].copy()
    for offset in range(1, SHINGLE_CHARS):
        hashes *= _PRIME
        hashes += wide[offset : offset + positions]
    # Keep only the shingles that lie inside one text: starts from a text's start to its end − SHINGLE_CHARS.
    ends = np.cumsum(lengths)
    shingle_counts = lengths - SHINGLE_CHARS + 1
    boundaries = np.zeros(positions + 1, dtype=np.int8)
    np.add.at(boundaries, ends - lengths, 1)
    np.add.at(boundaries, ends - lengths + shingle_counts, -1)
    inside = np.cumsum(boundaries[:positions], dtype=np.int8).view(bool)
    hashes = _mix64(hashes[inside] ^ _SEED)
    owner = np.repeat(np.arange(count, dtype=np.int32), shingle_counts)
    slots = owner * np.int32(SKETCH_BINS) + (hashes >> np.uint64(57)).astype(np.int32)  # top 7 bits: bin
    values = (hashes >> np.uint64(16)).astype(np.uint32) & np.uint32(0xFFFF)
    flat = np.full(count * SKETCH_BINS, _EMPTY, dtype=np.uint32)
    np.minimum.at(flat, slots, values)
    signature = flat.reshape(count, SKETCH_BINS)
    _densify(signature)
    return signature.astype(np.uint16)


def _densify(signature: np.ndarray) -> None:
    """Fill empty bins from the next non-empty bin to the right (circular), mixed with the distance.

    Two texts that share the shingle filling a bin then agree on the filled bins too, which keeps the
    match fraction an estimate of the Jaccard similarity (rotation densification, Shrivastava & Li 2014).
    """
    empty = signature == _EMPTY
    rows = np.flatnonzero(empty.any(axis=1))
    if rows.size == 0:
        return
    sub_empty = empty[rows]
    columns = np.arange(SKETCH_BINS, dtype=np.int16)
    filled_at = np.where(sub_empty, np.int16(4 * SKETCH_BINS), columns)
    next_filled = np.minimum.accumulate(filled_at[:, ::-1], axis=1)[:, ::-1]
    # Past the last filled bin, wrap around to the first one (next_filled[:, 0] is the row's first).
    wrapped = next_filled[:, :1] + np.int16(SKETCH_BINS)
    next_filled = np.where(next_filled == 4 * SKETCH_BINS, wrapped, next_filled)
    row, column = np.nonzero(sub_empty)
    source_column = next_filled[row, column].astype(np.int64)
    distance = (source_column - column).astype(np.uint64)
    source = signature[rows[row], source_column % SKETCH_BINS].astype(np.uint64)
    mixed = _mix64((source << np.uint64(8)) ^ distance ^ _DENSIFY_SEED) & np.uint64(0xFFFF)
    signature[rows[row], column] = mixed.astype(np.uint32)


def digests(codes: np.ndarray, lengths: np.ndarray) -> list[bytes]:
    """A 128-bit BLAKE2b digest per text: equal digests, exact copies."""
    data = codes.astype(np.uint32).tobytes()
    ends = np.cumsum(lengths) * 4
    starts = ends - lengths * 4
    return [
        blake2b(data[s:e], digest_size=16).digest()
        for s, e in zip(starts.tolist(), ends.tolist(), strict=True)
    ]


def band_pairs(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a < b) of rows with equal band keys, each row paired with the first row of its bucket."""
    order = np.argsort(keys)
    sorted_keys = keys[order]
    starts_bucket = np.ones(keys.size, dtype=bool)
    starts_bucket[1:] = sorted_keys[1:] != sorted_keys[:-1]
    first_of_bucket = np.minimum.reduceat(order, np.flatnonzero(starts_bucket))
    first = first_of_bucket[np.cumsum(starts_bucket) - 1]
    follower = order != first
    return first[follower], order[follower]


def candidate_batches(signatures: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Candidate pairs (a < b), one batch per LSH band; every pair at once for a few texts.

    Banding finds a pair at Jaccard 0.5 with probability 0.87 (0.98 at 0.6); in a campaign the other
    copies make up for a missed pair, but between two texts alone nothing does, and a small
    consultation can afford to compare every pair.
    """
    count = signatures.shape[0]
    if count <= ALL_PAIRS_MAX_TEXTS:
        a, b = np.triu_indices(count, k=1)
        yield a.astype(np.int64), b.astype(np.int64)
        return
    bands = np.ascontiguousarray(signatures).view(np.uint64)  # (rows, SKETCH_BINS // BAND_BINS)
    for band in range(bands.shape[1]):
        yield band_pairs(bands[:, band])


def estimated_similarity(signatures: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The fraction of agreeing sketch bins for each pair (≈ Jaccard similarity)."""
    result = np.empty(a.size, dtype=np.float32)
    for start in range(0, a.size, _PAIR_CHUNK):
        stop = start + _PAIR_CHUNK
        agree = signatures[a[start:stop]] == signatures[b[start:stop]]
        result[start:stop] = agree.mean(axis=1, dtype=np.float32)
    return result


def shingles(skeleton_text: str) -> set[str]:
    return {skeleton_text[i : i + SHINGLE_CHARS] for i in range(len(skeleton_text) - SHINGLE_CHARS + 1)}


def jaccard(first: set[str], second: set[str]) -> float:
    if not first or not second:
        return 0.0
    common = len(first & second)
    return common / (len(first) + len(second) - common)


@dataclass
class CopyGraph:
    """Copies among items 0..n-1: exact copies point at their first occurrence; near copies are edges."""

    first_copy: np.ndarray  # item -> first item with the same skeleton (itself when first or too short)
    near_a: np.ndarray  # near-copy edges between first occurrences, near_a < near_b
    near_b: np.ndarray
    similarity: np.ndarray

    @property
    def item_count(self) -> int:
        return int(self.first_copy.size)

    def components(self) -> np.ndarray:
        """Label of each item's copy group (exact and near copies, transitively)."""
        count = self.item_count
        exact_items = np.flatnonzero(self.first_copy != np.arange(count))
        rows = np.concatenate([self.near_a, exact_items])
        cols = np.concatenate([self.near_b, self.first_copy[exact_items]])
        return _components(rows, cols, count)


def _components(rows: np.ndarray, cols: np.ndarray, count: int) -> np.ndarray:
    graph = coo_matrix((np.ones(rows.size, dtype=np.int8), (rows, cols)), shape=(count, count))
    _, labels = connected_components(graph, directed=False)
    return np.asarray(labels, dtype=np.int64)


class CopyDetector:
    """Collects skeletons batch by batch (only digests and sketches are kept), then finds the copy graph.

    `skeleton_of(item)` recomputes an item's skeleton for the few exact Jaccard checks, so the
    detector never holds all texts in memory.
    """

    def __init__(self, skeleton_of: Callable[[int], str]) -> None:
        self._skeleton_of = skeleton_of
        self._first_by_digest: dict[bytes, int] = {}
        self._first_copy: list[int] = []
        self._sketched_items: list[np.ndarray] = []  # item index of each sketch row, per batch
        self._sketches: list[np.ndarray] = []
        self._shingle_counts: list[np.ndarray] = []

    def add(self, batch: Skeletons) -> None:
        base = len(self._first_copy)
        lengths = batch.lengths
        first_by_digest = self._first_by_digest
        first_copy = self._first_copy
        for offset, (digest, length) in enumerate(
            zip(digests(batch.codes, lengths), lengths.tolist(), strict=True)
        ):
            item = base + offset
            first_copy.append(first_by_digest.setdefault(digest, item) if length else item)
        is_first = np.asarray(first_copy[base:], dtype=np.int64) == base + np.arange(lengths.size)
        to_sketch = is_first & (lengths >= MIN_NEAR_COPY_CHARS)
        if to_sketch.any():
            self._sketched_items.append(base + np.flatnonzero(to_sketch))
            self._sketches.append(sketch(batch.codes[np.repeat(to_sketch, lengths)], lengths[to_sketch]))
            self._shingle_counts.append(lengths[to_sketch] - SHINGLE_CHARS + 1)

    def graph(self, *, new_from: int = 0) -> CopyGraph:
        """The copy graph.

        A full run (new_from = 0) goes band by band and only verifies candidate pairs whose texts are
        not yet joined, so a campaign of 100,000 copies costs about 100,000 checks in all, and memory
        stays linear. With new_from > 0 (an incremental run) only pairs involving an item from new_from
        on are looked at, and all of them are verified, as the caller chooses among them.
        """
        first_copy = np.asarray(self._first_copy, dtype=np.int64)
        if not self._sketches:
            empty = np.empty(0, dtype=np.int64)
            return CopyGraph(first_copy, empty, empty, np.empty(0, dtype=np.float32))
        verifier = _Verifier(
            np.concatenate(self._sketched_items),
            np.concatenate(self._sketches),
            np.concatenate(self._shingle_counts),
            self._skeleton_of,
        )
        self._sketches = [verifier.signatures]  # one copy in memory, not two
        a, b, similarity = verifier.joined_pairs() if new_from == 0 else verifier.pairs_reaching(new_from)
        return CopyGraph(first_copy, verifier.items[a], verifier.items[b], similarity)


class _Verifier:
    """Decides which candidate pairs of sketched texts are copies (rows of the sketch matrix)."""

    def __init__(
        self,
        items: np.ndarray,
        signatures: np.ndarray,
        shingle_counts: np.ndarray,
        skeleton_of: Callable[[int], str],
    ) -> None:
        self.items = items
        self.signatures = signatures
        self.shingle_counts = shingle_counts
        self._shingles_of = lru_cache(maxsize=4096)(lambda item: shingles(skeleton_of(item)))

    def estimate(self, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Estimated similarity of each pair, and whether it is too close to the threshold to trust."""
        similarity = estimated_similarity(self.signatures, a, b)
        short = np.minimum(self.shingle_counts[a], self.shingle_counts[b]) < MIN_SKETCH_SHINGLES
        margin = np.where(short, SHORT_TEXT_EXACT_CHECK_MARGIN, EXACT_CHECK_MARGIN)
        return similarity, np.abs(similarity - COPY_THRESHOLD) < margin

    def exact(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        result = np.empty(a.size, dtype=np.float32)
        for pair, (first, second) in enumerate(
            zip(self.items[a].tolist(), self.items[b].tolist(), strict=True)
        ):
            result[pair] = jaccard(self._shingles_of(first), self._shingles_of(second))
        return result

    def joined_pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Copy pairs enough to join every group (full run).

        Clear pairs of all bands are joined first; then the uncertain pairs still between different
        groups are checked exactly (most copies are joined by some band's clear pair by then).
        """
        labels = np.arange(self.items.size)
        found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        uncertain_pairs: list[tuple[np.ndarray, np.ndarray]] = []
        for a, b in candidate_batches(self.signatures):
            apart = labels[a] != labels[b]
            a, b = a[apart], b[apart]
            similarity, uncertain = self.estimate(a, b)
            clear = ~uncertain & (similarity >= COPY_THRESHOLD)
            found.append((a[clear], b[clear], similarity[clear]))
            labels = _merge(labels, a[clear], b[clear])
            uncertain_pairs.append((a[uncertain], b[uncertain]))
        for a, b in uncertain_pairs:
            apart = labels[a] != labels[b]
            a, b = a[apart], b[apart]
            similarity = self.exact(a, b)
            copies = similarity >= COPY_THRESHOLD
            found.append((a[copies], b[copies], similarity[copies]))
            labels = _merge(labels, a[copies], b[copies])
        return _joined(found)

    def pairs_reaching(self, new_from: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every copy pair whose later item is from new_from on (incremental run)."""
        count = self.items.size
        keys = []
        for a, b in candidate_batches(self.signatures):
            reaching = self.items[b] >= new_from  # items ascend, so b is the later one
            keys.append(a[reaching] * count + b[reaching])
        unique = np.unique(np.concatenate(keys))
        a, b = unique // count, unique % count
        similarity, uncertain = self.estimate(a, b)
        similarity[uncertain] = self.exact(a[uncertain], b[uncertain])
        copies = similarity >= COPY_THRESHOLD
        return a[copies], b[copies], similarity[copies]


def _merge(labels: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Group labels after joining the groups of each pair (a[i], b[i])."""
    if a.size == 0:
        return labels
    joined = _components(labels[a], labels[b], labels.size)
    return joined[labels]


def _joined(
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if not found:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, np.empty(0, dtype=np.float32)
    a, b, similarity = (np.concatenate(parts) for parts in zip(*found, strict=True))
    return a, b, similarity
