"use client";

import { useCallback, useRef } from "react";

/**
 * Runs one request at a time: a second click that lands before React has
 * re-rendered the button as disabled is ignored instead of sending again.
 */
export function useSingleFlight(): (run: () => Promise<unknown>) => void {
  const isBusy = useRef(false);
  return useCallback((run) => {
    if (isBusy.current) return;
    isBusy.current = true;
    run()
      .catch(() => undefined)
      .finally(() => {
        isBusy.current = false;
      });
  }, []);
}
