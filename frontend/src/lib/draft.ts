import { useCallback, useEffect, useRef, useState } from "react";
import { newIdempotencyKey } from "./idempotency";
import { storageGet, storageKeys, storageRemove, storageSet } from "./storage";

/**
 * A typed comment kept in localStorage until the API has acknowledged it with a receipt code, so a
 * network failure, a closed tab or a sign-in detour never loses it.
 *
 * The idempotency key is kept with it: retrying the same text after a failure sends the same key, so a
 * comment that did reach the server is not submitted twice. Once the text is edited after an attempt,
 * the next attempt is a different comment and gets a new key.
 */
export interface CommentDraft {
  body: string;
  /** The key the next submission sends. */
  key: string;
  /** The text last sent with `key`, if a submission was attempted. */
  attemptedBody?: string;
  savedAt: string;
}

const PREFIX = "canyu:draft:v1:";

export function draftStorageKey(consultationId: string, articleId: string | null): string {
  return `${PREFIX}${consultationId}:${articleId ?? "whole"}`;
}

export function readDraft(storageKey: string): CommentDraft | undefined {
  const raw = storageGet(storageKey);
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<CommentDraft>;
    if (typeof value.body !== "string" || typeof value.key !== "string") return undefined;
    return {
      body: value.body,
      key: value.key,
      attemptedBody: typeof value.attemptedBody === "string" ? value.attemptedBody : undefined,
      savedAt: typeof value.savedAt === "string" ? value.savedAt : new Date(0).toISOString(),
    };
  } catch {
    return undefined;
  }
}

/** Article ids (or "whole") of a consultation that have a kept draft with text. */
export function draftedTargets(consultationId: string): string[] {
  const prefix = `${PREFIX}${consultationId}:`;
  return storageKeys(prefix)
    .filter((key) => (readDraft(key)?.body.trim() ?? "") !== "")
    .map((key) => key.slice(prefix.length));
}

export interface UseCommentDraft {
  body: string;
  setBody: (body: string) => void;
  /** The key to send now (a new one if the text changed since the last attempt); records the attempt. */
  keyForSubmit: () => string;
  /** The comment was acknowledged: forget the draft. */
  clear: () => void;
  /** The draft was found in storage when the box opened. */
  restored: boolean;
  /** Whether the last change reached storage (false: kept in memory only). */
  persisted: boolean;
}

export function useCommentDraft(storageKey: string): UseCommentDraft {
  const [draft, setDraft] = useState<CommentDraft | undefined>(() => readDraft(storageKey));
  const [restored] = useState(() => (draft?.body ?? "") !== "");
  const [persisted, setPersisted] = useState(true);
  // The latest draft for the callbacks; every change goes through save() or the storage listener.
  const current = useRef(draft);

  const save = useCallback(
    (next: CommentDraft | undefined) => {
      current.current = next;
      setDraft(next);
      if (next === undefined || next.body === "") {
        storageRemove(storageKey);
        setPersisted(true);
      } else {
        setPersisted(storageSet(storageKey, JSON.stringify(next)));
      }
    },
    [storageKey],
  );

  // Another tab edited or submitted the same draft.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === storageKey) {
        const next = readDraft(storageKey);
        current.current = next;
        setDraft(next);
      }
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [storageKey]);

  const setBody = useCallback(
    (body: string) => {
      const previous = current.current;
      save({
        body,
        key: previous?.key ?? newIdempotencyKey(),
        attemptedBody: previous?.attemptedBody,
        savedAt: new Date().toISOString(),
      });
    },
    [save],
  );

  const keyForSubmit = useCallback(() => {
    const previous = current.current;
    const body = previous?.body ?? "";
    const edited = previous?.attemptedBody !== undefined && previous.attemptedBody !== body;
    const key = !previous?.key || edited ? newIdempotencyKey() : previous.key;
    save({ body, key, attemptedBody: body, savedAt: new Date().toISOString() });
    return key;
  }, [save]);

  const clear = useCallback(() => save(undefined), [save]);

  return { body: draft?.body ?? "", setBody, keyForSubmit, clear, restored, persisted };
}
