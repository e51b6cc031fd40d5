// Runs one measure() in a child process, so a heavy load (a thousand
// connections) does not share the JavaScript thread that times the requests
// measured beside it. (autocannon changes its results inside worker threads,
// hence a process.)
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { measure, type Measurement, type MeasureOptions } from "./measure.ts";

type Job = { baseUrl: string; options: MeasureOptions };
type Report = { started: true } | { measurement: Measurement };

export type LoadInChild = {
  /** Resolves when the child starts its load (starting a process takes seconds on a busy machine). */
  started: Promise<void>;
  result: Promise<Measurement>;
};

export function loadInChild(baseUrl: string, options: MeasureOptions): LoadInChild {
  const child = fork(fileURLToPath(import.meta.url), ["--run-job"], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const result = new Promise<Measurement>((resolve, reject) => {
    child.on("message", (report: Report) => {
      if ("started" in report) return markStarted();
      resolve(report.measurement);
      child.disconnect();
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`load process exited with ${code} before answering`)));
    child.send({ baseUrl, options } satisfies Job);
  });
  result.catch(() => {}).finally(markStarted);
  return { started, result };
}

export function measureInChild(baseUrl: string, options: MeasureOptions): Promise<Measurement> {
  return loadInChild(baseUrl, options).result;
}

if (process.argv.includes("--run-job") && process.send) {
  process.once("message", async ({ baseUrl, options }: Job) => {
    process.send!({ started: true } satisfies Report);
    process.send!({ measurement: await measure(baseUrl, options) } satisfies Report);
  });
}
