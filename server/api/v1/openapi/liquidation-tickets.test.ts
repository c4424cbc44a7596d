import { describe, expect, it } from "vitest";
import { openApiDocument } from "../openapi";

describe("OpenAPI: GET /liquidation/tickets (DESIGN 10)", () => {
  it("is in the served document with the contract's fields and the status/since query", () => {
    const op = (
      openApiDocument.paths as unknown as Record<
        string,
        { get?: { parameters: Array<{ name: string }>; responses: Record<string, unknown> } }
      >
    )["/liquidation/tickets"]?.get;
    expect(op?.parameters.map((p) => p.name)).toEqual(["status", "since", "limit"]);
    const item = (
      op?.responses["200"] as {
        content: {
          "application/json": { schema: { items: { required: string[]; properties: Record<string, unknown> } } };
        };
      }
    ).content["application/json"].schema.items;
    // DESIGN 10: [{id, accountId, status, urgency, createdAt, deadline, legs, fills, realizedSlippageBps, shortfall}]
    expect(item.required).toEqual([
      "id",
      "accountId",
      "status",
      "urgency",
      "createdAt",
      "deadline",
      "legs",
      "fills",
      "realizedSlippageBps",
      "shortfall",
    ]);
    expect(item.properties.urgency).toMatchObject({ enum: ["LIQUIDATION", "HARD_FLOOR", "CALL_EXPIRED"] });
    expect(Object.keys(op?.responses ?? {}).sort()).toEqual(["200", "400", "401", "403"]);
  });
});
