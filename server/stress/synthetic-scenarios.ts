// T1 synthetic scenarios: templates with parameters. The standard library uses the defaults below; a
// user scenario (stored, versioned) is one template with its own parameters, validated by the same
// schema. Returns are simple returns (-0.1 = -10%).
import { z } from "zod";
import type { ScenarioDef, ScenarioStep } from "./scenario-types";

const SESSION_MINUTES = 240;
const shock = z.number().finite().min(-0.95).max(0.5);
const share = z.number().finite().min(0).max(1);

export const MAX_CUSTOM_STEPS = 60;
export const MAX_STEP_MINUTES = 240;

export const syntheticDefinition = z.discriminatedUnion("template", [
  z.object({ template: z.literal("UNIFORM"), shock }),
  z.object({
    template: z.literal("SECTOR"),
    sector: z.string().trim().min(1).max(40),
    shock,
    othersShock: shock.default(0),
  }),
  z.object({ template: z.literal("GAP_AT_OPEN"), shock }),
  z.object({
    template: z.literal("LIQUIDITY_CRUNCH"),
    shock,
    days: z.number().int().min(1).max(20),
    volumeFactor: z.number().finite().min(0.01).max(1),
  }),
  z.object({ template: z.literal("CORRELATION_ONE"), shock, days: z.number().int().min(1).max(20) }),
  z.object({
    template: z.literal("CUSTOM"),
    steps: z
      .array(
        z.object({
          label: z.string().trim().min(1).max(40),
          indexReturn: shock,
          minutes: z.number().int().min(1).max(MAX_STEP_MINUTES),
          suspendedShare: share.optional(),
          limitDownShare: share.optional(),
          volumeFactor: z.number().finite().min(0.01).max(10).optional(),
          priceLimits: z.boolean().optional(),
        }),
      )
      .min(1)
      .max(MAX_CUSTOM_STEPS),
  }),
]);
export type SyntheticDefinition = z.infer<typeof syntheticDefinition>;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The steps of a synthetic definition. */
export function buildSyntheticSteps(def: SyntheticDefinition): ScenarioStep[] {
  switch (def.template) {
    case "UNIFORM":
      return [
        { label: `all ${pct(def.shock)}`, minutes: SESSION_MINUTES, indexReturn: def.shock, correlationToOne: true },
      ];
    case "SECTOR":
      return [
        {
          label: `${def.sector} ${pct(def.shock)}`,
          minutes: SESSION_MINUTES,
          indexReturn: def.othersShock,
          correlationToOne: true,
          sectorReturns: { [def.sector]: def.shock },
        },
      ];
    case "GAP_AT_OPEN":
      return [
        {
          label: `open ${pct(def.shock)}`,
          minutes: SESSION_MINUTES,
          indexReturn: def.shock,
          priceLimits: true,
          volMultiplier: 3,
        },
      ];
    case "LIQUIDITY_CRUNCH": {
      const daily = Math.pow(1 + def.shock, 1 / def.days) - 1;
      return Array.from({ length: def.days }, (_, i) => ({
        label: `day ${i + 1}`,
        minutes: SESSION_MINUTES,
        indexReturn: daily,
        priceLimits: true,
        volumeFactor: def.volumeFactor,
        volMultiplier: 2,
      }));
    }
    case "CORRELATION_ONE": {
      const daily = Math.pow(1 + def.shock, 1 / def.days) - 1;
      return Array.from({ length: def.days }, (_, i) => ({
        label: `day ${i + 1}`,
        minutes: SESSION_MINUTES,
        indexReturn: daily,
        correlationToOne: true,
        priceLimits: true,
        volMultiplier: 2,
      }));
    }
    case "CUSTOM":
      return def.steps.map((s) => ({ ...s }));
  }
}

const STANDARD: Array<{ id: string; name: string; description: string; def: SyntheticDefinition }> = [
  {
    id: "syn.uniform",
    name: "Uniform -10%",
    description: "Every symbol -10% at once, no price limits.",
    def: { template: "UNIFORM", shock: -0.1 },
  },
  {
    id: "syn.sector",
    name: "Brokers -20%",
    description: "The 证券 (brokers) sector -20%, every other symbol -3%.",
    def: { template: "SECTOR", sector: "证券", shock: -0.2, othersShock: -0.03 },
  },
  {
    id: "syn.gap-open",
    name: "Gap at open -12%",
    description: "The index gaps -12% at the open under price limits: high-beta symbols are locked limit-down.",
    def: { template: "GAP_AT_OPEN", shock: -0.12 },
  },
  {
    id: "syn.liquidity-crunch",
    name: "Liquidity crunch",
    description: "-15% over 5 days with a tenth of normal volume: liquidation cannot get out.",
    def: { template: "LIQUIDITY_CRUNCH", shock: -0.15, days: 5, volumeFactor: 0.1 },
  },
  {
    id: "syn.correlation-one",
    name: "Correlation to one",
    description: "-25% over 3 days, every symbol moving exactly with the index: no diversification.",
    def: { template: "CORRELATION_ONE", shock: -0.25, days: 3 },
  },
];

export function buildSyntheticScenarios(): ScenarioDef[] {
  return STANDARD.map((s) => ({
    id: s.id,
    name: s.name,
    kind: "SYNTHETIC",
    description: s.description,
    source: `synthetic template ${s.def.template}`,
    steps: buildSyntheticSteps(s.def),
  }));
}
