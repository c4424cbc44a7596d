// On-call procedures: who is on duty, the roster, channels, paging policies (maker-checker with a
// step-up), incidents with acknowledge and resolve, and a drill page. Thin: schema, permission, one
// domain call.
import { z } from "zod";
import { AppError } from "../../errors";
import { CHANNEL_KINDS } from "../../oncall/channels/message";
import { webhookUrlProblem } from "../../oncall/channels/webhook-url";
import { addChannel, listChannels, openChannel, removeChannel, updateChannel } from "../../oncall/channel-store";
import { acknowledgeIncident, resolveIncident } from "../../oncall/incident-actions";
import { incidentDetail, listIncidents, myOpenPages } from "../../oncall/incident-queries";
import { PAGED_ROLES, pagingPolicySchema } from "../../oncall/policy";
import { decidePolicy, listPolicyVersions, proposePolicy } from "../../oncall/policy-store";
import { SHIFT_KINDS, shiftWindow } from "../../oncall/roster";
import { addShift, listRoster, onDutyNow, removeShift, setHandoverNote } from "../../oncall/roster-store";
import { createTRPCRouter, interactiveProcedure, permissionProcedure, stepUpProcedure } from "../trpc";

const id = z.string().min(1).max(64);
const DAY_MS = 86_400_000;
const noNul = (s: string) => !s.includes("\u0000");
const text = (max: number) => z.string().trim().max(max).refine(noNul, "must not contain NUL characters");

const channelInput = z
  .strictObject({
    userId: id,
    kind: z.enum(CHANNEL_KINDS),
    label: text(80).pipe(z.string().min(1, "Give the channel a name")),
    target: text(2000),
    secret: text(500).optional(),
    priority: z.number().int().min(0).max(99),
  })
  .superRefine((v, c) => {
    if (v.kind === "EMAIL") {
      if (!z.email().safeParse(v.target).success)
        c.addIssue({ code: "custom", path: ["target"], message: "an email address" });
      return;
    }
    const problem = webhookUrlProblem(v.target);
    if (problem) c.addIssue({ code: "custom", path: ["target"], message: problem });
    if ((v.kind === "DINGTALK" || v.kind === "FEISHU" || v.kind === "WEBHOOK") && !v.secret) {
      c.addIssue({ code: "custom", path: ["secret"], message: "signed webhooks need their signing secret" });
    }
  });

