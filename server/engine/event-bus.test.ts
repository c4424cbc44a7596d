// The in-process event bus and the async iterator a tRPC subscription reads from it.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createInProcessBus, iterateTopic, type BusEvent, type EventBus } from "./event-bus";

// The bus reports a failing handler through the structured logger (domain "bus").
const logged = vi.hoisted(() => ({ error: vi.fn() }));
vi.mock("../log", () => ({ domainLog: () => ({ error: logged.error, warn: vi.fn(), info: vi.fn(), debug: vi.fn() }) }));

/** The per-bus sequence number at the end of an id "<ms>-<seq>". */
function seqOf(id: string): number {
  const m = /^(\d+)-(\d+)$/.exec(id);
  expect(m, id).not.toBeNull();
  return Number(m?.[2]);
}

/** A bus that counts live subscriptions, to see whether an iterator has let go of its topic. */
function countingBus(): { bus: EventBus; active: () => number } {
  const inner = createInProcessBus();
  let active = 0;
  return {
    active: () => active,
    bus: {
      publish: (topic, data) => inner.publish(topic, data),
      subscribe<T>(topic: string, handler: (event: BusEvent<T>) => void) {
        active += 1;
        const unsubscribe = inner.subscribe(topic, handler);
        return () => {
          active -= 1;
          unsubscribe();
        };
      },
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("createInProcessBus", () => {
  it("delivers an event to the subscribers of its topic only", () => {
    const bus = createInProcessBus();
    const a1: BusEvent[] = [];
    const a2: BusEvent[] = [];
    const b: BusEvent[] = [];
    bus.subscribe("bars:600000", (e) => a1.push(e));
    bus.subscribe("bars:600000", (e) => a2.push(e));
    bus.subscribe("bars:000001", (e) => b.push(e));

    const sent = bus.publish("bars:600000", { close: 10.5 });

    expect(sent.topic).toBe("bars:600000");
    expect(sent.data).toEqual({ close: 10.5 });
    expect(a1).toEqual([sent]);
    expect(a2).toEqual([sent]);
    expect(b).toEqual([]);
  });

  it("publishes to a topic with no subscriber without error", () => {
    const bus = createInProcessBus();
    expect(bus.publish("nobody", 1).data).toBe(1);
  });

  it("gives ids of the form <ms>-<seq> whose sequence increases by one per publish, across topics", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c"), { minLength: 1, maxLength: 40 }), (topics) => {
        const bus = createInProcessBus();
        const ids = topics.map((t) => bus.publish(t, null).id);
        expect(ids.map(seqOf)).toEqual(topics.map((_, i) => i + 1));
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });

  it("stamps ids with the publish time", () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 5, 1, 30) });
    try {
      const bus = createInProcessBus();
      expect(bus.publish("t", 1).id).toBe(`${Date.UTC(2026, 0, 5, 1, 30)}-1`);
    } finally {
      vi.useRealTimers();
    }
  });

  it("stops delivering to a handler once it unsubscribes, and keeps delivering to the others", () => {
    const bus = createInProcessBus();
    const kept: unknown[] = [];
    const dropped: unknown[] = [];
    bus.subscribe<number>("t", (e) => kept.push(e.data));
    const unsubscribe = bus.subscribe<number>("t", (e) => dropped.push(e.data));
    bus.publish("t", 1);
    unsubscribe();
    bus.publish("t", 2);
    expect(kept).toEqual([1, 2]);
    expect(dropped).toEqual([1]);
  });

  it("delivers again to a topic subscribed afresh after its last subscriber left", () => {
    const bus = createInProcessBus();
    const first: unknown[] = [];
    const second: unknown[] = [];
    bus.subscribe("t", (e) => first.push(e.data))();
    bus.subscribe("t", (e) => second.push(e.data));
    bus.publish("t", 1);
    expect(first).toEqual([]);
    expect(second).toEqual([1]);
  });

  it("keeps delivering to the other handlers when one throws, and logs the failure", () => {
    logged.error.mockClear();
    const bus = createInProcessBus();
    const before: unknown[] = [];
    const after: unknown[] = [];
    bus.subscribe("t", (e) => before.push(e.data));
    bus.subscribe("t", () => {
      throw new Error("boom");
    });
    bus.subscribe("t", (e) => after.push(e.data));

    expect(() => bus.publish("t", 1)).not.toThrow();
    bus.publish("t", 2);

    expect(before).toEqual([1, 2]);
    expect(after).toEqual([1, 2]);
    expect(logged.error).toHaveBeenCalledTimes(2);
    expect(logged.error.mock.calls[0]?.[0]).toMatchObject({
      topic: "t",
      err: expect.objectContaining({ message: "boom" }),
    });
  });
});

