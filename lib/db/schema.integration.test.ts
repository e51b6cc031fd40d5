// Proves the hand-written SQL migrations build exactly the database that
// prisma/schema.prisma describes, plus the invariant constraints Prisma cannot
// express. The DMMF comes from Prisma's own schema parser (the WASM module the
// Prisma CLI uses for `prisma generate`), so nothing here re-parses the schema.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import { pgErrorCode, PG } from "@/lib/db/pg-error";
import * as generatedEnums from "@/lib/generated/prisma/enums.ts";
import { createConcert, createUser } from "@/lib/testing/fixtures";

type DmmfField = {
  name: string; kind: "scalar" | "enum" | "object"; type: string; dbName?: string | null; isList: boolean; isRequired: boolean;
  hasDefaultValue: boolean; nativeType?: [string, string[]] | null; relationFromFields?: string[]; relationOnDelete?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[]; primaryKey: { fields: string[] } | null; uniqueFields: string[][] };
type Datamodel = { models: DmmfModel[]; enums: Array<{ name: string; dbName: string | null; values: Array<{ name: string }> }> };

/** Calls get_dmmf of the Prisma CLI's schema WASM (wasm-bindgen ABI: string in, string out). */
function readDmmf(schema: string): Datamodel {
  const require = createRequire(import.meta.url);
  const wasmFile = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "prisma_schema_build_bg.wasm");
  const wasmModule = new WebAssembly.Module(readFileSync(wasmFile));
  // The import functions below only run after `wasm` is assigned (wasm-bindgen starts explicitly).
  const text = (pointer: number, length: number) => new TextDecoder().decode(new Uint8Array(wasm.memory.buffer, pointer >>> 0, length));
  const imports: Record<string, CallableFunction> = {};
  for (const { name } of WebAssembly.Module.imports(wasmModule)) {
    if (name.startsWith("__wbg_Error_")) imports[name] = (pointer: number, length: number) => new Error(text(pointer, length));
    else if (name.includes("wbindgen_throw") || name.startsWith("__wbg_set_message_")) {
      imports[name] = (pointer: number, length: number) => { throw new Error(text(pointer, length)); };
    } else if (name === "__wbindgen_init_externref_table") {
      imports[name] = () => {
        const table = wasm.__wbindgen_externrefs;
        const offset = table.grow(4);
        [undefined, undefined, null, true, false].forEach((value, index) => table.set(index === 0 ? 0 : offset + index - 1, value));
      };
    } else throw new Error(`The Prisma schema WASM needs an unknown import: ${name}`);
  }
  const wasm = new WebAssembly.Instance(wasmModule, { __wbindgen_placeholder__: imports }).exports as Record<string, CallableFunction> & {
    memory: WebAssembly.Memory;
    __wbindgen_externrefs: WebAssembly.Table;
  };
  wasm.__wbindgen_start!();
  const input = new TextEncoder().encode(JSON.stringify({ prismaSchema: schema }));
  const pointer = (wasm.__wbindgen_malloc!(input.length, 1) as number) >>> 0;
  new Uint8Array(wasm.memory.buffer, pointer, input.length).set(input);
  const [outPointer, outLength, errorIndex, isError] = wasm.get_dmmf!(pointer, input.length) as number[];
  if (isError) throw wasm.__wbindgen_externrefs.get(errorIndex!);
  const output = text(outPointer!, outLength!);
  wasm.__wbindgen_free!(outPointer, outLength, 1);
  return (JSON.parse(output) as { datamodel: Datamodel }).datamodel;
}

/** The PostgreSQL column type a Prisma scalar (with its @db attribute) must have. */
function expectedColumnType(field: DmmfField, enumDbName: (name: string) => string): string {
  if (field.kind === "enum") return `enum ${enumDbName(field.type)}`;
  const [native, args = []] = field.nativeType ?? [];
  switch (field.type) {
    case "String":
      if (native === "Uuid") return "uuid";
      if (native === "VarChar") return `character varying(${args[0]})`;
      return "text";
    case "Int": return "integer";
    case "BigInt": return "bigint";
    case "Float": return native === "Real" ? "real" : "double precision";
    case "Boolean": return "boolean";
    case "Json": return "jsonb";
    case "DateTime": return native === "Timestamptz" ? `timestamp with time zone(${args[0] ?? 3})` : "timestamp without time zone(3)";
    default: throw new Error(`No PostgreSQL mapping for ${field.type}`);
  }
}

type Column = { table_name: string; column_name: string; is_nullable: "YES" | "NO"; type: string; has_default: boolean };

let datamodel: Datamodel;
let columns: Column[];

