// The OpenAPI document passes the two linters API tooling commonly runs on it:
// Redocly's recommended rules and Spectral's spectral:oas ruleset, both with no
// error. The few warnings left are listed below with the reason they stay.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";

const LINT_TIMEOUT_MS = 120_000;

/** Warnings the document keeps on purpose, as "rule location", and why. */
const ACCEPTED_WARNINGS: Record<"redocly" | "spectral", Record<string, string>> = {
  redocly: {
    "info-license #/info": "Encore is a private product: there is no licence to name.",
    "operation-4xx-response #/paths/~1api~1health/get/responses": "The health check answers 200 or 503, never a 4xx.",
    "operation-4xx-response #/paths/~1api~1openapi.json/get/responses": "This document is always there.",
    "operation-4xx-response #/paths/~1api~1concerts/get/responses": "The public catalogue takes no input that could be wrong.",
  },
  spectral: {
    "info-contact info": "Encore is a private product: there is no public contact to name.",
  },
};

type Finding = { rule: string; isError: boolean; message: string };

let directory: string;
let documentFile: string;

/** Runs a linter's CLI; it exits non-zero when it finds errors, so its JSON report on stdout is what counts. */
function runLinter(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      path.resolve("node_modules", ".bin", command),
      args,
      {
        cwd: directory,
        maxBuffer: 32 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
      },
      (error, stdout, stderr) => (stdout.trim() ? resolve(stdout) : reject(new Error(`${command} printed no report: ${stderr || error}`))),
    );
  });
}

async function lintWithRedocly(): Promise<Finding[]> {
  const report = JSON.parse(await runLinter("redocly", ["lint", "--extends=recommended", "--format=json", documentFile])) as {
    problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
  };
  return report.problems.map((problem) => ({
    rule: `${problem.ruleId} ${problem.location[0]?.pointer ?? ""}`,
    isError: problem.severity === "error",
    message: problem.message,
  }));
}

async function lintWithSpectral(): Promise<Finding[]> {
  const ruleset = path.join(directory, ".spectral.yaml");
  writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
  const report = JSON.parse(await runLinter("spectral", ["lint", "--ruleset", ruleset, "--format", "json", documentFile])) as Array<{
    code: string;
    severity: number;
    message: string;
    path: string[];
  }>;
  // Spectral's severities: 0 error, 1 warning, 2 information, 3 hint.
  return report.map((result) => ({ rule: `${result.code} ${result.path.join(".")}`, isError: result.severity === 0, message: result.message }));
}

beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), "encore-openapi-"));
  documentFile = path.join(directory, "openapi.json");
  writeFileSync(documentFile, JSON.stringify(buildOpenApiDocument(), null, 2));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.each([
  { linter: "redocly" as const, title: "Redocly (recommended rules)", lint: lintWithRedocly },
  { linter: "spectral" as const, title: "Spectral (spectral:oas)", lint: lintWithSpectral },
])("$title on /api/openapi.json", ({ linter, lint }) => {
  it("reports no error, and no warning beyond the accepted ones", { timeout: LINT_TIMEOUT_MS }, async () => {
    const findings = await lint();
    expect(findings.filter((finding) => finding.isError).map((finding) => `${finding.rule}: ${finding.message}`)).toEqual([]);
    const warnings = findings.filter((finding) => !finding.isError).map((finding) => finding.rule);
    expect(warnings.sort()).toEqual(Object.keys(ACCEPTED_WARNINGS[linter]).sort());
  });
});
