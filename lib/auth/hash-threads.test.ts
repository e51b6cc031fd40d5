import { scryptSync } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createHashThreads, HASHING_NICENESS, type HashThreads } from "@/lib/auth/hash-threads";

/** The niceness of each of this process's threads (field 19 of /proc/self/task/<tid>/stat), by thread id. */
function threadNiceness(): Map<string, number> {
  const niceness = new Map<string, number>();
  for (const tid of readdirSync("/proc/self/task")) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    // After the command's closing parenthesis: state is field 3, niceness field 19.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    niceness.set(tid, Number(fields[19 - 3]));
  }
  return niceness;
}

// Small parameters: the tests are about the threads, not the cost of a hash.
const PARAMS = { N: 2 ** 10, r: 8, p: 1 };
const salt = Buffer.from("0123456789abcdef");

const opened: HashThreads[] = [];
function threads(count: number): HashThreads {
  const created = createHashThreads(count);
  opened.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((created) => created.close()));
});

describe("hashing threads", () => {
  it("derive the same key as scrypt on the calling thread, each job its own answer", async () => {
    const hashing = threads(2);
    const passwords = Array.from({ length: 6 }, (_, index) => `password ${index}`);
    const keys = await Promise.all(passwords.map((password) => hashing.derive(password, salt, 32, PARAMS)));
    expect(keys.map((key) => key.toString("hex"))).toEqual(
      passwords.map((password) => scryptSync(password, salt, 32, PARAMS).toString("hex")),
    );
    expect(hashing.pending()).toBe(0);
  });

  it("count the jobs not yet answered and report the time a hash took on the thread", async () => {
    const hashing = threads(1);
    expect(hashing.averageHashMs()).toBeUndefined();
    const jobs = [hashing.derive("a", salt, 32, PARAMS), hashing.derive("b", salt, 32, PARAMS)];
    expect(hashing.pending()).toBe(2);
    await Promise.all(jobs);
    expect(hashing.pending()).toBe(0);
    expect(hashing.averageHashMs()).toBeGreaterThan(0);
  });

  it("run at the hashing niceness, leaving the other threads of the process as they were", async () => {
    const before = threadNiceness();
    const hashing = threads(1);
    await hashing.derive("a", salt, 32, PARAMS);
    const after = threadNiceness();
    const newThreadsAtHashingNiceness = [...after].filter(([tid, nice]) => !before.has(tid) && nice === HASHING_NICENESS);

    expect(HASHING_NICENESS).toBeGreaterThan(0);
    expect(newThreadsAtHashingNiceness).toHaveLength(1);
    expect(after.get(String(process.pid))).toBe(before.get(String(process.pid)));
  });

  it("reject a job scrypt refuses, and keep hashing the next", async () => {
    const hashing = threads(1);
    await expect(hashing.derive("x", salt, 32, { N: 3, r: 8, p: 1 })).rejects.toThrow();
    expect((await hashing.derive("y", salt, 32, PARAMS)).length).toBe(32);
  });

  it("start a new thread when one has ended, rejecting what it still held", async () => {
    const hashing = threads(1);
    await hashing.derive("warm", salt, 32, PARAMS);
    const held = hashing.derive("held", salt, 32, { N: 2 ** 16, r: 8, p: 1 });
    await hashing.close();
    await expect(held).rejects.toThrow(/exited/);
    expect((await hashing.derive("after", salt, 32, PARAMS)).length).toBe(32);
  });
});
