import { useCallback, useState } from "react";
import { ApiError } from "../../api/client";

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(String(error), "UNKNOWN", { retryable: true });

/** One button's call to the API: busy while it runs, the API's error (Chinese) when it fails. */
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
  return { busy, error, run, clearError: useCallback(() => setError(undefined), []) };
}
