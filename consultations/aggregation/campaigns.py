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

from collections.abc import Callable
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


def candidate_pairs(signatures: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a < b) of rows sharing at least one band of their sketch, b paired with its bucket's first."""
    count = signatures.shape[0]
    if count < 2:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    bands = np.ascontiguousarray(signatures).view(np.uint64)  # (count, SKETCH_BINS // BAND_BINS)
    first_rows, other_rows = [], []
    positions = np.arange(count, dtype=np.int64)
    for band in range(bands.shape[1]):
        keys = bands[:, band]
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        starts_bucket = np.ones(count, dtype=bool)
        starts_bucket[1:] = sorted_keys[1:] != sorted_keys[:-1]
        bucket_start = np.maximum.accumulate(np.where(starts_bucket, positions, 0))
        follower = ~starts_bucket
        first_rows.append(order[bucket_start[follower]])
        other_rows.append(order[follower])
    pair_keys = np.unique(np.concatenate(first_rows) * count + np.concatenate(other_rows))
    return pair_keys // count, pair_keys % count


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
        """The copy graph. With new_from > 0 (an incremental run) only pairs involving an item from
        new_from on are looked at, and all of them are verified; in a full run, an uncertain pair whose
        texts are already joined through clear pairs is not checked, as it cannot change the groups.
        """
        first_copy = np.asarray(self._first_copy, dtype=np.int64)
        if not self._sketches:
            empty = np.empty(0, dtype=np.int64)
            return CopyGraph(first_copy, empty, empty, np.empty(0, dtype=np.float32))
        items = np.concatenate(self._sketched_items)
        signatures = np.concatenate(self._sketches)
        shingle_counts = np.concatenate(self._shingle_counts)
        a, b = candidate_pairs(signatures)
        involved = items[b] >= new_from  # items are ascending, so b holds the later item of a pair
        a, b = a[involved], b[involved]
        similarity = estimated_similarity(signatures, a, b)
        short = np.minimum(shingle_counts[a], shingle_counts[b]) < MIN_SKETCH_SHINGLES
        margin = np.where(short, SHORT_TEXT_EXACT_CHECK_MARGIN, EXACT_CHECK_MARGIN)
        uncertain = np.abs(similarity - COPY_THRESHOLD) < margin
        if new_from == 0:
            clear = ~uncertain & (similarity >= COPY_THRESHOLD)
            joined = _components(a[clear], b[clear], len(items))
            uncertain &= joined[a] != joined[b]
        shingles_of = lru_cache(maxsize=4096)(lambda item: shingles(self._skeleton_of(item)))
        for pair in np.flatnonzero(uncertain):
            similarity[pair] = jaccard(shingles_of(int(items[a[pair]])), shingles_of(int(items[b[pair]])))
        keep = similarity >= COPY_THRESHOLD  # unchecked uncertain pairs lie within a group either way
        return CopyGraph(first_copy, items[a[keep]], items[b[keep]], similarity[keep])
