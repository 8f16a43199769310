"""Chinese word segmentation with jieba, shared by comment tokenisation and (later) aggregation."""

import threading

import jieba

_initialized = threading.Lock()
_ready = False


def initialize() -> None:
    """Load jieba's dictionary once per process (1–3 s); call at process start."""
    global _ready
    with _initialized:
        if not _ready:
            jieba.setLogLevel(60)
            jieba.initialize()
            _ready = True


def tokens(text: str) -> str:
    """Space-separated search tokens of a text, without whitespace and punctuation-only tokens."""
    initialize()
    words = (w.strip() for w in jieba.cut_for_search(text))
    return " ".join(w for w in words if w and any(ch.isalnum() for ch in w))


def tokens_for_texts(texts: list[str]) -> list[str]:
    return [tokens(text) for text in texts]
