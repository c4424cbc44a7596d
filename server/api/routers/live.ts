// The tab's one "what changed" stream (server/live/change-notices): the client invalidates the
// queries of the scope it names instead of polling them. Any signed-in user; each notice is
// filtered by the role's view permissions. Notices are not resumed after a reconnect: the client
// refreshes what is on screen when the stream (re)connects.
import { streamChangeNotices } from "../../live/change-notices";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const liveRouter = createTRPCRouter({
  onChange: protectedProcedure.subscription(({ ctx, signal }) => streamChangeNotices(ctx.bus, ctx.user, signal)),
});
