// Every v1 operation, in the order the document lists them. A new route declares its operation in
// ./<domain>.ts, serves it with serveOperation, and adds its list here (one line).
import type { V1Operation } from "../contract/operation";
import { capitalOperations } from "./capital";
import { fundingOperations } from "./funding";
import { liquidationOperations } from "./liquidation";
import { marketOperations } from "./market";
import { opsOperations } from "./ops";
import { paymentsOperations } from "./payments";
import { reportsOperations } from "./reports";
import { riskOperations } from "./risk";
import { stressOperations } from "./stress";
import { surveillanceOperations } from "./surveillance";

export const v1Operations: readonly V1Operation[] = [
  ...marketOperations,
  ...riskOperations,
  ...liquidationOperations,
  ...paymentsOperations,
  ...capitalOperations,
  ...fundingOperations,
  ...surveillanceOperations,
  ...reportsOperations,
  ...stressOperations,
  ...opsOperations,
];

/** Tags of the document, each with the description redocly asks for. */
export const v1Tags = [
  { name: "market", description: "Market calculators: change-point detectors and volatility (no writes)" },
  { name: "risk", description: "The margin model: what-if evaluation and an account's live figures" },
  { name: "liquidation", description: "The liquidation planner and the ticket list" },
  { name: "payments", description: "Bank and payment-rail callbacks" },
  { name: "capital", description: "Expected shortfall and its Euler allocation on supplied scenarios" },
  { name: "funding", description: "New lending for buys on margin, decided against limits and funding sources" },
  { name: "surveillance", description: "Surveillance rules and linked-account clusters on supplied events" },
  { name: "reports", description: "Reports (weekly risk, stress summary, regulatory, incident review) as PDF and CSV" },
  { name: "stress", description: "Stress scenarios and runs through the live book" },
  { name: "audit", description: "The audit hash chain" },
  { name: "operations", description: "Health, readiness and metrics for operators" },
] as const;
