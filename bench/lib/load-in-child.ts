// Runs one measure() in a child process, so a heavy load (a thousand
// connections) does not share the JavaScript thread that times the requests
// measured beside it. (autocannon changes its results inside worker threads,
// hence a process.)
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { measure, type Measurement, type MeasureOptions } from "./measure.ts";

type Job = { baseUrl: string; options: MeasureOptions };

export function measureInChild(baseUrl: string, options: MeasureOptions): Promise<Measurement> {
  const child = fork(fileURLToPath(import.meta.url), ["--run-job"], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("message", (measurement: Measurement) => {
      resolve(measurement);
      child.disconnect();
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`load process exited with ${code} before answering`)));
    child.send({ baseUrl, options } satisfies Job);
  });
}

if (process.argv.includes("--run-job") && process.send) {
  process.once("message", async ({ baseUrl, options }: Job) => {
    process.send!(await measure(baseUrl, options));
  });
}
