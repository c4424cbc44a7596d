// Accounts: the live list and one account's risk picture. Each procedure validates,
// authorizes and calls one service.
import { z } from "zod";
import {
  ACCOUNT_SORTS,
  getAccountRisk,
  listAccountDecisions,
  listAccountMarginCalls,
  listAccounts,
} from "../../accounts/accounts-service";
import type { RISK_STATUSES } from "../../risk/margin/risk-params";
import { explainAccountAt, loadAccountHistory } from "../../risk/replay/replay-service";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const accountId = z.string().min(1).max(64);

export const accountsRouter = createTRPCRouter({
  list: permissionProcedure("accounts.view")
    .input(
      z.object({
        search: z.string().max(64, "Search text is too long").optional(),
        status: z.enum(["HEALTHY", "WARNING", "LIQUIDATION", "HARD_FLOOR"] satisfies typeof RISK_STATUSES).optional(),
        symbol: z
          .string()
          .trim()
          .regex(/^\d{6}\.(SH|SZ)$/, "Symbol codes look like 600519.SH")
          .optional(),
        flagged: z.boolean().optional(),
        sort: z.enum(ACCOUNT_SORTS).optional(),
        dir: z.enum(["asc", "desc"]).optional(),
        cursor: z.string().max(96, "cursor: not a cursor this list returned").optional(),
        limit: z.number().int().min(1).max(5000).default(50),
      }),
    )
    .query(({ ctx, input }) => listAccounts(ctx, input)),
  risk: permissionProcedure("accounts.view")
    .input(z.object({ id: accountId }))
    .query(({ ctx, input }) => getAccountRisk(ctx, input.id)),
  marginCalls: permissionProcedure("accounts.view")
    .input(z.object({ id: accountId }))
    .query(({ ctx, input }) => listAccountMarginCalls(ctx, input.id)),
  decisions: permissionProcedure("accounts.view")
    .input(z.object({ id: accountId }))
    .query(({ ctx, input }) => listAccountDecisions(ctx, input.id)),
  /** A2: the account replayed at a recorded minute (latest when omitted): figures, per-position margin, version. */
  why: permissionProcedure("accounts.view")
    .input(z.object({ id: accountId, minuteTs: z.number().int().optional() }))
    .query(({ ctx, input }) => explainAccountAt(ctx.prisma, input.id, input.minuteTs)),
  history: permissionProcedure("accounts.view")
    .input(z.object({ id: accountId, limit: z.number().int().min(2).max(1440).default(240) }))
    .query(({ ctx, input }) => loadAccountHistory(ctx.prisma, input.id, input.limit)),
});
