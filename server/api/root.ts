import { accountsRouter } from "./routers/accounts";
import { adminRouter } from "./routers/admin";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { liquidationRouter } from "./routers/liquidation";
import { liveRouter } from "./routers/live";
import { liquidationLedgerRouter } from "./routers/liquidation-ledger";
import { oncallRouter } from "./routers/oncall";
import { notificationsRouter } from "./routers/notifications";
import { calendarRouter } from "./routers/calendar";
import { capitalRouter } from "./routers/capital";
import { fundingRouter } from "./routers/funding";
import { marketRouter } from "./routers/market";
import { monitoringRouter } from "./routers/monitoring";
import { preferencesRouter } from "./routers/preferences";
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
  monitoring: monitoringRouter, // feeds, indicators, detectors, alerts, drills
  risk: riskRouter, // margin model, parameters, margin calls, heatmap
  payments: paymentsRouter, // ledger, withdrawals, AML, reconciliation
  liquidation: liquidationRouter, // tickets, review window, execution, waterfall
  liquidationLedger: liquidationLedgerRouter, // an account's liquidation ledger entries (account page)
  oncall: oncallRouter, // duty roster, paging policies, channels, incidents
  calendar: calendarRouter, // bank and exchange calendars (value dates, sessions)
  capital: capitalRouter, // C1-C3 dashboard, liquidity, concentration and hedges
  funding: fundingRouter, // F1 sources, tranches, failover, lending what-if
  surveillance: surveillanceRouter, // cases, flagged accounts, restrict/freeze, STR export, linked-account graph
  reports: reportsRouter, // weekly, stress, regulatory and incident reports; drill records
  stress: stressRouter, // stress scenarios, runs, KPIs and comparison
  live: liveRouter, // "what changed" notices that replace polling
  preferences: preferencesRouter, // the user's own colours, recent symbols and watchlist
  notifications: notificationsRouter, // the bell: my notifications, unread count, mark read
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