beforeAll(async () => {
  datamodel = readDmmf(readFileSync(path.resolve("prisma/schema.prisma"), "utf8"));
  columns = await db().$queryRaw<Column[]>`
    SELECT table_name::text, column_name::text, is_nullable::text, column_default IS NOT NULL AS has_default,
           CASE WHEN data_type = 'USER-DEFINED' THEN 'enum ' || udt_name
                WHEN data_type = 'character varying' THEN data_type || '(' || character_maximum_length || ')'
                WHEN data_type LIKE 'timestamp%' THEN data_type || '(' || datetime_precision || ')'
                ELSE data_type END AS type
    FROM information_schema.columns WHERE table_schema = 'public'`;
});

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (field: DmmfField) => field.dbName ?? field.name;
const storedFields = (model: DmmfModel) => model.fields.filter((field) => field.kind !== "object");

describe("the migrated database matches prisma/schema.prisma", () => {
  it("has exactly the tables of the models (plus the migration log)", async () => {
    const tables = new Set(columns.map((column) => column.table_name));
    expect([...tables].sort()).toEqual([...datamodel.models.map(tableOf), "_encore_migrations"].sort());
    expect(Object.values(Prisma.ModelName).sort()).toEqual(datamodel.models.map((model) => model.name).sort());
  });

  it("has every field as a column with the same name, type, nullability and default", () => {
    const enumDbName = (name: string) => datamodel.enums.find((entry) => entry.name === name)?.dbName ?? name;
    for (const model of datamodel.models) {
      const actual = columns
        .filter((column) => column.table_name === tableOf(model))
        .map(({ column_name, type, is_nullable, has_default }) => ({ column: column_name, type, isNullable: is_nullable === "YES", hasDefault: has_default }))
        .sort((a, b) => a.column.localeCompare(b.column));
      const expected = storedFields(model)
        .map((field) => ({
          column: columnOf(field),
          type: field.isList ? "ARRAY" : expectedColumnType(field, enumDbName),
          isNullable: !field.isRequired,
          hasDefault: field.hasDefaultValue,
        }))
        .sort((a, b) => a.column.localeCompare(b.column));
      expect({ table: tableOf(model), columns: actual }).toEqual({ table: tableOf(model), columns: expected });
    }
  });

  it("has the enums with the same values, in the same order, as the schema and the generated client", async () => {
    const rows = await db().$queryRaw<{ name: string; values: string[] }[]>`
      SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`;
    const actual = Object.fromEntries(rows.map((row) => [row.name, row.values]));
    const expected = Object.fromEntries(datamodel.enums.map((entry) => [entry.dbName ?? entry.name, entry.values.map((value) => value.name)]));
    expect(actual).toEqual(expected);
    const generated = generatedEnums as unknown as Record<string, Record<string, string>>;
    for (const entry of datamodel.enums) expect(Object.values(generated[entry.name]!)).toEqual(entry.values.map((value) => value.name));
  });

  it("has the primary keys, unique constraints and foreign keys of the schema", async () => {
    const keys = await db().$queryRaw<{ table_name: string; kind: string; columns: string[]; on_delete: string; target: string | null }[]>`
      SELECT c.conrelid::regclass::text AS table_name, c.contype::text AS kind, c.confdeltype::text AS on_delete,
             c.confrelid::regclass::text AS target,
             array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns
      FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
      WHERE ns.nspname = 'public' AND c.contype IN ('p', 'f')
      UNION ALL
      SELECT i.indrelid::regclass::text, 'u', '', NULL,
             array(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(n, o)
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o)
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace
      WHERE ns.nspname = 'public' AND i.indisunique AND NOT i.indisprimary AND i.indpred IS NULL`;
    const has = (table: string, kind: string, cols: string[]) =>
      keys.find((key) => key.table_name === table && key.kind === kind && key.columns.join() === cols.join());
    for (const model of datamodel.models) {
      const byName = new Map(model.fields.map((field) => [field.name, columnOf(field)]));
      const primary = model.primaryKey?.fields ?? model.fields.filter((field) => (field as { isId?: boolean }).isId).map((field) => field.name);
      expect(has(tableOf(model), "p", primary.map((name) => byName.get(name)!)), `${model.name} primary key`).toBeDefined();
      const uniques = [...model.uniqueFields, ...model.fields.filter((field) => (field as { isUnique?: boolean }).isUnique).map((field) => [field.name])];
      for (const unique of uniques) {
        expect(has(tableOf(model), "u", unique.map((name) => byName.get(name)!)), `${model.name} unique ${unique}`).toBeDefined();
      }
      for (const relation of model.fields.filter((field) => field.relationFromFields?.length)) {
        const target = datamodel.models.find((candidate) => candidate.name === relation.type)!;
        const key = has(tableOf(model), "f", relation.relationFromFields!.map((name) => byName.get(name)!));
        expect(key?.target, `${model.name}.${relation.name} foreign key`).toBe(tableOf(target));
        if (relation.relationOnDelete === "Cascade") expect(key?.on_delete, `${model.name}.${relation.name} cascade`).toBe("c");
      }
    }
  });
});

