"""Text normalization before comparing comments: one spelling for the same text.

NFKC folds full-width letters, digits and punctuation to their half-width forms (and the ideographic
space to a plain one); whitespace runs collapse to one space; traditional characters optionally become
simplified ones, so a copy retyped in traditional script still matches its template.

Copy detection compares *skeletons*: the normalized text reduced to its letters, digits and CJK
characters, lower-cased. `skeletons` computes them for a whole batch with numpy, as UTF-32 code
arrays, because it runs over every comment (a million of them) while `normalize` only runs on the
distinct texts that are segmented into words.
"""

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import zhconv  # type: ignore[import-untyped]
import zhconv.zhconv as zhconv_tables  # type: ignore[import-untyped]

_WHITESPACE = re.compile(r"\s+")
_CODE_POINTS = 0x110000


@dataclass(frozen=True)
class _Tables:
    complex: np.ndarray  # bool per code point: NFKC needs context or expands it (combining marks, jamo, …)
    traditional_set: frozenset[str]  # characters zhconv changes on their own
    # Per code point, for skeletons: its NFKC form when that is one character, lower-cased, with or
    # without traditional → simplified (character by character), and whether the result is kept.
    skeleton_simplified: np.ndarray  # uint32
    skeleton_plain: np.ndarray  # uint32
    keep_simplified: np.ndarray  # bool: a letter, digit or CJK character (str.isalnum)
    keep_plain: np.ndarray


def _load_zhconv() -> None:
    # By full path: zhconv then reads its dictionary with `with open` (its default path leaks the file).
    zhconv_tables.loaddict(str(Path(zhconv_tables.__file__).with_name(zhconv_tables.DICTIONARY)))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Per-code-point lookup tables (≈ 0.4 s, once per process)."""
    _load_zhconv()
    identity = np.arange(_CODE_POINTS, dtype=np.uint32)
    fold = identity.copy()
    complex_ = np.zeros(_CODE_POINTS, dtype=bool)
    complex_[0x1100:0x1200] = complex_[0x3131:0x318F] = True  # Hangul jamo compose into syllables
    for code in range(_CODE_POINTS):
        char = chr(code)
        if unicodedata.combining(char):
            complex_[code] = True
        elif not unicodedata.is_normalized("NFKC", char):
            folded = unicodedata.normalize("NFKC", char)
            if len(folded) == 1:
                fold[code] = ord(folded)
            else:
                complex_[code] = True
    table: dict[str, str] = zhconv_tables.getdict("zh-cn")
    simplify = identity.copy()
    traditional_chars = []
    for key, value in table.items():
        if len(key) == 1 and key != value:
            traditional_chars.append(key)
            if len(value) == 1:
                simplify[ord(key)] = ord(value)
    word = np.fromiter((chr(c).isalnum() for c in range(_CODE_POINTS)), dtype=bool, count=_CODE_POINTS)
    lower = identity.copy()
    for code in np.flatnonzero(word).tolist():
        lowered = chr(code).lower()
        if len(lowered) == 1:
            lower[code] = ord(lowered)
    plain = lower[fold]
    simplified = lower[simplify[fold]]
    return _Tables(complex_, frozenset(traditional_chars), simplified, plain, word[simplified], word[plain])


def _nfkc(text: str) -> str:
    # The quick check is ~100× faster than normalize() on text that is already NFKC (nearly all).
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def _simplified(text: str) -> str:
    _tables()  # loads zhconv's dictionary first
    return str(zhconv.convert(text, "zh-cn"))


def normalize(text: str, *, to_simplified: bool = True) -> str:
    """Return the text in NFKC form, whitespace collapsed and (optionally) in simplified characters."""
    text = _WHITESPACE.sub(" ", _nfkc(text)).strip()
    # zhconv is pure Python (≈ 25 µs per 100 characters): only convert text with a traditional character.
    if to_simplified and not _tables().traditional_set.isdisjoint(text):
        text = _simplified(text)
    return text


@dataclass(frozen=True)
class Skeletons:
    """Skeletons of a batch of texts as UTF-32 code points, concatenated."""

    codes: np.ndarray  # uint32
    lengths: np.ndarray  # int64, one per text

    def text(self, position: int) -> str:
        start = int(self.lengths[:position].sum())
        return _decode(self.codes[start : start + self.lengths[position]])


# surrogatepass: a lone surrogate (possible in JSON input) is kept as a code point, not an error.
def _encode(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return codes, lengths


def _decode(codes: np.ndarray) -> str:
    return codes.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


def _rows_with(flags: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The texts (row numbers) having at least one flagged code point."""
    totals = np.zeros(flags.size + 1, dtype=np.int64)
    np.cumsum(flags, out=totals[1:])
    ends = np.cumsum(lengths)
    return np.flatnonzero(totals[ends] > totals[ends - lengths])


def _replace_rows(
    codes: np.ndarray, lengths: np.ndarray, rows: np.ndarray, change: Callable[[str], str]
) -> tuple[np.ndarray, np.ndarray]:
    """Apply a string function to some texts of a concatenated batch."""
    starts = np.cumsum(lengths) - lengths
    pieces = []
    lengths = lengths.copy()
    done = 0
    for row in rows.tolist():
        start, stop = int(starts[row]), int(starts[row] + lengths[row])
        replacement = np.frombuffer(
            change(_decode(codes[start:stop])).encode("utf-32-le", "surrogatepass"), dtype=np.uint32
        )
        pieces += [codes[done:start], replacement]
        lengths[row] = replacement.size
        done = stop
    pieces.append(codes[done:])
    return np.concatenate(pieces), lengths


def skeletons(texts: Sequence[str], *, to_simplified: bool = True) -> Skeletons:
    """Normalize raw texts and keep only their letters, digits and CJK characters, lower-cased.

    Vectorised through per-code-point tables: NFKC character by character (texts with combining
    sequences go through unicodedata first) and traditional → simplified character by character,
    which is all that comparing copies needs.
    """
    tables = _tables()
    codes, lengths = _encode(texts)
    complex_rows = _rows_with(tables.complex[codes], lengths)
    if complex_rows.size:
        codes, lengths = _replace_rows(codes, lengths, complex_rows, _nfkc)
    if to_simplified:
        mapping, keep_table = tables.skeleton_simplified, tables.keep_simplified
    else:
        mapping, keep_table = tables.skeleton_plain, tables.keep_plain
    keep = keep_table[codes]
    kept = np.zeros(keep.size + 1, dtype=np.int64)
    np.cumsum(keep, out=kept[1:])
    ends = np.cumsum(lengths)
    return Skeletons(mapping[codes[keep]], kept[ends] - kept[ends - lengths])


def skeleton(text: str, *, to_simplified: bool = True) -> str:
    """The skeleton of one text, as a string."""
    return skeletons([text], to_simplified=to_simplified).text(0)
