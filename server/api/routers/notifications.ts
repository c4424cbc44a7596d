// The notification centre's procedures: the signed-in user's own notifications, the unread count for
// the bell, and marking read. The bell refetches on the "notifications" change notice (live.onChange).
import { z } from "zod";
import { listNotifications, markAllRead, markRead, unreadCount } from "../../notify/notification-store";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const id = z.string().min(1).max(64);

export const notificationsRouter = createTRPCRouter({
  list: permissionProcedure("notifications.own")
    .input(
      z
        .strictObject({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(100).default(30) })
        .default({ unreadOnly: false, limit: 30 }),
    )
    .query(({ ctx, input }) => listNotifications(ctx.prisma, ctx.user.id, input)),
  unreadCount: permissionProcedure("notifications.own").query(({ ctx }) => unreadCount(ctx.prisma, ctx.user.id)),
  markRead: permissionProcedure("notifications.own")
    .input(z.strictObject({ ids: z.array(id).min(1).max(100) }))
    .mutation(async ({ ctx, input }) => ({ marked: await markRead(ctx.prisma, ctx.user.id, input.ids, new Date()) })),
  markAllRead: permissionProcedure("notifications.own").mutation(async ({ ctx }) => ({
    marked: await markAllRead(ctx.prisma, ctx.user.id, new Date()),
  })),
});
