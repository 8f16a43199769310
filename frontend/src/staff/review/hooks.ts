import type { TFunction } from "i18next";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, request } from "../../api/client";
import type { TypedDocumentString } from "../../gql/graphql";

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(String(error), "UNKNOWN", { retryable: true });

/** A background job is still working while it is queued or running. */
export function jobActive(status: string | null | undefined): boolean {
  return status === "queued" || status === "running";
}

const JOB_STATES = ["queued", "running", "succeeded", "failed"] as const;

/** A job's status in words (unknown statuses as they come). */
export function jobStateLabel(t: TFunction<"review">, status: string): string {
  const known = JOB_STATES.find((state) => state === status);
  return known ? t(`aggregation.state.${known}`) : status;
}

/** The share of a job done, 0–100; null while the total is unknown. */
export function jobPercent(done: number, total: number | null | undefined): number | null {
  if (!total || total <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

/**
 * A query that keeps its last answer while it reloads (no flicker), asks again every `intervalMs` while
 * `isActive(answer)` holds, and calls `onSettled` once when it stops holding (a job finished).
 */
export function useLiveQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  isActive: (data: TResult) => boolean,
  { intervalMs = 1000, onSettled }: { intervalMs?: number; onSettled?: () => void } = {},
) {
  const key = JSON.stringify(variables ?? {});
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ key: string; data?: TResult; error?: ApiError }>();

  useEffect(() => {
    const controller = new AbortController();
    request(document, JSON.parse(key) as TVariables, { signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ key, data: previous?.key === key ? previous.data : undefined, error: asApiError(error) }));
      },
    );
    return () => controller.abort();
  }, [document, key, tick]);

  const current = state?.key === key ? state : undefined;
  const active = current?.data !== undefined && isActive(current.data);

  // Poll while active: each answer schedules the next question.
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setTick((n) => n + 1), intervalMs);
    return () => clearTimeout(timer);
  }, [active, intervalMs, current]);

  const wasActive = useRef(false);
  const settled = useRef(onSettled);
  useEffect(() => {
    settled.current = onSettled;
  });
  useEffect(() => {
    if (wasActive.current && !active && current?.data !== undefined) settled.current?.();
    wasActive.current = active;
  }, [active, current]);

  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { data: current?.data, error: current?.error, loading: !current, active, refresh };
}
