// End-to-end tests in Debian's Chromium against `next start` on its own port with a fresh data
// folder (PGlite seeded on first start) and an accelerated clock (one simulated minute = 2 s).
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = PORT === 3100 ? ".data-e2e" : `.data-e2e-${PORT}`;

export default defineConfig({
  testDir: "e2e",
  // Specs not yet seen passing wait in e2e/unverified/ (each with a note why) and are not run.
  testIgnore: ["**/unverified/**"],
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // On CI the HTML report (traces of failures) and a JUnit file stay in playwright-report/ and test-results/.
  reporter: process.env.CI
    ? [
        ["list"],
        ["html", { open: "never", outputFolder: "playwright-report" }],
        ["junit", { outputFile: "test-results/junit.xml" }],
      ]
    : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "en-US",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // The liquidation spec crashes the whole market (hundreds of tickets executing on one shared server):
  // it runs after every other spec, so none of them sees that market. The on-call spec crashes it
  // harder still, so it runs last of all.
  projects: [
    // A project's testIgnore replaces the top-level one: repeat the unverified folder here.
    { name: "app", testIgnore: [/(liquidation|oncall)\.spec\.ts$/, "**/unverified/**"] },
    { name: "market-crash", testMatch: /liquidation\.spec\.ts$/, dependencies: ["app"] },
    { name: "oncall", testMatch: /oncall\.spec\.ts$/, dependencies: ["market-crash"] },
  ],
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && next start -p ${PORT}`,
    url: `http://localhost:${PORT}/api/v1/health`,
    // First start seeds the demo book; on a two-core machine shared with other builds that took over 180 s.
    timeout: 360_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      NEXT_MANUAL_SIG_HANDLE: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      MINUTE_DESK_DATA_DIR: E2E_DATA_DIR,
      CLOCK_SPEED: "30",
      DEMO_ACCOUNTS: "1000",
      // A manager and an administrator of its own for each test that needs one (e2e/fixtures.ts claimStaff).
      DEMO_EXTRA_STAFF: "40",
      // 45 s of engine time is 1.5 s of wall time at x30: give the desk 10 minutes (20 s) to act on a ticket.
      DEMO_REVIEW_WINDOW_S: "600",
    },
  },
});
