// Configuration: every environment variable the server reads, validated once with zod.
// Nothing else in server/ reads process.env; bad config fails at start with the setting's name.
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: "must be a postgresql:// URL (leave it unset for the embedded PGlite database under .data/)",
    }),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url("must be an absolute URL such as http://localhost:3000").optional(),
  MINUTE_DESK_DATA_DIR: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, "must be a plain folder name inside the project (e.g. .data-e2e)")
    .refine((v) => !/^\.+$/.test(v), "must be a plain folder name inside the project, not . or ..")
    .default(".data"),
  CLOCK_SPEED: z.coerce
    .number({ message: "must be a number" })
    .min(1, "must be at least 1 (1 = real time)")
    .max(600, "must be at most 600")
    .default(1),
  ENGINE: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on"),
  /** This process's name as the engine leader (health, fencing); default host:pid. */
  INSTANCE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/, "must be 1-64 letters, digits, dots, colons, dashes or underscores")
    .optional(),
  /** PostgreSQL: how often a standby engine retries the leader lock (real ms). */
  LEADER_RETRY_MS: z.coerce.number().int("must be a whole number of ms").min(50).max(60_000).default(10_000),
  DEMO_SEED: z.coerce.number().int().default(42),
  DEMO_SYMBOLS: z.coerce.number().int().min(10).max(5000).default(300),
  DEMO_ACCOUNTS: z.coerce.number().int().min(10).max(200000).default(3000),
  /** Demo mode, first start: this many more managers and administrators with TOTP (the e2e suite uses them). */
  DEMO_EXTRA_STAFF: z.coerce.number().int("must be a whole number").min(0).max(50).default(0),
  /** Demo mode: the liquidation review window of the demo parameters (engine seconds; default the planner's 45). */
  DEMO_REVIEW_WINDOW_S: z.coerce.number().int("must be a whole number of seconds").min(0).max(3600).optional(),
  /** HMAC secret of the bank callback (P1); in demo mode, when unset, derived from the auth secret. */
  PAYMENTS_CALLBACK_SECRET: z
    .string()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || v.length >= 32, { message: "must be at least 32 characters" }),
  REDIS_URL: z
    .string()
    .url()
    .refine((v) => /^rediss?:\/\//.test(v), { message: "must be a redis:// or rediss:// URL" })
    .optional(),
  /** The event bus's channel namespace on Redis / LISTEN-NOTIFY (keeps deployments on one server apart). */
  BUS_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,40}$/, "must be 1-40 letters, digits or underscores")
    .default("minutedesk"),
  METRICS_TOKEN: z.string().min(24, "must be at least 24 characters (a scrape secret)").optional(),
  /** On-call: 32 random bytes, base64; seals channel secrets and signs acknowledge links (demo: generated). */
  ONCALL_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(v), {
      message: "must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)",
    })
    .optional(),
  /** On-call email: smtp:// or smtps:// URL of the mail relay; email channels fail over without it. */
  ONCALL_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
    .optional(),
  ONCALL_EMAIL_FROM: z.string().email("must be an email address").default("minute-desk@localhost.localdomain"),
  /** On-call: the console's address as people reach it, for links in messages (default NEXTAUTH_URL). */
  ONCALL_CONSOLE_URL: z.string().url("must be an absolute URL such as https://desk.example.com").optional(),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      message: "must be fatal, error, warn, info, debug, trace or silent",
    })
    .default("info"),
});

export type Env = z.infer<typeof schema>;

/** Thrown when a setting is invalid; the message names each offending variable. */
export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function isDemoMode(env: Env = getEnv()): boolean {
  return env.DATABASE_URL === undefined;
}
