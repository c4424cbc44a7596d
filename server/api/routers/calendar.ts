// calendar procedures (P1 bank and exchange calendars). Each one: input schema, permission, one service call.
import { z } from "zod";
import {
  isBankDay,
  isExchangeDay,
  listCalendarYear,
  nextBankDay,
  nextExchangeDay,
  removeCalendarDay,
  setCalendarDay,
} from "../../calendar/calendar-service";
import { CALENDARS, DAY_KINDS, isIsoDate } from "../../calendar/day-calendar";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const calendar = z.enum(CALENDARS);
const date = z.string().refine(isIsoDate, "Use a real date, YYYY-MM-DD");

export const calendarRouter = createTRPCRouter({
  year: permissionProcedure("calendars.view")
    .input(z.object({ calendar, year: z.number().int().min(2000).max(2100) }))
    .query(({ ctx, input }) => listCalendarYear(ctx.prisma, input.calendar, input.year)),
  day: permissionProcedure("calendars.view")
    .input(z.object({ date }))
    .query(async ({ ctx, input }) => ({
      date: input.date,
      bankDay: await isBankDay(ctx.prisma, input.date),
      exchangeDay: await isExchangeDay(ctx.prisma, input.date),
      nextBankDay: await nextBankDay(ctx.prisma, input.date),
      nextExchangeDay: await nextExchangeDay(ctx.prisma, input.date),
    })),
  setDay: permissionProcedure("calendars.manage")
    .input(z.object({ calendar, date, kind: z.enum(DAY_KINDS), name: z.string().max(100) }))
    .mutation(({ ctx, input }) => setCalendarDay(ctx.prisma, input, ctx.user)),
  removeDay: permissionProcedure("calendars.manage")
    .input(z.object({ calendar, date, reason: z.string().max(500) }))
    .mutation(({ ctx, input }) => removeCalendarDay(ctx.prisma, input, ctx.user)),
});
