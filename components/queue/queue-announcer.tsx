"use client";

import { useEffect, useRef } from "react";

/** While waiting, the place is announced at most this often: often enough to follow, rarely enough not to drown a screen reader. */
export const ANNOUNCE_WAITING_EVERY_MS = 30_000;

type Props = {
  /** Changes of kind (admitted, expired…) are announced at once. */
  kind: string;
  /** The sentence for the current state; a new sentence of the same kind is announced at most every ANNOUNCE_WAITING_EVERY_MS. */
  message: string;
};

/**
 * A polite live region that tells screen-reader users how their place
 * changes, without reading out every poll.
 */
export function QueueAnnouncer({ kind, message }: Props) {
  const region = useRef<HTMLParagraphElement>(null);
  const last = useRef<{ kind: string; atMs: number } | null>(null);

  useEffect(() => {
    const node = region.current;
    if (!node || !message) return;
    const previous = last.current;
    const nowMs = Date.now();
    if (previous && previous.kind === kind && nowMs - previous.atMs < ANNOUNCE_WAITING_EVERY_MS) return;
    last.current = { kind, atMs: nowMs };
    node.textContent = message;
  }, [kind, message]);

  return <p ref={region} className="visually-hidden" aria-live="polite" aria-atomic="true" />;
}
