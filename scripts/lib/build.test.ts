import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashBuildInputs, isBuildCurrent } from "./build.ts";

let root: string;

function write(relative: string, content: string): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), content);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "encore-build-"));
  write("app/page.tsx", "export default function Page() {}");
  write("lib/catalog/list-concerts.ts", "export const x = 1;");
  write("package-lock.json", "{}");
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("hashBuildInputs", () => {
  it("changes when a source file, the schema or the lock file changes", () => {
    const before = hashBuildInputs(root);
    write("lib/catalog/list-concerts.ts", "export const x = 2;");
    const afterSource = hashBuildInputs(root);
    write("prisma/schema.prisma", "model A { id Int @id }");
    const afterSchema = hashBuildInputs(root);
    write("package-lock.json", '{"v":2}');
    const hashes = new Set([before, afterSource, afterSchema, hashBuildInputs(root)]);
    expect(hashes.size).toBe(4);
  });

  it("ignores tests, generated code, dotfiles and files outside the inputs", () => {
    const before = hashBuildInputs(root);
    write("lib/catalog/list-concerts.test.ts", "test");
    write("lib/catalog/list-concerts.integration.test.ts", "test");
    write("lib/generated/prisma/client.ts", "generated");
    write("app/.DS_Store", "finder");
    write("e2e/catalog.spec.ts", "spec");
    write("README.md", "docs");
    expect(hashBuildInputs(root)).toBe(before);
  });

  it("notices a renamed file even when its bytes stay the same", () => {
    const before = hashBuildInputs(root);
    rmSync(path.join(root, "app/page.tsx"));
    write("app/home.tsx", "export default function Page() {}");
    expect(hashBuildInputs(root)).not.toBe(before);
  });
});

describe("isBuildCurrent", () => {
  it("is true only for a finished build stamped with the same inputs", () => {
    const hash = hashBuildInputs(root);
    expect(isBuildCurrent(root, ".next-x", hash)).toBe(false);
    write(".next-x/encore-build-stamp", `${hash}\n`);
    expect(isBuildCurrent(root, ".next-x", hash)).toBe(false);
    write(".next-x/BUILD_ID", "abc");
    expect(isBuildCurrent(root, ".next-x", hash)).toBe(true);
    expect(isBuildCurrent(root, ".next-x", "another-hash")).toBe(false);
  });
});
