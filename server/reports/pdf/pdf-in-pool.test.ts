// The PDF is rendered in the compute pool (off the engine's thread) and comes back as the same
// bytes' kind of file: the bundled worker finds pdfkit and the npm font.
import { afterAll, describe, expect, it } from "vitest";
import { closeComputePool, runCompute } from "../../workers/compute-pool";
import { toReportDocument } from "../report-kinds";

afterAll(() => closeComputePool());

describe("report PDF in the compute pool", { timeout: 60_000 }, () => {
  it("renders a stress summary with its empty state", async () => {
    const doc = toReportDocument({
      id: "r",
      kind: "MONTHLY_STRESS",
      periodKey: "2026-11",
      periodStart: new Date("2026-10-31T16:00:00Z"),
      periodEnd: new Date("2026-11-30T16:00:00Z"),
      status: "FINAL",
      title: "t",
      data: { runs: [] },
      dataHash: "0".repeat(64),
      auditHeadId: null,
      auditHeadHash: null,
      generatedAt: new Date("2026-12-01T00:00:00Z"),
      writeUp: null,
    });
    const bytes = await runCompute("reports.pdf", doc, { timeoutMs: 30_000 });
    expect(Buffer.from(bytes).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { extractText, getDocumentProxy } = await import("unpdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    expect(text).toContain("月度压力测试摘要");
    expect(text).toContain("No stress run finished in this period.");
  });
});
