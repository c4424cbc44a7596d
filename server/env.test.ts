// Configuration: defaults, and each bad setting refused with a ConfigError that names it.
import { describe, expect, it } from "vitest";
import { ConfigError, isDemoMode, parseEnv } from "./env";

/** Runs parseEnv and returns the ConfigError it throws (fails the test if it does not throw one). */
function configError(source: Record<string, string | undefined>): ConfigError {
  try {
    parseEnv(source);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`);
}

/** The variable names a ConfigError message lists, one per "  NAME: reason" line. */
function namedVariables(err: ConfigError): string[] {
  return [...err.message.matchAll(/^ {2}([A-Z_]+): /gm)].map((m) => m[1] ?? "");
}

describe("parseEnv defaults", () => {
  it("with an empty environment: demo mode, real-time clock, data under .data", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(isDemoMode(env)).toBe(true);
    expect(env.CLOCK_SPEED).toBe(1);
    expect(env.MINUTE_DESK_DATA_DIR).toBe(".data");
    expect(env.ENGINE).toBe("on");
    expect(env.DEMO_SEED).toBe(42);
    expect(env.DEMO_SYMBOLS).toBe(300);
    expect(env.DEMO_ACCOUNTS).toBe(3000);
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
  });

  it("ignores variables it does not know", () => {
    expect(parseEnv({ PATH: "/usr/bin", HOME: "/root" })).toEqual(parseEnv({}));
  });
});

describe("DATABASE_URL", () => {
  it.each(["postgresql://user:pw@localhost:5432/minute", "postgres://db.internal/minute?sslmode=require"])(
    "accepts %s and leaves demo mode",
    (url) => {
      const env = parseEnv({ DATABASE_URL: url });
      expect(env.DATABASE_URL).toBe(url);
      expect(isDemoMode(env)).toBe(false);
    },
  );

  it("trims surrounding whitespace", () => {
    expect(parseEnv({ DATABASE_URL: "  postgresql://localhost/minute \n" }).DATABASE_URL).toBe(
      "postgresql://localhost/minute",
    );
  });

  it.each(["", "   "])("treats %j as unset: demo mode", (value) => {
    const env = parseEnv({ DATABASE_URL: value });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(isDemoMode(env)).toBe(true);
  });

  it.each(["mysql://x", "postgresql://", "http://localhost:5432/minute", "localhost:5432", "postgresql://a b/c"])(
    "refuses %j with a ConfigError naming DATABASE_URL",
    (url) => {
      const err = configError({ DATABASE_URL: url });
      expect(namedVariables(err)).toEqual(["DATABASE_URL"]);
      expect(err.message).toMatch(/postgresql:\/\//);
    },
  );
});

describe("CLOCK_SPEED", () => {
  it.each([
    ["1", 1],
    ["30", 30],
    ["600", 600],
    ["2.5", 2.5],
  ])("accepts %s", (value, expected) => {
    expect(parseEnv({ CLOCK_SPEED: value }).CLOCK_SPEED).toBe(expected);
  });

  it.each([
    ["fast", /must be a number/],
    ["0", /at least 1/],
    ["0.5", /at least 1/],
    ["-30", /at least 1/],
    ["601", /at most 600/],
    ["1000", /at most 600/],
  ])("refuses %j naming CLOCK_SPEED", (value, reason) => {
    const err = configError({ CLOCK_SPEED: value });
    expect(namedVariables(err)).toEqual(["CLOCK_SPEED"]);
    expect(err.message).toMatch(reason);
  });
});

describe("MINUTE_DESK_DATA_DIR", () => {
  it.each([".data", ".data-e2e", "data_2", "minute.desk"])("accepts the plain folder name %s", (dir) => {
    expect(parseEnv({ MINUTE_DESK_DATA_DIR: dir }).MINUTE_DESK_DATA_DIR).toBe(dir);
  });

  it.each(["a/b", "../x", "/tmp/data", "..\\x", "data/", "", "my data", ".", ".."])(
    "refuses %j naming the variable",
    (dir) => {
      const err = configError({ MINUTE_DESK_DATA_DIR: dir });
      expect(namedVariables(err)).toEqual(["MINUTE_DESK_DATA_DIR"]);
    },
  );
});

describe("NEXTAUTH_SECRET and NEXTAUTH_URL", () => {
  it("refuses a secret of 31 characters and accepts 32", () => {
    const err = configError({ NEXTAUTH_SECRET: "x".repeat(31) });
    expect(namedVariables(err)).toEqual(["NEXTAUTH_SECRET"]);
    expect(err.message).toMatch(/at least 32/);
    expect(parseEnv({ NEXTAUTH_SECRET: "x".repeat(32) }).NEXTAUTH_SECRET).toBe("x".repeat(32));
  });

  it("refuses a relative NEXTAUTH_URL", () => {
    expect(namedVariables(configError({ NEXTAUTH_URL: "localhost" }))).toEqual(["NEXTAUTH_URL"]);
    expect(parseEnv({ NEXTAUTH_URL: "http://localhost:3000" }).NEXTAUTH_URL).toBe("http://localhost:3000");
  });
});

describe("PAYMENTS_CALLBACK_SECRET", () => {
  it("refuses 31 characters, accepts 32, and treats an empty value as unset (demo derives one)", () => {
    const err = configError({ PAYMENTS_CALLBACK_SECRET: "s".repeat(31) });
    expect(namedVariables(err)).toEqual(["PAYMENTS_CALLBACK_SECRET"]);
    expect(err.message).toMatch(/at least 32/);
    expect(parseEnv({ PAYMENTS_CALLBACK_SECRET: "s".repeat(32) }).PAYMENTS_CALLBACK_SECRET).toBe("s".repeat(32));
    expect(parseEnv({ PAYMENTS_CALLBACK_SECRET: "" }).PAYMENTS_CALLBACK_SECRET).toBeUndefined();
  });
});

describe("ENGINE and demo sizes", () => {
  it("accepts on/off and refuses anything else", () => {
    expect(parseEnv({ ENGINE: "off" }).ENGINE).toBe("off");
    expect(namedVariables(configError({ ENGINE: "true" }))).toEqual(["ENGINE"]);
  });

  it("bounds DEMO_SYMBOLS to 10..5000", () => {
    expect(parseEnv({ DEMO_SYMBOLS: "10" }).DEMO_SYMBOLS).toBe(10);
    expect(namedVariables(configError({ DEMO_SYMBOLS: "9" }))).toEqual(["DEMO_SYMBOLS"]);
    expect(namedVariables(configError({ DEMO_SYMBOLS: "5001" }))).toEqual(["DEMO_SYMBOLS"]);
  });
});

describe("several bad settings", () => {
  it("are all named in one ConfigError", () => {
    const err = configError({ DATABASE_URL: "mysql://x", CLOCK_SPEED: "fast", NEXTAUTH_SECRET: "short" });
    expect(namedVariables(err).sort()).toEqual(["CLOCK_SPEED", "DATABASE_URL", "NEXTAUTH_SECRET"]);
    expect(err.message.split("\n")[0]).toBe("Invalid configuration:");
  });
});