describe("the invariant constraints exist and hold", () => {
  it("declares them in the catalog", async () => {
    const [checks, indexes] = await Promise.all([
      db().$queryRaw<{ name: string; definition: string }[]>`
        SELECT conname::text AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE contype = 'c'`,
      db().$queryRaw<{ name: string; definition: string }[]>`
        SELECT indexname::text AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public'`,
    ]);
    const check = (name: string) => checks.find((row) => row.name === name)?.definition;
    const index = (name: string) => indexes.find((row) => row.name === name)?.definition;
    expect(check("wallets_balance_check")).toBe("CHECK ((balance >= 0))");
    expect(index("reservations_one_live_per_seat")).toMatch(/^CREATE UNIQUE INDEX .* ON public\.reservations USING btree \(seat_id\) WHERE \(status = ANY \(ARRAY\['HELD'::"ReservationStatus", 'CONFIRMED'::"ReservationStatus"\]\)\)$/);
    expect(index("idempotency_records_user_id_key_key")).toMatch(/^CREATE UNIQUE INDEX .* ON public\.idempotency_records USING btree \(user_id, key\)$/);
    expect(index("queue_tokens_one_live_per_fan")).toMatch(/^CREATE UNIQUE INDEX .* ON public\.queue_tokens USING btree \(user_id, concert_id\) WHERE \(status = ANY \(ARRAY\['WAITING'::"QueueTokenStatus", 'ADMITTED'::"QueueTokenStatus"\]\)\)$/);
  });

  it("refuses a negative balance, a second live hold of a seat, a reused idempotency key and a second live queue token", async () => {
    const user = await createUser(db());
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 1 });
    const refused = async (sqlState: string, statement: Promise<unknown>) => {
      const error = await statement.then(() => undefined, (failure: unknown) => failure);
      expect(pgErrorCode(error)).toBe(sqlState);
    };

    await refused(PG.CHECK_VIOLATION, db().$executeRaw`INSERT INTO wallets (user_id, balance) VALUES (${user.id}::uuid, -1)`);

    const hold = () => db().$executeRaw`
      INSERT INTO reservations (seat_id, performance_id, user_id, price, expires_at)
      SELECT id, performance_id, ${user.id}::uuid, price, now() + interval '5 minutes' FROM seats
      WHERE performance_id = ${performanceIds[0]!}::uuid`;
    await hold();
    await refused(PG.UNIQUE_VIOLATION, hold());
    // Once the first hold is no longer live the seat can be held again.
    await db().$executeRaw`UPDATE reservations SET status = 'EXPIRED' WHERE user_id = ${user.id}::uuid`;
    await expect(hold()).resolves.toBe(1);

    const record = () => db().$executeRaw`
      INSERT INTO idempotency_records (user_id, key, request_hash, response_status, response_body)
      VALUES (${user.id}::uuid, 'key-1', 'hash', 200, '{}'::jsonb)`;
    await record();
    await refused(PG.UNIQUE_VIOLATION, record());

    const token = () => db().$executeRaw`INSERT INTO queue_tokens (user_id, concert_id) VALUES (${user.id}::uuid, ${concertId}::uuid)`;
    await token();
    await refused(PG.UNIQUE_VIOLATION, token());
    await db().$executeRaw`UPDATE queue_tokens SET status = 'ENDED', end_reason = 'LEFT', ended_at = now() WHERE user_id = ${user.id}::uuid`;
    await expect(token()).resolves.toBe(1);
  });
});

describe("the booking functions", () => {
  it("run with a bounded lock wait and plan their statements once per connection", async () => {
    const rows = await db().$queryRaw<{ name: string; config: string[] }[]>`
      SELECT proname AS name, coalesce(proconfig, '{}') AS config FROM pg_proc
      WHERE proname IN ('hold_seats', 'claim_queue_place') ORDER BY proname`;
    expect(rows).toEqual([
      { name: "claim_queue_place", config: ["plan_cache_mode=force_generic_plan"] },
      { name: "hold_seats", config: ["lock_timeout=1s", "plan_cache_mode=force_generic_plan"] },
    ]);
  });
});
