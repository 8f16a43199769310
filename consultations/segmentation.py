"""Chinese word segmentation with jieba, shared by comment tokenisation and search."""

import re
import threading
from functools import lru_cache
from typing import Any

import jieba

_initialized = threading.Lock()
_ready = False

# jieba cuts a text block by block: runs of Han characters, ASCII letters, digits and +#&._%- (its own
# pattern) are segmented, everything between them is passed through one character at a time. A block's
# words depend on the block alone, so they are cached: comments repeat phrases, and form letters repeat
# whole sentences.
_BLOCK: re.Pattern[str] = jieba.re_han_default
BLOCK_CACHE_SIZE = 65_536


def initialize() -> None:
    """Load jieba's dictionary once per process (1–3 s); call at process start."""
    global _ready
    with _initialized:
        if not _ready:
            jieba.setLogLevel(60)
            jieba.initialize()
            _ready = True


def _is_token(word: str) -> bool:
    return any(ch.isalnum() for ch in word.strip())


@lru_cache(maxsize=BLOCK_CACHE_SIZE)
def _block_tokens(block: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in jieba.cut_for_search(block) if _is_token(word))


def tokens(text: str) -> str:
    """Space-separated search tokens of a text (jieba's search mode), without whitespace and punctuation.

    The same as filtering `jieba.cut_for_search(text)`, block by block (tests/consultations/
    test_segmentation.py compares the two)."""
    initialize()
    words: list[str] = []
    for block in _BLOCK.split(text):
        if _BLOCK.fullmatch(block):
            words.extend(_block_tokens(block))
        else:  # jieba yields each character here: only letters and digits are tokens
            words.extend(ch for ch in block if ch.isalnum())
    return " ".join(words)


def tokens_for_texts(texts: list[str]) -> list[str]:
    return [tokens(text) for text in texts]


def dictionary_changed() -> None:
    """Words were added to jieba's dictionary (the aggregation lexicon): cached blocks may cut anew."""
    _block_tokens.cache_clear()


def block_cache_info() -> Any:
    """Hits and misses of the block cache (bench/segmentation.py)."""
    return _block_tokens.cache_info()
