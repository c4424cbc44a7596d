// The statement import at its documented size: a file over 5 MiB is a 413 before any parsing; a
// large statement is stored with batched inserts (it used to be one INSERT per item: a 5 MiB
// statement took minutes and gigabytes), and quoted cells match the ledger.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STATEMENT_MAX_BYTES } from "@/server/payments/reconciliation";
import { callerFor, createUser, type TestUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

describe.each(BACKENDS)("statement import on %s", (kind) => {
  let t: TestDatabase;
  let manager: TestUser;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    manager = await createUser(t.db, "MANAGER");
  });
  afterEach(async () => t.drop());

  it("refuses a statement over 5 MiB with PAYLOAD_TOO_LARGE and stores nothing", async () => {
    const head = "date,reference,direction,amount\n";
    const csv = head + "x".repeat(STATEMENT_MAX_BYTES - head.length + 1);
    await expect(callerFor(t.db, manager).payments.importStatement({ fileName: "big.csv", csv })).rejects.toMatchObject(
      { code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/5 MiB/) },
    );
    expect(await t.db.prisma.reconciliationRun.count()).toBe(0);
  });

  it("imports 30,000 quoted lines in batches: every line is one item", async () => {
    const rows = ["date,reference,direction,amount"];
    for (let i = 0; i < 30_000; i++)
      rows.push(`2026-11-24,"BANK-${i}",CREDIT,"1,${String(i % 1000).padStart(3, "0")}.50"`);
    const run = await callerFor(t.db, manager).payments.importStatement({
      fileName: "day.csv",
      csv: rows.join("\r\n"),
      date: "2026-11-24",
    });
    expect(run).toMatchObject({ matched: 0, breaks: 30_000 });
    expect(await t.db.prisma.reconciliationItem.count({ where: { runId: run.id, kind: "MISSING_IN_LEDGER" } })).toBe(
      30_000,
    );
    const one = await t.db.prisma.reconciliationItem.findFirstOrThrow({
      where: { runId: run.id, reference: "BANK-7" },
    });
    expect(one.statementAmount?.toFixed(2)).toBe("1007.50");
  }, 60_000);
});
