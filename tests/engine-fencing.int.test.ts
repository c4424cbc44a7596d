// Issue 14: leader fencing. Every takeover bumps EngineLeader.epoch; a tick's writing transaction
// locks the row and checks its epoch, so a deposed leader's tick rolls back while the new leader's
// commits. On PostgreSQL two connections race: a takeover waits for the in-flight tick's row lock.
import { afterEach, describe, expect, it } from "vitest";
import { createFence, FencedError, readLeader } from "@/server/engine/fence";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase | null = null;
afterEach(async () => {
  await t?.drop();
  t = null;
});

async function probeRows(td: TestDatabase): Promise<string[]> {
  const rows = await td.db.sql.query<{ v: string }>(`SELECT v FROM fence_probe ORDER BY v`);
  return rows.map((r) => r.v);
}

describe.each(BACKENDS)("engine fencing on %s", (kind) => {
  it("a deposed leader's tick cannot commit; the new leader's can", async () => {
    t = await createTestDatabase(kind);
    const sql = t.db.sql;
    await sql.exec(`CREATE TABLE fence_probe (v text)`);
    const a = createFence(sql, "engine-a");
    const b = createFence(sql, "engine-b");
    // Before any takeover nobody may write.
    await expect(a.run((tx) => tx.query(`INSERT INTO fence_probe VALUES ('a0')`))).rejects.toBeInstanceOf(FencedError);
    expect(await a.takeOver()).toBe(1);
    await a.run((tx) => tx.query(`INSERT INTO fence_probe VALUES ('a1')`));
    expect(await b.takeOver()).toBe(2);
    const err = await a.run((tx) => tx.query(`INSERT INTO fence_probe VALUES ('a2')`)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FencedError);
    expect([(err as FencedError).ours, (err as FencedError).current, (err as FencedError).holder]).toEqual([
      1,
      2,
      "engine-b",
    ]);
    expect(await a.heartbeat()).toBe(false);
    await b.run((tx) => tx.query(`INSERT INTO fence_probe VALUES ('b1')`));
    expect(await b.heartbeat()).toBe(true);
    expect(await probeRows(t)).toEqual(["a1", "b1"]);
    expect((await readLeader(sql))?.holder).toBe("engine-b");
    expect((await readLeader(sql))?.epoch).toBe(2);
  });

  // PostgreSQL only (PGlite is one in-process connection: nothing can race it).
  if (kind !== "postgres") return;
  it("two connections race: the takeover waits for the in-flight tick, then fences it", async () => {
    t = await createTestDatabase(kind);
    const sql = t.db.sql;
    await sql.exec(`CREATE TABLE fence_probe (v text)`);
    const a = createFence(sql, "engine-a");
    const b = createFence(sql, "engine-b");
    await a.takeOver();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    // A's tick holds the row lock (checked epoch 1) while B's takeover arrives on another connection.
    const tick = a.run(async (tx) => {
      inside();
      await gate;
      await tx.query(`INSERT INTO fence_probe VALUES ('a-inflight')`);
    });
    await entered;
    let tookOver = false;
    const takeover = b.takeOver().then((e) => {
      tookOver = true;
      return e;
    });
    // The takeover's UPDATE is blocked by A's FOR UPDATE lock: it must not finish while A's tick is open.
    const waiting = async () =>
      (
        await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        )
      )[0]?.n;
    await expect.poll(waiting, { timeout: 5000 }).toBe(1);
    expect(tookOver).toBe(false);
    release();
    await tick; // checked before the takeover: serialised before it, so it commits
    expect(await takeover).toBe(2);
    // A's next tick sees epoch 2 and rolls back; B's commits.
    await expect(a.run((tx) => tx.query(`INSERT INTO fence_probe VALUES ('a-late')`))).rejects.toBeInstanceOf(
      FencedError,
    );
    await b.run((tx) => tx.query(`INSERT INTO fence_probe VALUES ('b-first')`));
    expect(await probeRows(t)).toEqual(["a-inflight", "b-first"]);
  });
});
