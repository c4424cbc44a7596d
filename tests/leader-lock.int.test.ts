// DESIGN 8: exactly one engine ticks. On PostgreSQL the first instance takes the advisory lock,
// a second stays standby, and takes over once the first lets go. PGlite is always the leader.
import { expect, it, describe } from "vitest";
import { alwaysLeader, startLeaderElection } from "@/server/engine/leader-lock";
import { BACKENDS, createTestDatabase } from "./helpers/test-db";

describe.each(BACKENDS)("leader lock on %s", (kind) => {
  it(
    kind === "pglite" ? "the single embedded process is the leader" : "one leader at a time; a standby takes over",
    async () => {
      if (kind === "pglite") {
        let started = 0;
        const lock = alwaysLeader(() => (started += 1));
        expect([lock.isLeader(), started]).toEqual([true, 1]);
        return;
      }
      const t = await createTestDatabase(kind);
      const events: string[] = [];
      const a = startLeaderElection(
        t.url ?? "",
        { onAcquire: () => events.push("a+"), onLose: () => events.push("a-") },
        100,
      );
      await expect.poll(() => a.isLeader(), { timeout: 5000 }).toBe(true);
      const b = startLeaderElection(
        t.url ?? "",
        { onAcquire: () => events.push("b+"), onLose: () => events.push("b-") },
        100,
      );
      // b keeps trying (every 100 ms) but cannot take the lock while a holds it.
      await expect.poll(() => b.attempts(), { timeout: 5000 }).toBeGreaterThanOrEqual(3);
      expect(b.isLeader()).toBe(false);
      expect(events).toEqual(["a+"]);
      await a.stop();
      await expect.poll(() => b.isLeader(), { timeout: 5000 }).toBe(true);
      expect(events).toEqual(["a+", "b+"]);
      await b.stop();
      await t.drop();
    },
  );
});
