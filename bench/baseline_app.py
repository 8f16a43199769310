"""Baseline A for bench/ingest.py: the least a FastAPI JSON route can do to store a comment.

One POST route that validates a small JSON body, inserts one row shaped like a comment
(consultation_id, article_id, body, receipt code, submitted_at) through an SQLAlchemy async session
on asyncpg, commits, and answers with the receipt code. No authentication, rate limiting,
idempotency, outbox or job enqueue: the ceiling canyu's submitComment is compared against.

    BENCH_DATABASE_URL=postgresql+asyncpg://postgres@127.0.0.1:5432/canyu_bench \
        .venv/bin/uvicorn --app-dir bench baseline_app:app --workers 2 --port 18002

The table is created by ingest.py (see BENCH_COMMENTS_DDL there).
"""

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from fastapi import FastAPI
from pydantic import BaseModel
from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/canyu_bench"
)
POOL_SIZE = int(os.environ.get("BENCH_POOL_SIZE", "20"))  # canyu's default CANYU_DB_POOL_SIZE
RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class Base(DeclarativeBase):
    pass


class BenchComment(Base):
    __tablename__ = "bench_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(Integer)
    article_id: Mapped[int | None] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    receipt_code: Mapped[str] = mapped_column(String(24), unique=True)
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CommentIn(BaseModel):
    consultation_id: int
    body: str
    article_id: int | None = None


class ReceiptOut(BaseModel):
    receipt_code: str
    submitted_at: datetime


def new_receipt_code() -> str:
    """The same 80-bit code shape as canyu's receipts."""
    symbols = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(16))
    return "CY-" + "-".join(symbols[i : i + 4] for i in range(0, 16, 4))


engine = create_async_engine(DATABASE_URL, pool_size=POOL_SIZE, max_overflow=POOL_SIZE)
sessionmaker = async_sessionmaker(engine, expire_on_commit=False)


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    yield
    await engine.dispose()


app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)


@app.post("/comments")
async def submit(comment: CommentIn) -> ReceiptOut:
    row = BenchComment(
        consultation_id=comment.consultation_id,
        article_id=comment.article_id,
        body=comment.body,
        receipt_code=new_receipt_code(),
        submitted_at=datetime.now(UTC),
    )
    async with sessionmaker() as session:
        session.add(row)
        await session.commit()
    return ReceiptOut(receipt_code=row.receipt_code, submitted_at=row.submitted_at)


@app.get("/readyz")
async def readyz() -> dict[str, str]:
    return {"status": "ready"}
