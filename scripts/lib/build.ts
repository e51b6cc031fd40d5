// Builds the production bundle only when its inputs changed since the last
// build into the same folder, so `npm start` is quick after the first run.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generatePrismaClient } from "../prisma-generate.ts";
import { nextBin } from "./next-server.ts";

/** Everything that shapes the build output. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "package.json",
  "package-lock.json",
  "next.config.mjs",
  "proxy.ts",
  "instrumentation-client.ts",
  "tsconfig.json",
  "postcss.config.mjs",
];
/** Inside the inputs, but never part of the bundle. */
const IGNORED = [/\.test\.tsx?$/, /^lib\/generated\//, /^lib\/testing\//, /(^|\/)\./];
const STAMP_FILE = "encore-build-stamp";

function listFiles(root: string, relative: string): string[] {
  const absolute = path.join(root, relative);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [relative];
  return readdirSync(absolute, { withFileTypes: true }).flatMap((entry) =>
    listFiles(root, path.posix.join(relative, entry.name)),
  );
}

/** A content hash of the build inputs under root (paths and bytes, in a stable order). */
export function hashBuildInputs(root: string): string {
  const files = BUILD_INPUTS.flatMap((input) => listFiles(root, input))
    .filter((file) => !IGNORED.some((pattern) => pattern.test(file)))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(readFileSync(path.join(root, file))).update("\0");
  return hash.digest("hex");
}

export function isBuildCurrent(root: string, distDir: string, inputsHash: string): boolean {
  const stamp = path.join(root, distDir, STAMP_FILE);
  if (!existsSync(path.join(root, distDir, "BUILD_ID")) || !existsSync(stamp)) return false;
  return readFileSync(stamp, "utf8").trim() === inputsHash;
}

function runNextBuild(root: string, distDir: string, env: Record<string, string>): Promise<void> {
  // `next build` rewrites tsconfig.json to include <distDir>/types; builds
  // into a scratch folder (.next-e2e, .next-bench) must not touch the repository.
  const tsconfigPath = path.join(root, "tsconfig.json");
  const tsconfig = readFileSync(tsconfigPath, "utf8");
  const restoreTsconfig = () => {
    if (readFileSync(tsconfigPath, "utf8") !== tsconfig) writeFileSync(tsconfigPath, tsconfig);
  };
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(root), "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, ...env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit code ${code}`}).`)),
    );
  }).finally(restoreTsconfig);
}

/** Runs prisma generate + next build into distDir unless the stamp says the build is current. */
export async function buildIfStale(options: {
  root: string;
  distDir: string;
  env?: Record<string, string>;
  log: (line: string) => void;
}): Promise<{ isRebuilt: boolean }> {
  const inputsHash = hashBuildInputs(options.root);
  if (isBuildCurrent(options.root, options.distDir, inputsHash)) return { isRebuilt: false };
  options.log(`Building the app into ${options.distDir} (sources changed or no build yet)…`);
  generatePrismaClient();
  await runNextBuild(options.root, options.distDir, options.env ?? {});
  writeFileSync(path.join(options.root, options.distDir, STAMP_FILE), `${inputsHash}\n`);
  return { isRebuilt: true };
}
