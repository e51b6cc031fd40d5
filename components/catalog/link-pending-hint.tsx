"use client";

import { useLinkStatus } from "next/link";

/**
 * A spinner inside a link while its page loads. The concert page answers 404
 * for unknown ids, which needs it to render before streaming, so it has no
 * loading.tsx skeleton; this shows the click was taken meanwhile.
 */
export function LinkPendingHint() {
  const { pending } = useLinkStatus();
  return pending ? <span className="spinner" aria-hidden="true" style={{ marginLeft: "0.5rem", fontSize: "0.85em" }} /> : null;
}
