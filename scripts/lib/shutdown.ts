const SHUTDOWN_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Runs `shutdown` once on Ctrl-C, SIGTERM or SIGHUP, then exits 0 (1 if it
 * failed). Registered before anything starts, so an interrupted build or seed
 * still stops the database.
 */
export function onShutdownSignal(shutdown: () => Promise<void>, log: (line: string) => void): void {
  let isShuttingDown = false;
  for (const signal of SHUTDOWN_SIGNALS) {
    process.on(signal, () => {
      // Ctrl-C reaches every process of the group, and wrappers (npm, tsx) relay it again.
      if (isShuttingDown) return;
      isShuttingDown = true;
      log("Stopping…");
      shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}

/** Things to stop, newest first: the web server before the database it uses. */
export class StopList {
  private readonly steps: Array<() => Promise<void>> = [];
  private stopping: Promise<void> | undefined;

  add(step: () => Promise<void>): void {
    this.steps.unshift(step);
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Stops everything once; later calls wait for the same stop. */
  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const step of this.steps.splice(0)) await step().catch((error: unknown) => console.error(error));
    })();
    return this.stopping;
  }
}
