// Prints a scenario's measurements next to the reference route and keeps them as JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Measurement } from "./measure.ts";

export type ScenarioResult = Measurement & {
  /** SQL statements per request, from ctx.countQueries(), when the scenario measured it. */
  queriesPerRequest?: number;
  note?: string;
  /** The reference measured in this result's own rounds, when it is not the scenario's (its ratio is then to this one). */
  ownReference?: Measurement;
};

export type ScenarioReport = {
  /** The reference measured in the same run (ctx.measureReference()). */
  reference: Measurement;
  results: ScenarioResult[];
  /** Lines printed under the table: what was checked, caveats. */
  notes?: string[];
  /** Anything else worth keeping in the JSON file (counts, invariant checks…). */
  extra?: Record<string, unknown>;
};

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export function ratioToReference(result: Measurement, reference: Measurement): number {
  return reference.rps > 0 ? result.rps / reference.rps : 0;
}

/** "poll 1,234 rps = 0.86× reference, p99 12 ms" */
export function summaryLine(result: ScenarioResult, reference: Measurement): string {
  const ratio = ratioToReference(result, result.ownReference ?? reference).toFixed(2);
  const queries = !Number.isFinite(result.queriesPerRequest) ? "" : `, ${decimal.format(result.queriesPerRequest!)} queries/request`;
  return `${result.name} ${integer.format(result.rps)} rps = ${ratio}× reference, p99 ${decimal.format(result.p99Ms)} ms${queries}`;
}

function tableRows(report: ScenarioReport): string[][] {
  const row = (result: ScenarioResult, isReference = false) => [
    isReference ? `${result.name} (reference)` : result.name,
    integer.format(result.rps),
    `${ratioToReference(result, result.ownReference ?? report.reference).toFixed(2)}×`,
    decimal.format(result.p50Ms),
    decimal.format(result.p99Ms),
    integer.format(result.status2xx),
    integer.format(result.status4xx),
    integer.format(result.status5xx),
    integer.format(result.errors),
    Number.isFinite(result.queriesPerRequest) ? decimal.format(result.queriesPerRequest!) : "–",
  ];
  return [
    ["measurement", "rps", "× ref", "p50 ms", "p99 ms", "2xx", "4xx", "5xx", "errors", "queries/req"],
    row(report.reference, true),
    ...report.results.map((result) => row(result)),
  ];
}

export function formatReport(scenario: string, report: ScenarioReport): string {
  const rows = tableRows(report);
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((cells) => cells[column]!.length)));
  const lines = rows.map((cells) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "),
  );
  lines.splice(1, 0, widths.map((width) => "-".repeat(width)).join("  "));
  return [
    `\n== ${scenario} ==`,
    ...lines.map((line) => `  ${line}`),
    "",
    ...report.results.map((result) => `  ${summaryLine(result, report.reference)}`),
    ...(report.notes ?? []).map((note) => `  · ${note}`),
  ].join("\n");
}

/** Writes bench/results/<scenario>-<timestamp>.json and returns its path. */
export function saveReport(resultsDir: string, scenario: string, report: ScenarioReport, startedAt: Date): string {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = startedAt.toISOString().replaceAll(":", "-").replace(/\.\d+Z$/, "Z");
  const file = path.join(resultsDir, `${scenario}-${stamp}.json`);
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  writeFileSync(file, `${JSON.stringify({ scenario, startedAt: startedAt.toISOString(), machine, ...report }, null, 2)}\n`);
  return file;
}
