import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nextBin, nextServerArgs, SERVER_NODE_FLAGS } from "./next-server.ts";

const root = path.resolve(import.meta.dirname, "../..");

describe("the server's Node flags", () => {
  it("come before Next's own arguments, so Node takes them and Next never sees them", () => {
    expect(nextServerArgs(root, "start", 3000)).toEqual([...SERVER_NODE_FLAGS, nextBin(root), "start", "-p", "3000"]);
  });

  it("are accepted by this Node on the command line and in NODE_OPTIONS (where a deployment sets them)", () => {
    // Node refuses a flag it does not know, or one NODE_OPTIONS does not allow, before running anything.
    const script = "process.stdout.write(JSON.stringify(process.execArgv))";
    const onCommandLine = JSON.parse(execFileSync(process.execPath, [...SERVER_NODE_FLAGS, "-e", script], { encoding: "utf8" })) as string[];
    expect(onCommandLine.slice(0, SERVER_NODE_FLAGS.length)).toEqual(SERVER_NODE_FLAGS);
    const viaEnvironment = execFileSync(process.execPath, ["-e", "process.stdout.write('ok')"], {
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: SERVER_NODE_FLAGS.join(" ") },
    });
    expect(viaEnvironment).toBe("ok");
  });
});
