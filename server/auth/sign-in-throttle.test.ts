// The sign-in throttle (memory store): the IP limit counts failed attempts only, since a successful
// sign-in gives its attempt back; the account limit refuses the attempt after perAccount.
import { describe, expect, it } from "vitest";
import { createSignInThrottle, ThrottledError } from "./sign-in-throttle";

describe("sign-in throttle", () => {
  it("successful sign-ins from one address never use up its allowance", async () => {
    const throttle = createSignInThrottle({ perIp: 2, perAccount: 5, windowS: 60 });
    for (const email of ["a@x.cn", "b@x.cn", "c@x.cn", "d@x.cn", "e@x.cn"]) {
      await throttle.consume("10.1.1.1", email);
      await throttle.clearAccount(email, "10.1.1.1");
    }
    expect(await throttle.peek("10.1.1.1", "f@x.cn")).toBeNull();
  });

  it("failed attempts from one address are refused after perIp, whatever the account", async () => {
    const throttle = createSignInThrottle({ perIp: 2, perAccount: 5, windowS: 60 });
    await throttle.consume("10.1.1.1", "a@x.cn");
    await throttle.consume("10.1.1.1", "b@x.cn");
    await expect(throttle.consume("10.1.1.1", "c@x.cn")).rejects.toBeInstanceOf(ThrottledError);
    // Another address is not affected.
    await expect(throttle.consume("10.2.2.2", "c@x.cn")).resolves.toBeUndefined();
  });
});