export const oncallRouter = createTRPCRouter({
  onDuty: permissionProcedure("oncall.view").query(({ ctx }) => onDutyNow(ctx.prisma, ctx.services.oncall.now())),
  roster: permissionProcedure("oncall.view")
    .input(
      z
        .strictObject({ from: z.number().int(), to: z.number().int() })
        .refine((v) => v.to > v.from && v.to - v.from <= 62 * DAY_MS, "a range of at most 62 days"),
    )
    .query(({ ctx, input }) => listRoster(ctx.prisma, input.from, input.to)),
  people: permissionProcedure("oncall.manage").query(({ ctx }) =>
    ctx.prisma.user.findMany({
      where: { disabled: false, role: { in: [...PAGED_ROLES] } },
      select: { id: true, name: true, email: true, role: true },
      orderBy: [{ role: "asc" }, { name: "asc" }],
      take: 500,
    }),
  ),
  addShift: interactiveProcedure("oncall.manage")
    .input(
      z.strictObject({
        role: z.enum(PAGED_ROLES),
        userId: id,
        position: z.number().int().min(1).max(2),
        day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD"),
        kind: z.enum(SHIFT_KINDS),
        handoverNote: text(1000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      let window: { startsAt: number; endsAt: number };
      try {
        window = shiftWindow(input.day, input.kind);
      } catch {
        throw new AppError("BAD_REQUEST", "day: not a calendar day");
      }
      return addShift(ctx.prisma, ctx.user, { ...input, ...window });
    }),
  removeShift: interactiveProcedure("oncall.manage")
    .input(z.strictObject({ id }))
    .mutation(({ ctx, input }) => removeShift(ctx.prisma, ctx.user, input.id)),
  setHandover: interactiveProcedure("oncall.manage")
    .input(z.strictObject({ id, note: text(1000) }))
    .mutation(({ ctx, input }) => setHandoverNote(ctx.prisma, ctx.user, input.id, input.note)),

  channels: permissionProcedure("oncall.view").query(({ ctx }) => listChannels(ctx.prisma)),
  addChannel: interactiveProcedure("oncall.manage")
    .input(channelInput)
    .mutation(({ ctx, input }) => addChannel(ctx.prisma, ctx.services.oncall.box, ctx.user, input)),
  updateChannel: interactiveProcedure("oncall.manage")
    .input(
      z.strictObject({ id, enabled: z.boolean().optional(), priority: z.number().int().min(0).max(99).optional() }),
    )
    .mutation(({ ctx, input }) => updateChannel(ctx.prisma, ctx.user, input)),
  removeChannel: interactiveProcedure("oncall.manage")
    .input(z.strictObject({ id }))
    .mutation(({ ctx, input }) => removeChannel(ctx.prisma, ctx.user, input.id)),
  testChannel: interactiveProcedure("oncall.manage")
    .input(z.strictObject({ id }))
    .mutation(async ({ ctx, input }) => {
      const svc = ctx.services.oncall;
      const row = await ctx.prisma.oncallChannel.findUnique({ where: { id: input.id } });
      if (!row) throw new AppError("NOT_FOUND", "That channel does not exist.");
      const link = new URL("/oncall", svc.consoleUrl).toString();
      try {
        await svc.sender.send(openChannel(svc.box, row), {
          title: "Test page from Minute Desk",
          detail: `Sent by ${ctx.user.email} to check this channel.`,
          zh: { title: "Minute Desk 测试通知", detail: `由 ${ctx.user.email} 发送，用于检查此渠道。` },
          severity: "INFO",
          link,
          ackLink: link,
          incidentId: "test",
          level: 0,
        });
        return { ok: true as const, error: null };
      } catch (err) {
        return { ok: false as const, error: (err as Error).message.slice(0, 300) };
      }
    }),

  policies: permissionProcedure("oncall.view").query(({ ctx }) => listPolicyVersions(ctx.prisma)),
  proposePolicy: interactiveProcedure("oncall.manage")
    .input(
      z.strictObject({
        policy: pagingPolicySchema,
        reason: text(1000).pipe(z.string().min(5, "Give a reason (at least 5 characters)")),
      }),
    )
    .mutation(({ ctx, input }) => proposePolicy(ctx.prisma, ctx.user, input)),
  decidePolicy: stepUpProcedure("oncall.approvePolicy")
    .input(
      z.strictObject({
        version: z.number().int().min(1),
        approve: z.boolean(),
        note: text(500).optional(),
        totpCode: z
          .string()
          .regex(/^\d{6}$/)
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) => decidePolicy(ctx.prisma, ctx.user, input)),

  incidents: permissionProcedure("oncall.view")
    .input(
      z.strictObject({
        scope: z.enum(["open", "all"]),
        take: z.number().int().min(1).max(200).default(50),
        /** One incident only (the console link in a page message). */
        id: id.optional(),
      }),
    )
    .query(({ ctx, input }) => listIncidents(ctx.prisma, input)),
  incident: permissionProcedure("oncall.view")
    .input(z.strictObject({ id }))
    .query(async ({ ctx, input }) => {
      const d = await incidentDetail(ctx.prisma, input.id);
      if (!d) throw new AppError("NOT_FOUND", "That incident does not exist.");
      return d;
    }),
  myPages: permissionProcedure("oncall.view").query(({ ctx }) => myOpenPages(ctx.prisma, ctx.user.id)),
  acknowledge: interactiveProcedure("oncall.ack")
    .input(z.strictObject({ id }))
    .mutation(({ ctx, input }) =>
      acknowledgeIncident(ctx.prisma, ctx.user, { incidentId: input.id, via: "CONSOLE" }, ctx.services.oncall.now()),
    ),
  resolve: interactiveProcedure("oncall.ack")
    .input(
      z.strictObject({ id, note: text(1000).pipe(z.string().min(3, "Say what was done (at least 3 characters)")) }),
    )
    .mutation(({ ctx, input }) =>
      resolveIncident(ctx.prisma, ctx.user, { incidentId: input.id, note: input.note }, ctx.services.oncall.now()),
    ),
  /** A drill page through the real policy, roster and channels (kind oncall.drill). */
  drill: interactiveProcedure("oncall.manage")
    .input(z.strictObject({ note: text(200).optional() }))
    .mutation(async ({ ctx, input }) => {
      const pager = ctx.services.oncall.pager;
      if (!pager)
        throw new AppError("PRECONDITION_FAILED", "The pager runs with the engine; this server has ENGINE=off.");
      const now = pager.now();
      const r = await pager.handle({
        kind: "oncall.drill",
        severity: "CRITICAL",
        key: `drill:${now}`,
        title: "Paging drill",
        detail: input.note || `Drill started by ${ctx.user.email}.`,
        zh: { title: "值班演练", detail: input.note || `由 ${ctx.user.email} 发起的演练。` },
        objectType: null,
        objectId: null,
        link: "/oncall",
        ts: now,
      });
      await pager.tick();
      return r;
    }),
});
