// The extra e2e staff: distinct emails, each a MANAGER or ADMIN (so each has TOTP), none by default.
import { describe, expect, it } from "vitest";
import { DEMO_USERS, demoUsers } from "./seed-demo";

describe("demoUsers", () => {
  it("is the demo users alone by default", () => {
    expect(demoUsers()).toEqual(DEMO_USERS);
  });

  it("adds one manager and one administrator per extra, with distinct emails", () => {
    const users = demoUsers(3);
    expect(users).toHaveLength(DEMO_USERS.length + 6);
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    const extra = users.slice(DEMO_USERS.length);
    expect(extra.map((u) => u.email)).toEqual([
      "manager-e1@demo.local",
      "admin-e1@demo.local",
      "manager-e2@demo.local",
      "admin-e2@demo.local",
      "manager-e3@demo.local",
      "admin-e3@demo.local",
    ]);
    expect(extra.every((u) => u.role === "MANAGER" || u.role === "ADMIN")).toBe(true);
  });
});
