// monitoring procedures. Each one: input schema, permissionProcedure("<permission>"), one service call.
import { createTRPCRouter } from "../trpc";

export const monitoringRouter = createTRPCRouter({});
