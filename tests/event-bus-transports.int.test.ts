// Issue 14: the event bus across processes. Two bus instances on one transport (Redis pub/sub at
// TEST_REDIS_URL, PostgreSQL LISTEN/NOTIFY at TEST_DATABASE_URL) see each other's events in publication
// order with the publisher's ids; a client resuming from an id on the other instance gets exactly the
// events it missed; a live stream resumed from an id neither repeats nor skips one.
import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { postgresTransport, redisTransport } from "@/server/engine/bus-transports";
import { createDistributedBus, type BusTransport, type DistributedBus } from "@/server/engine/distributed-bus";
import type { BusEvent } from "@/server/engine/event-bus";
import { resumeTopic } from "@/server/engine/resume-topic";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PG_URL = process.env.TEST_DATABASE_URL;

const TRANSPORTS: Array<[string, (ns: string) => BusTransport]> = [["redis", (ns) => redisTransport(REDIS_URL, ns)]];
if (PG_URL) TRANSPORTS.push(["postgres", (ns) => postgresTransport(PG_URL, ns)]);

let open: DistributedBus[] = [];
afterEach(async () => {
  await Promise.all(open.map((b) => b.close()));
  open = [];
});

describe.each(TRANSPORTS)("event bus over %s", (_name, make) => {
  async function pair(): Promise<[DistributedBus, DistributedBus]> {
    const ns = `test_${crypto.randomBytes(6).toString("hex")}`; // a channel of this test alone
    const a = await createDistributedBus(make(ns), "a");
    const b = await createDistributedBus(make(ns), "b");
    open.push(a, b);
    return [a, b];
  }
  function collect(bus: DistributedBus, topic: string): Array<BusEvent<number>> {
    const seen: Array<BusEvent<number>> = [];
    bus.subscribe<number>(topic, (e) => seen.push(e));
    return seen;
  }

  it("two instances see each other's events in order, with the publisher's ids", async () => {
    const [a, b] = await pair();
    const onA = collect(a, "t");
    const onB = collect(b, "t");
    const sent = [1, 2, 3, 4, 5].map((n) => a.publish("t", n));
    await expect.poll(() => onB.length, { timeout: 5000 }).toBe(5);
    expect(onB.map((e) => e.data)).toEqual([1, 2, 3, 4, 5]);
    expect(onB.map((e) => e.id)).toEqual(sent.map((e) => e.id));
    b.publish("t", 6);
    await expect.poll(() => onA.length, { timeout: 5000 }).toBe(6);
    expect(onA.map((e) => e.data)).toEqual([1, 2, 3, 4, 5, 6]);
    // Ids grow per topic on one publisher: 1-a .. 5-a.
    expect(sent.map((e) => e.id.split("-").slice(1).join("-"))).toEqual(["1-a", "2-a", "3-a", "4-a", "5-a"]);
  });

  it("resume from an id on the other instance replays exactly the missed events, then the live ones", async () => {
    const [a, b] = await pair();
    const onB = collect(b, "r");
    const sent = [10, 20, 30, 40].map((n) => a.publish("r", n));
    await expect.poll(() => onB.length, { timeout: 5000 }).toBe(4);
    // The client saw 10 and 20 through instance a, then reconnects to b with lastEventId = 20's id.
    expect(b.since("r", sent[1]?.id ?? "").map((e) => e.data)).toEqual([30, 40]);
    const ctrl = new AbortController();
    const stream = resumeTopic<number>(b, "r", sent[1]?.id, ctrl.signal);
    a.publish("r", 50);
    const got: number[] = [];
    for await (const e of stream) {
      got.push(e.data);
      if (got.length === 3) break;
    }
    ctrl.abort();
    expect(got).toEqual([30, 40, 50]);
  });
});