describe("iterateTopic", () => {
  it("yields, in order, the events published after the call, even before the first next()", async () => {
    const bus = createInProcessBus();
    bus.publish("t", "too early");
    const it = iterateTopic<string>(bus, "t", new AbortController().signal);
    bus.publish("t", "a");
    bus.publish("other", "not mine");
    bus.publish("t", "b");

    expect((await it.next()).value?.data).toBe("a");
    expect((await it.next()).value?.data).toBe("b");

    const pending = it.next();
    bus.publish("t", "c");
    const third = await pending;
    expect(third.done).toBe(false);
    expect(third.value?.data).toBe("c");
    await it.return(undefined);
  });

  it("yields the events in publish order (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer(), { maxLength: 30 }), async (values) => {
        const bus = createInProcessBus();
        const controller = new AbortController();
        const it = iterateTopic<number>(bus, "t", controller.signal);
        for (const v of values) bus.publish("t", v);
        const got: number[] = [];
        for (let i = 0; i < values.length; i++) {
          const r = await it.next();
          if (!r.done) got.push(r.value.data);
        }
        controller.abort();
        expect((await it.next()).done).toBe(true);
        expect(got).toEqual(values);
      }),
    );
  });

  it("drops the oldest events beyond maxBuffer", async () => {
    const bus = createInProcessBus();
    const controller = new AbortController();
    const it = iterateTopic<number>(bus, "t", controller.signal, 3);
    for (const v of [1, 2, 3, 4, 5]) bus.publish("t", v);

    const got: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await it.next();
      if (!r.done) got.push(r.value.data);
    }
    expect(got).toEqual([3, 4, 5]);

    // Nothing else was kept: the next read waits, and ends when the signal aborts.
    const pending = it.next();
    controller.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it("finishes when the signal aborts while waiting, and lets go of the topic", async () => {
    const { bus, active } = countingBus();
    const controller = new AbortController();
    const it = iterateTopic<number>(bus, "t", controller.signal);
    expect(active()).toBe(1);

    const pending = it.next();
    controller.abort();

    expect(await pending).toEqual({ done: true, value: undefined });
    expect(active()).toBe(0);
    bus.publish("t", 1);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it("finishes at the first next() when the signal aborted before it, even with events queued", async () => {
    const { bus, active } = countingBus();
    const controller = new AbortController();
    const it = iterateTopic<number>(bus, "t", controller.signal);
    bus.publish("t", 1);
    controller.abort();
    expect(await it.next()).toEqual({ done: true, value: undefined });
    expect(active()).toBe(0);
  });

  it("lets go of the topic when the consumer stops early (for await ... break)", async () => {
    const { bus, active } = countingBus();
    const it = iterateTopic<number>(bus, "t", undefined);
    bus.publish("t", 1);
    bus.publish("t", 2);
    const seen: number[] = [];
    for await (const e of it) {
      seen.push(e.data);
      break;
    }
    expect(seen).toEqual([1]);
    expect(active()).toBe(0);
  });

  it("without a signal keeps yielding until returned", async () => {
    const bus = createInProcessBus();
    const it = iterateTopic<number>(bus, "t", undefined);
    const pending = it.next();
    bus.publish("t", 7);
    expect((await pending).value?.data).toBe(7);
    bus.publish("t", 8);
    expect((await it.next()).value?.data).toBe(8);
    expect(await it.return(undefined)).toEqual({ done: true, value: undefined });
  });

  it("releases the subscription on abort even when the iterator was never started", () => {
    const { bus, active } = countingBus();
    const controller = new AbortController();
    iterateTopic<number>(bus, "t", controller.signal);
    expect(active()).toBe(1);
    controller.abort();
    expect(active()).toBe(0);
  });

  it("close() releases a never-started iterator", () => {
    const { bus, active } = countingBus();
    const it = iterateTopic<number>(bus, "t", undefined);
    it.close();
    expect(active()).toBe(0);
  });
});

describe("unsubscribe", () => {
  it("is idempotent: calling it twice does not remove a later subscriber of the topic", () => {
    const bus = createInProcessBus();
    const seen: number[] = [];
    const un = bus.subscribe<number>("t", () => seen.push(-1));
    un();
    bus.subscribe<number>("t", (e) => seen.push(e.data));
    un();
    bus.publish("t", 1);
    expect(seen).toEqual([1]);
  });
});
