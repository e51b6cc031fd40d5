import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEnvFile } from "./env-file.ts";

const KEYS = ["ENCORE_TEST_FROM_FILE", "ENCORE_TEST_ALREADY_SET", "ENCORE_TEST_QUOTED"];
const dir = mkdtempSync(path.join(tmpdir(), "encore-env-"));

afterEach(() => {
  for (const key of KEYS) delete process.env[key];
});

describe("loadEnvFile", () => {
  it("adds the file's variables but never overrides the environment", () => {
    const file = path.join(dir, ".env");
    writeFileSync(
      file,
      ["# a comment", "ENCORE_TEST_FROM_FILE=from-file", "ENCORE_TEST_ALREADY_SET=from-file", 'ENCORE_TEST_QUOTED="two words"'].join("\n"),
    );
    process.env.ENCORE_TEST_ALREADY_SET = "from-environment";

    expect(loadEnvFile(file).sort()).toEqual(["ENCORE_TEST_FROM_FILE", "ENCORE_TEST_QUOTED"]);
    expect(process.env.ENCORE_TEST_FROM_FILE).toBe("from-file");
    expect(process.env.ENCORE_TEST_ALREADY_SET).toBe("from-environment");
    expect(process.env.ENCORE_TEST_QUOTED).toBe("two words");
  });

  it("does nothing without a file", () => {
    expect(loadEnvFile(path.join(dir, "missing.env"))).toEqual([]);
  });
});

process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
