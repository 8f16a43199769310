"""CPU cost of canyu's GraphQL layer per submitComment request, in-process, without a database.

    .venv/bin/python bench/graphql_overhead.py [--iterations 3000]

Executes the submitComment mutation that bench/ingest.py sends, through the production schema
(`api.schema.build_schema` with CANYU_ENV=production), as an anonymous caller: the resolver runs and
the service rejects the call with NOT_AUTHENTICATED before any database or Redis access. What is left
is strawberry + graphql-core: parse, validate, execute, error formatting. Variants:

- canyu:            the schema as built by the app (extension factories, fresh per request).
- stable-rules:     the same extensions, but the depth/alias validation rule classes are created once,
                    so ValidationCache's key (schema, document, rules) repeats and validation is cached.
- no-extensions:    strawberry with no extensions at all (parse and validate every request).

The difference between the first two is what the per-request rule classes cost.
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

from strawberry.extensions import (
    AddValidationRules,
    SchemaExtension,
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


def stable_rules_schema(settings: Settings) -> Schema:
    """The app's own extension list, with each validation-rule extension's rule classes made once."""
    app_schema: Any = build_schema(settings)
    extensions: list[Any] = []
    for factory in app_schema.extensions:
        sample = factory() if callable(factory) and not isinstance(factory, SchemaExtension) else factory
        if isinstance(sample, AddValidationRules):
            rules = list(sample.validation_rules)  # created once, reused by every request
            extensions.append(lambda rules=rules: AddValidationRules(rules))
        else:
            extensions.append(factory)
    return Schema(
        query=Query, mutation=Mutation, extensions=extensions, config=StrawberryConfig(auto_camel_case=True)
    )


async def measure(schema: Any, context: Callable[[], Context], iterations: int) -> dict[str, Any]:
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
    cache: Any = _get_validate_cache(256)  # the ValidationCache(maxsize=256) the app configures
    before = cache.cache_info()
    samples = []
    for n in range(iterations):
        started = time.perf_counter()
        await once(n)
        samples.append(time.perf_counter() - started)
    after = cache.cache_info()
    samples.sort()
    return {
        "validation_cache": f"{after.hits - before.hits} hits, {after.misses - before.misses} misses",
        "error_code": code,
        "mean_us": round(statistics.fmean(samples) * 1e6),
        "p50_us": round(samples[len(samples) // 2] * 1e6),
        "p99_us": round(samples[int(len(samples) * 0.99)] * 1e6),
    }


async def main_async(iterations: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(env="production", secret_key="graphql-overhead-bench", data_dir=Path(tmp))
        state = build_state(settings)  # SQLite engine is lazy: nothing connects here
        variants = {
            "canyu": build_schema(settings),
            "stable-rules": stable_rules_schema(settings),
            "no-extensions": Schema(
                query=Query, mutation=Mutation, config=StrawberryConfig(auto_camel_case=True)
            ),
        }
        print(f"submitComment as an anonymous caller, {iterations} iterations each (one core, in-process)")
        print("| variant | mean µs | p50 µs | p99 µs | ValidationCache | resolver reached (error) |")
        print("|---|---:|---:|---:|---|---|")
        for name, schema in variants.items():
            result = await measure(schema, lambda: Context(state), iterations)
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
