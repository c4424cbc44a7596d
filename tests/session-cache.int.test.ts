// The per-request session cache, on PGlite and PostgreSQL: repeated and concurrent requests of one
// session read the database once per half second; a revocation made through the app (sign-out,
// sign out everywhere, disabling, an approved role change) refuses the session at once, on this
// instance and, through the bus, on another; a revocation written behind the app's back is seen
// within SESSION_CACHE_TTL_MS, which is under the one second the security design allows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/server/db/generated/client";
import {
  connectSessionCacheToBus,
  SESSION_CACHE_TTL_MS,
  SessionUserCache,
  sessionUserCache,
} from "@/server/auth/session-cache";
import { resolveSessionUserCached } from "@/server/auth/session-user";
import { revokeSession } from "@/server/auth/sessions";
import { createInProcessBus } from "@/server/engine/event-bus";
import { callerFor, createUser, markStepUp } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

/** The database with the session reads counted (the cache's only reason to exist). */
function counting(prisma: PrismaClient) {
  const reads = { n: 0 };
  const db = {
    authSession: {
      findUnique: (args: Parameters<PrismaClient["authSession"]["findUnique"]>[0]) => {
        reads.n += 1;
        return prisma.authSession.findUnique(args);
      },
      updateMany: (args: Parameters<PrismaClient["authSession"]["updateMany"]>[0]) =>
        prisma.authSession.updateMany(args),
    },
    user: prisma.user,
  } as unknown as PrismaClient;
  return { db, reads };
}

describe.each(BACKENDS)("session user cache on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => t.drop());

  it("serves 20 concurrent and then repeated requests of one session from one read per TTL", async () => {
    const u = await createUser(t.db, "RISK");
    const sid = u.sessionId ?? "";
    const cache = new SessionUserCache();
    const { db, reads } = counting(t.db.prisma);
    const now = Date.now();
    const users = await Promise.all(
      Array.from({ length: 20 }, () => resolveSessionUserCached(db, u.id, sid, now, cache)),
    );
    expect(users.every((x) => x?.id === u.id && x.sessionId === sid)).toBe(true);
    expect(reads.n).toBe(1);
    expect((await resolveSessionUserCached(db, u.id, sid, now + SESSION_CACHE_TTL_MS - 1, cache))?.id).toBe(u.id);
    expect(reads.n).toBe(1);
    // Past the TTL: read again.
    await resolveSessionUserCached(db, u.id, sid, now + SESSION_CACHE_TTL_MS, cache);
    expect(reads.n).toBe(2);
    // A session id asked for with another user id is not answered from the entry.
    expect(await resolveSessionUserCached(db, "someone-else", sid, now + SESSION_CACHE_TTL_MS, cache)).toBeNull();
    expect(reads.n).toBe(3);
  });

  it("sign-out, sign out everywhere and disabling refuse a cached session at once", async () => {
    const now = Date.now();
    const a = await createUser(t.db, "RISK");
    expect((await resolveSessionUserCached(t.db.prisma, a.id, a.sessionId ?? "", now))?.id).toBe(a.id);
    await revokeSession(t.db.prisma, a.sessionId ?? "", "signOut");
    expect(await resolveSessionUserCached(t.db.prisma, a.id, a.sessionId ?? "", now)).toBeNull();

    const b = await createUser(t.db, "COMPLIANCE");
    expect((await resolveSessionUserCached(t.db.prisma, b.id, b.sessionId ?? "", now))?.id).toBe(b.id);
    await callerFor(t.db, b).auth.signOutEverywhere();
    expect(await resolveSessionUserCached(t.db.prisma, b.id, b.sessionId ?? "", now)).toBeNull();

    const admin = await createUser(t.db, "ADMIN");
    const c = await createUser(t.db, "RISK");
    expect((await resolveSessionUserCached(t.db.prisma, c.id, c.sessionId ?? "", now))?.id).toBe(c.id);
    await callerFor(t.db, admin).admin.setUserLock({ userId: c.id, disabled: true });
    expect(await resolveSessionUserCached(t.db.prisma, c.id, c.sessionId ?? "", now)).toBeNull();
  });

  it("an approved role change refuses the cached session at once", async () => {
    const now = Date.now();
    const maker = await createUser(t.db, "ADMIN");
    const checker = await createUser(t.db, "ADMIN");
    const v = await createUser(t.db, "RISK");
    expect((await resolveSessionUserCached(t.db.prisma, v.id, v.sessionId ?? "", now))?.role).toBe("RISK");
    const proposed = await callerFor(t.db, maker).admin.proposeRoleChange({ userId: v.id, role: "COMPLIANCE" });
    await markStepUp(t.db, checker);
    await callerFor(t.db, checker).admin.decideAccessProposal({ id: proposed.id, approve: true });
    expect(await resolveSessionUserCached(t.db.prisma, v.id, v.sessionId ?? "", now)).toBeNull();
  });

  it("another instance's revocation arrives through the bus; one written behind the app's back within the TTL", async () => {
    expect(SESSION_CACHE_TTL_MS).toBeLessThanOrEqual(1000);
    const bus = createInProcessBus();
    const other = new SessionUserCache(); // the cache of a second web instance
    const offHere = connectSessionCacheToBus(bus);
    const offThere = connectSessionCacheToBus(bus, other);
    try {
      const now = Date.now();
      const u = await createUser(t.db, "RISK");
      const sid = u.sessionId ?? "";
      expect((await resolveSessionUserCached(t.db.prisma, u.id, sid, now, other))?.id).toBe(u.id);
      // Signed out on this instance: the other forgets through the bus, not by waiting.
      await revokeSession(t.db.prisma, sid, "signOut");
      expect(await resolveSessionUserCached(t.db.prisma, u.id, sid, now, other)).toBeNull();

      // A revocation no invalidation announces (a script, a restore): still served for the TTL,
      // refused once it has passed.
      const w = await createUser(t.db, "RISK");
      const wsid = w.sessionId ?? "";
      expect((await resolveSessionUserCached(t.db.prisma, w.id, wsid, now, other))?.id).toBe(w.id);
      await t.db.prisma.authSession.update({ where: { id: wsid }, data: { revokedAt: new Date(now) } });
      expect((await resolveSessionUserCached(t.db.prisma, w.id, wsid, now + 1, other))?.id).toBe(w.id);
      expect(await resolveSessionUserCached(t.db.prisma, w.id, wsid, now + SESSION_CACHE_TTL_MS, other)).toBeNull();
    } finally {
      offHere();
      offThere();
    }
  });
});

describe("the process cache", () => {
  it("is the one the revocations invalidate", () => {
    let heard = 0;
    const off = sessionUserCache.onInvalidate(() => (heard += 1));
    sessionUserCache.invalidate({ userId: "nobody" });
    off();
    expect(heard).toBe(1);
  });
});
