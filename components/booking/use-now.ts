"use client";

import { useSyncExternalStore } from "react";

// One shared one-second tick for every countdown on the page.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((notify) => notify());
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * The current time in ms, updated every second; null while rendering on the
 * server and hydrating, so countdowns never disagree between the two.
 */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, () => now, () => null);
}

/**
 * Whole seconds from `current` until `until` (never negative). Rounded down:
 * the tick may be up to a second old, and a countdown must never show more
 * time than is left.
 */
export function secondsUntil(until: string | number, current: number): number {
  const end = typeof until === "number" ? until : Date.parse(until);
  return Math.max(0, Math.floor((end - current) / 1_000));
}
