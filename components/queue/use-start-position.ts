"use client";

import { useSyncExternalStore } from "react";

const KEY_PREFIX = "encore.queue.start";

/** Places remembered in this tab when sessionStorage is unavailable (private modes may refuse it). */
const memory = new Map<string, number>();

function read(key: string): number | null {
  try {
    const value = window.sessionStorage.getItem(key);
    if (value !== null) return Number(value);
  } catch {
    // fall back to memory
  }
  return memory.get(key) ?? null;
}

function write(key: string, position: number): void {
  memory.set(key, position);
  try {
    window.sessionStorage.setItem(key, String(position));
  } catch {
    // memory already holds it
  }
}

const noSubscription = () => () => {};

/**
 * The place the fan had when this ticket was first seen in this tab, so the
 * progress bar measures how far the line has moved since joining, and a
 * reload does not reset it. Null on the server and without a ticket.
 */
export function useStartPosition(concertId: string, ticket: number | null, position: number): number | null {
  return useSyncExternalStore(
    noSubscription,
    () => {
      if (ticket === null) return null;
      const key = `${KEY_PREFIX}.${concertId}.${ticket}`;
      const remembered = read(key);
      if (remembered !== null && Number.isFinite(remembered) && remembered >= position) return remembered;
      write(key, position);
      return position;
    },
    () => null,
  );
}
