import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { inRawTransaction } from "@/lib/db/sql-transaction";

describe("the app's database connections", () => {
  it("run without JIT compilation, on Prisma's queries and on raw transactions alike", async () => {
    const [viaPrisma] = await db().$queryRaw<{ jit: string }[]>`SELECT current_setting('jit') AS jit`;
    const [inTransaction] = await inRawTransaction(db(), (tx) => tx.$queryRaw<{ jit: string }[]>`SELECT current_setting('jit') AS jit`);
    expect({ viaPrisma: viaPrisma!.jit, inTransaction: inTransaction!.jit }).toEqual({ viaPrisma: "off", inTransaction: "off" });
  });
});
