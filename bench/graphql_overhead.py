"""CPU cost of canyu's GraphQL layer per submitComment request, in-process, without a database.

    .venv/bin/python bench/graphql_overhead.py [--iterations 3000]

Executes the submitComment mutation that bench/ingest.py sends, through the production schema
(`api.schema.build_schema` with CANYU_ENV=production), as an anonymous caller: the resolver runs and
the service rejects the call with NOT_AUTHENTICATED before any database or Redis access. What is left
is strawberry + graphql-core: parse, validate, execute, error formatting. Variants:

- canyu:            the schema as built by the app (one extension, `RequestHooks`, operations prepared
                    once per query text).
- stock-extensions: the same limits with strawberry's own extensions, as canyu had them before
                    (AddValidationRules, MaxTokensLimiter, ParserCache, ValidationCache, MaskErrors).
- no-extensions:    strawberry with no extensions at all (parse and validate every request).
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
    ValidationCache,
)
from strawberry.extensions.validation_cache import _get_validate_cache
from strawberry.schema.config import StrawberryConfig

from api.app import build_state
from api.context import Context
from api.schema import Mutation, Query, Schema, build_schema
from api.settings import Settings

MUTATION = (
    "mutation($id: ID!, $body: String!, $article: ID, $key: String) { "
    "submitComment(consultationId: $id, body: $body, articleId: $article, idempotencyKey: $key) "
    "{ receiptCode submittedAt duplicate } }"
)


def stock_extensions_schema(settings: Settings) -> Schema:
    """The same limits through strawberry's stock extensions, each one a factory as strawberry requires
    (canyu's Schema class only for its quiet error hook: strawberry's own logs every error)."""
    rules = list(build_schema(settings).validation_rules)  # type: ignore[attr-defined]
    return Schema(
        query=Query,
        mutation=Mutation,
        extensions=[
            lambda: AddValidationRules(rules),
            lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
            lambda: ParserCache(maxsize=256),
            lambda: ValidationCache(maxsize=256),
            MaskErrors,
        ],
        config=StrawberryConfig(auto_camel_case=True),
    )


async def measure(schema: Any, cache: Any, context: Callable[[], Context], iterations: int) -> dict[str, Any]:
    async def once(n: int) -> Any:
        return await schema.execute(
            MUTATION,
            variable_values={
                "id": "1",
                "body": f"宅基地面积标准应当考虑家庭人口数量（意见编号 {n}）",
                "article": "2" if n % 2 else None,
                "key": f"overhead-{n}",
            },
            context_value=context(),
        )

    first = await once(0)
    # The resolver ran and the service refused the anonymous caller (no database touched).
    error = first.errors[0] if first.errors else None
    code = None
    if error is not None:  # the app's error extension replaces errors, dropping original_error
        code = type(error.original_error).__name__ if error.original_error else error.extensions.get("code")
    for n in range(200):  # warm-up: caches, lazy imports
        await once(n)
    before = cache.cache_info() if cache else None
    samples = []
    for n in range(iterations):
        started = time.perf_counter()
        await once(n)
        samples.append(time.perf_counter() - started)
    after = cache.cache_info() if cache else None
    samples.sort()
    return {
        "validation_cache": f"{after.hits - before.hits} hits, {after.misses - before.misses} misses"
        if after and before
        else "none",
        "error_code": code,
        "mean_us": round(statistics.fmean(samples) * 1e6),
        "p50_us": round(samples[len(samples) // 2] * 1e6),
        "p99_us": round(samples[int(len(samples) * 0.99)] * 1e6),
    }


async def main_async(iterations: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(env="production", secret_key="graphql-overhead-bench", data_dir=Path(tmp))
        state = build_state(settings)  # SQLite engine is lazy: nothing connects here
        canyu: Any = build_schema(settings)
        variants = {  # name: (schema, its cache of validation results)
            "canyu": (canyu, canyu.prepare),
            "stock-extensions": (stock_extensions_schema(settings), _get_validate_cache(256)),
            "no-extensions": (
                strawberry.Schema(
                    query=Query, mutation=Mutation, config=StrawberryConfig(auto_camel_case=True)
                ),
                None,
            ),
        }
        print(f"submitComment as an anonymous caller, {iterations} iterations each (one core, in-process)")
        print("| variant | mean µs | p50 µs | p99 µs | validation cache | resolver reached (error) |")
        print("|---|---:|---:|---:|---|---|")
        for name, (schema, cache) in variants.items():
            result = await measure(schema, cache, lambda: Context(state), iterations)
            print(
                f"| {name} | {result['mean_us']} | {result['p50_us']} | {result['p99_us']} | "
                f"{result['validation_cache']} | {result['error_code']} |"
            )
        await state.engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--iterations", type=int, default=3000)
    args = parser.parse_args()
    asyncio.run(main_async(args.iterations))
    return 0


if __name__ == "__main__":
    sys.exit(main())
