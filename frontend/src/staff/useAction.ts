import { useCallback, useState } from "react";
import { ApiError } from "../api/client";

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(String(error), "UNKNOWN", { retryable: true });

/** One staff action at a time: busy while it runs, its result (undefined when it failed), and the API's
 * error (Chinese) kept for ErrorMessage. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (failure) {
      setError(asApiError(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(undefined), []);
  return { busy, error, run, clear };
}
