// A successful mutation announces its router on the change stream; a refused one announces nothing
// (on PGlite and PostgreSQL, through the real procedure chain).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createInProcessBus } from "@/server/engine/event-bus";
import { CHANGE_TOPIC } from "@/server/live/change-notices";
import { contextFor, createUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

describe.each(BACKENDS)("change notices from mutations on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => t.drop());

  it("announces the admin area after a user is disabled, and nothing when the change is refused", async () => {
    const bus = createInProcessBus();
    const heard: unknown[] = [];
    bus.subscribe(CHANGE_TOPIC, (e) => heard.push(e.data));
    const admin = await createUser(t.db, "ADMIN");
    const target = await createUser(t.db, "RISK");
    const caller = createCaller(contextFor(t.db, admin, { bus }));
    await expect(caller.admin.setUserLock({ userId: admin.id, disabled: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(heard).toEqual([]);
    await caller.admin.setUserLock({ userId: target.id, disabled: true });
    expect(heard).toEqual([{ scope: "admin" }]);
    // A query is not a change.
    await caller.admin.users();
    expect(heard).toHaveLength(1);
  });
});
