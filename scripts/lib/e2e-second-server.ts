// Where the e2e server writes the pid of its second app process, so a fault
// test can kill it (e2e/scale-out.spec.ts). Test-only: nothing else reads it.
import path from "node:path";
import { REPO_ROOT } from "./settings.ts";

export function secondServerPidFile(port: number): string {
  return path.join(REPO_ROOT, ".data", `e2e-second-server-${port}.pid`);
}
