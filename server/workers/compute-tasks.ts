// The registry of CPU-heavy jobs the compute pool runs off the engine's thread (DESIGN 8). A task
// is a pure, synchronous function of structured-clonable input to structured-clonable output; it
// throws AppError (or RangeError / RiskInputError for bad input) to refuse. To add one (e.g. the
// liquidation planner): import its pure function here, add it to `computeTasks`, and call
// `runCompute("<name>", input)` from the route or service; `npm run build:workers` rebundles.
// Nothing here may import Prisma, Next or the runtime: this file is the worker bundle's root.
import { computeVolatility, detectBocpd, detectCusum } from "../market/detectors/detector-api";
import { evaluateRiskInputs } from "../risk/evaluate-compute";
import { computeBookEs } from "../capital/book-es";
import { computeEulerFromJson } from "../capital/euler-api";
import { evaluateSurveillanceText } from "../surveillance/evaluate-api";
import { renderReportPdf } from "../reports/pdf/render-pdf";
import type { ReportDocument } from "../reports/report-document";

export const computeTasks = {
  "detectors.cusum": detectCusum,
  "detectors.bocpd": detectBocpd,
  "indicators.volatility": computeVolatility,
  "risk.evaluate": evaluateRiskInputs,
  "capital.euler": computeEulerFromJson,
  "capital.bookEs": computeBookEs,
  "surveillance.evaluate": evaluateSurveillanceText,
  // Reports (T4): a report's PDF (font layout and subsetting take a few hundred ms to seconds).
  "reports.pdf": (doc: ReportDocument) => renderReportPdf(doc),
} as const;

export type ComputeTaskName = keyof typeof computeTasks;
export type ComputeInput<K extends ComputeTaskName> = Parameters<(typeof computeTasks)[K]>[0];
export type ComputeOutput<K extends ComputeTaskName> = ReturnType<(typeof computeTasks)[K]>;

/** What crosses the thread boundary: errors as data, since class identity does not survive it. */
export type ComputeReply =
  { ok: true; value: unknown } | { ok: false; code: string; message: string; internal: boolean; stack?: string };

export function isComputeTaskName(name: unknown): name is ComputeTaskName {
  return typeof name === "string" && Object.hasOwn(computeTasks, name);
}
