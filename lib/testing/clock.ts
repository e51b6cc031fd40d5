// A process clock that a test moves forward, so cached snapshots go stale at
// once instead of after a real wait (lib/cache/process-clock.ts).
import { onTestFinished } from "vitest";
import { setProcessClock } from "@/lib/cache/process-clock";

/** For the rest of the current test, snapshots see real time plus whatever `advance` added. */
export function useMovableClock(): { advance: (ms: number) => void } {
  let offsetMs = 0;
  setProcessClock({ now: () => Date.now() + offsetMs });
  onTestFinished(() => setProcessClock(undefined));
  return {
    advance: (ms) => {
      offsetMs += ms;
    },
  };
}
