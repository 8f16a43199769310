import { useCallback, useState } from "react";
import { ApiError } from "../../api/client";

/** One staff action at a time: busy while it runs, its API error kept for ErrorMessage. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(String(failure), "UNKNOWN"));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(undefined) };
}
