// Report and drill-record procedures (T3-T4). Each one: input schema, permission, one service call.
// The regulatory report lists STRs: its reading is checked per kind (reports.regulatory.view).
import { z } from "zod";
import { hasPermission } from "../../auth/roles";
import { AppError } from "../../errors";
import { listDrills } from "../../reports/drills/drill-history";
import { periodOfKey } from "../../reports/period";
import { assertCanRead, kindsVisibleTo, readReportFor } from "../../reports/report-access";
import { REPORT_KINDS, type ReportKind } from "../../reports/report-kinds";
import {
  createIncidentReview,
  generatePeriodicReport,
  listReports,
  saveIncidentWriteUp,
  signOffIncident,
  type ReportDeps,
} from "../../reports/report-service";
import type { Services } from "../../runtime";
import type { PrismaClient } from "../../db/generated/client";
import { createTRPCRouter, interactiveProcedure, permissionProcedure } from "../trpc";

const id = z.string().min(1).max(64);
const noNul = (s: string) => !s.includes("\u0000");
const text = (max: number) => z.string().trim().max(max).refine(noNul, "must not contain NUL characters");

function deps(prisma: PrismaClient, services: Services): ReportDeps {
  return {
    prisma,
    stressRuns: services.reports.stressRuns,
    now: services.reports.now,
  };
}

export const reportsRouter = createTRPCRouter({
  list: permissionProcedure("reports.view")
    .input(
      // Not strict: the infinite query adds its own "direction" key.
      z.object({
        kind: z.enum(REPORT_KINDS).optional(),
        cursor: id.nullish(),
        limit: z.number().int().min(1).max(100).default(50),
      }),
    )
    .query(({ ctx, input }) => {
      const visible = kindsVisibleTo(ctx.user.role);
      const kinds = input.kind ? visible.filter((k) => k === input.kind) : visible;
      return listReports(ctx.prisma, { kinds, cursor: input.cursor, limit: input.limit });
    }),

  visibleKinds: permissionProcedure("reports.view").query(({ ctx }) => ({
    kinds: kindsVisibleTo(ctx.user.role),
    canGenerate: hasPermission(ctx.user.role, "reports.generate"),
    canWriteIncident: hasPermission(ctx.user.role, "reports.writeIncident"),
    canSignOff: hasPermission(ctx.user.role, "reports.signOff"),
  })),

  get: permissionProcedure("reports.view")
    .input(z.strictObject({ id }))
    .query(({ ctx, input }) => readReportFor(ctx.prisma, ctx.user, input.id)),

  generate: interactiveProcedure("reports.generate")
    .input(
      z.strictObject({
        kind: z.enum(["WEEKLY_RISK", "MONTHLY_STRESS", "REGULATORY"]),
        /** A past period (2026-W48, 2026-11); absent: the period running now (a provisional report). */
        period: z.string().max(10).optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      assertCanRead(ctx.user.role, input.kind satisfies ReportKind);
      const d = deps(ctx.prisma, ctx.services);
      let at: number | undefined;
      if (input.period) {
        const p = periodOfKey(input.period);
        const weekly = input.kind === "WEEKLY_RISK";
        if (!p || p.key.includes("W") !== weekly)
          throw new AppError("BAD_REQUEST", weekly ? "Give a week such as 2026-W48." : "Give a month such as 2026-11.");
        if (p.end.getTime() > d.now()) throw new AppError("BAD_REQUEST", "That period has not ended yet.");
        at = p.start.getTime();
      }
      return generatePeriodicReport(d, { kind: input.kind, at, actor: ctx.user });
    }),

  openIncident: interactiveProcedure("reports.writeIncident")
    .input(
      z
        .strictObject({
          title: text(120).pipe(z.string().min(3, "Give the incident a title of at least 3 characters")),
          from: z.coerce.date(),
          to: z.coerce.date(),
        })
        .refine((v) => v.to > v.from, { message: "The window must end after it starts", path: ["to"] }),
    )
    .mutation(({ ctx, input }) => createIncidentReview(deps(ctx.prisma, ctx.services), ctx.user, input)),

  saveWriteUp: interactiveProcedure("reports.writeIncident")
    .input(
      z.strictObject({
        id,
        version: z.number().int().min(0),
        writeUp: z.strictObject({
          summary: text(4000).pipe(z.string().min(1, "Write a summary")),
          impact: text(4000),
          rootCause: text(4000),
          actions: text(4000),
        }),
      }),
    )
    .mutation(({ ctx, input }) => saveIncidentWriteUp(deps(ctx.prisma, ctx.services), ctx.user, input)),

  signOff: interactiveProcedure("reports.signOff")
    .input(z.strictObject({ id, version: z.number().int().min(0), note: text(1000) }))
    .mutation(async ({ ctx, input }) => {
      await signOffIncident(deps(ctx.prisma, ctx.services), ctx.user, input);
      return { ok: true };
    }),

  drills: permissionProcedure("drills.view")
    .input(z.strictObject({ limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listDrills(ctx.prisma, input.limit)),
});
