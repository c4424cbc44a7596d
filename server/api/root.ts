import { accountsRouter } from "./routers/accounts";
import { adminRouter } from "./routers/admin";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { liquidationRouter } from "./routers/liquidation";
import { liquidationLedgerRouter } from "./routers/liquidation-ledger";
import { oncallRouter } from "./routers/oncall";
import { calendarRouter } from "./routers/calendar";
import { capitalRouter } from "./routers/capital";
import { fundingRouter } from "./routers/funding";
import { marketRouter } from "./routers/market";
import { monitoringRouter } from "./routers/monitoring";
import { paymentsRouter } from "./routers/payments";
import { reportsRouter } from "./routers/reports";
import { riskRouter } from "./routers/risk";
import { stressRouter } from "./routers/stress";
import { surveillanceRouter } from "./routers/surveillance";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  market: marketRouter,
  accounts: accountsRouter,
  audit: auditRouter,
  admin: adminRouter,
  monitoring: monitoringRouter, // issue 3: feeds, indicators, detectors, alerts, drills
  risk: riskRouter, // issue 4: margin model, parameters, margin calls, heatmap
  payments: paymentsRouter, // issue 5: ledger, withdrawals, AML, reconciliation
  liquidation: liquidationRouter, // issue 10: tickets, review window, execution, waterfall
  liquidationLedger: liquidationLedgerRouter, // issue 10: an account's liquidation ledger entries (account page)
  oncall: oncallRouter, // issue 16: duty roster, paging policies, channels, incidents
  calendar: calendarRouter, // bank and exchange calendars (value dates, sessions)
  capital: capitalRouter, // issue 12: C1-C3 dashboard, liquidity, concentration and hedges
  funding: fundingRouter, // issue 12: F1 sources, tranches, failover, lending what-if
  surveillance: surveillanceRouter, // issue 11: cases, flagged accounts, restrict/freeze, STR export, linked-account graph
  reports: reportsRouter, // issue 13: weekly, stress, regulatory and incident reports; drill records
  stress: stressRouter, // issue 13: stress scenarios, runs, KPIs and comparison
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
