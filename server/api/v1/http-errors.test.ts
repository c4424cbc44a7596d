// The error envelope: an AppError thrown by another bundle's copy of errors.ts (the
// instrumentation bundle, the worker) keeps its status and message (brand check, not instanceof),
// and an unexpected error is a 500 that shows a correlation id and no internals.
import { describe, expect, it, vi } from "vitest";
import { createCallerFactory, createTRPCRouter, publicProcedure } from "../trpc";
import type * as LogModule from "../../log";
import { errorToResponse } from "./http";

// Unexpected errors are reported through the structured logger (domain "api").
const logged = vi.hoisted(() => ({ error: vi.fn() }));
vi.mock("../../log", async (importOriginal) => {
  const actual = await importOriginal<typeof LogModule>();
  return { ...actual, domainLog: () => ({ error: logged.error, warn: vi.fn(), info: vi.fn(), debug: vi.fn() }) };
});

const BRAND: unique symbol = Symbol.for("minute-desk.AppError") as never;

/** What `new AppError(...)` from a second copy of server/errors.ts looks like to this copy. */
class ForeignAppError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

describe("error envelope", () => {
  it("maps an AppError from another bundle to its status (it used to be a 500)", async () => {
    const res = errorToResponse(new ForeignAppError("BAD_REQUEST", "No tradable symbol in sector XYZ."), "test");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "BAD_REQUEST", message: "No tradable symbol in sector XYZ." } });
  });

  it("maps it in tRPC procedures too", async () => {
    const router = createTRPCRouter({
      drill: publicProcedure.mutation(() => {
        throw new ForeignAppError("BAD_REQUEST", "Enter the feed's WebSocket URL.");
      }),
    });
    const caller = createCallerFactory(router)({} as never);
    await expect(caller.drill()).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Enter the feed's WebSocket URL.",
    });
  });

  it("hides internals of an unexpected error behind a correlation id that is logged with the details", async () => {
    logged.error.mockClear();
    const res = errorToResponse(
      new Error('invalid byte sequence for encoding "UTF8": 0x00 in prisma.account.findUnique()'),
      "test",
    );
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string; ref: string } };
    expect(body.error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(body.error.message).not.toMatch(/prisma|UTF8|0x00/);
    expect(body.error.ref).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error.message).toContain(body.error.ref);
    expect(logged.error).toHaveBeenCalledTimes(1);
    expect(logged.error.mock.calls[0]?.[0]).toMatchObject({
      ref: body.error.ref,
      err: expect.objectContaining({ message: expect.stringContaining("prisma.account.findUnique") }),
    });
  });
});
