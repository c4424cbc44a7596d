import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { lendingOperation } from "@/server/api/v1/operations/funding";
import { requestNewLending } from "@/server/funding/lending-service";

export const dynamic = "force-dynamic";

// F1: the order system's question before a buy on margin (RISK, MANAGER, write scope); lent or refused.
export const POST = serveOperation(lendingOperation, async ({ body }, _req, { rt, user }) => {
  const d = await requestNewLending(rt.db.prisma, user, body);
  return Response.json(
    d.ok
      ? {
          ok: true,
          loanId: d.loanId,
          sourceCode: d.sourceCode,
          failoverFrom: d.failoverFrom,
          rate: d.quote.rate,
          refusals: [],
          noSource: false,
          restricted: null,
        }
      : {
          ok: false,
          loanId: null,
          sourceCode: null,
          failoverFrom: null,
          rate: null,
          refusals: d.refusals.map((r) => ({ ...r, max: r.max.toNumber(), after: r.after.toNumber() })),
          noSource: d.noSource,
          restricted: d.restricted ?? null,
        },
  );
});
