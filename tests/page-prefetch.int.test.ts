// Server-side prefetch for first paint: the page's queries run through the router with the page
// user's permissions; what succeeded is handed over in superjson (dates survive), what was refused is
// not handed over (the client asks and shows the refusal as before).
import { hydrate, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prefetchPage } from "@/server/api/page-prefetch";
import { createUser } from "./helpers/fixtures";
import { installTestRuntime } from "./helpers/route-runtime";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

describe.each(BACKENDS)("page prefetch on %s", (kind) => {
  let t: TestDatabase;
  let uninstall: () => void;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    uninstall = installTestRuntime(t.db);
    await t.db.prisma.governedSetting.create({
      data: {
        key: "capital.liquidity",
        version: 1,
        value: {},
        reason: "r",
        status: "REJECTED",
        proposedById: "u",
        proposedByEmail: "u@x",
        proposedAt: new Date("2026-12-03T01:02:03Z"),
      },
    });
  });
  afterAll(async () => {
    uninstall();
    await t.drop();
  });

  it("hands over what the user may read, with dates intact, and not what is refused", async () => {
    const manager = await createUser(t.db, "MANAGER");
    const state = await prefetchPage(manager, (trpc) => [trpc.capital.governance.queryOptions()]);
    expect(state.queries.map((q) => q.state.status)).toEqual(["success"]);
    const client = new QueryClient({ defaultOptions: { hydrate: { deserializeData: superjson.deserialize } } });
    hydrate(client, state);
    const data = client.getQueryData<{ liquidity: { proposedAt: Date }[] }>(state.queries[0]!.queryKey);
    expect(data?.liquidity[0]?.proposedAt).toEqual(new Date("2026-12-03T01:02:03Z"));

    const compliance = await createUser(t.db, "COMPLIANCE");
    const refused = await prefetchPage(compliance, (trpc) => [trpc.capital.governance.queryOptions()]);
    expect(refused.queries.filter((q) => q.state.status === "success")).toEqual([]);
  });
});
