"use client";

import { useCallback, useRef } from "react";
import { newIdempotencyKey } from "@/lib/client/api";

/**
 * One Idempotency-Key per intent: the same intent (e.g. "charge 50,000원",
 * "pay these holds") keeps its key across retries, so a retry after a lost
 * answer cannot take effect twice; a new intent gets a new key. Call `settle`
 * once the intent succeeded, so repeating it later is a new intent.
 */
export function useIdempotencyKey(): { keyFor: (intent: string) => string; settle: () => void } {
  const current = useRef<{ intent: string; key: string } | null>(null);
  const keyFor = useCallback((intent: string) => {
    if (current.current?.intent !== intent) current.current = { intent, key: newIdempotencyKey() };
    return current.current.key;
  }, []);
  const settle = useCallback(() => {
    current.current = null;
  }, []);
  return { keyFor, settle };
}
