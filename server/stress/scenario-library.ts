// The scenario library (T1): the standard historical and synthetic scenarios (built once per process
// from data/), the Monte Carlo entry, and the users' own scenarios (stored, versioned). An edit adds a
// version; runs name the version they used. Only the owner edits; everyone with stress.view reads.
import { z } from "zod";
import { appendAuditEvent } from "../audit/audit-service";
import type { SessionUser } from "../auth/sign-in";
import type { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors";
import { buildHistoricalScenarios } from "./historical-scenarios";
import { DEFAULT_MC_SPEC } from "./monte-carlo";
import type { ScenarioDef } from "./scenario-types";
import {
  buildSyntheticScenarios,
  buildSyntheticSteps,
  syntheticDefinition,
  type SyntheticDefinition,
} from "./synthetic-scenarios";

export const MONTE_CARLO_ID = "mc.garch-t";

const LIBRARY_KEY = Symbol.for("minute-desk.stressLibrary");
type LibraryHolder = { [LIBRARY_KEY]?: ScenarioDef[] };

export function standardScenarios(): ScenarioDef[] {
  const g = globalThis as LibraryHolder;
  g[LIBRARY_KEY] ??= [...buildHistoricalScenarios(), ...buildSyntheticScenarios()];
  return g[LIBRARY_KEY];
}

export const scenarioInput = z.object({
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).default(""),
  definition: syntheticDefinition,
});
export type ScenarioInput = z.infer<typeof scenarioInput>;

export interface ScenarioListItem {
  id: string;
  name: string;
  kind: ScenarioDef["kind"];
  description: string;
  source: string;
  indexReturns: number[];
  stepLabels: string[];
  minutes: number;
  user: {
    seriesId: string;
    version: number;
    ownerEmail: string;
    mine: boolean;
    definition: SyntheticDefinition;
  } | null;
}

const toItem = (d: ScenarioDef, user: ScenarioListItem["user"] = null): ScenarioListItem => ({
  id: d.id,
  name: d.name,
  kind: d.kind,
  description: d.description,
  source: d.source,
  indexReturns: d.steps.map((s) => s.indexReturn),
  stepLabels: d.steps.map((s) => s.label),
  minutes: d.steps.reduce((a, s) => a + s.minutes, 0),
  user,
});

function monteCarloItem(): ScenarioListItem {
  return {
    id: MONTE_CARLO_ID,
    name: "Monte Carlo GARCH(1,1)-t",
    kind: "MONTE_CARLO",
    description: `Index days from a GARCH(1,1) with Student-t(${DEFAULT_MC_SPEC.nu}) shocks (fat tails, volatility clustering), starting at ${(DEFAULT_MC_SPEC.garch.sigma0 * 100).toFixed(1)}% a day; each symbol beta x index plus its own t shock; A-share price limits. N seeded paths.`,
    source: "synthetic: Bollerslev (1986, 1987) GARCH(1,1) with Student-t innovations",
    indexReturns: [],
    stepLabels: Array.from({ length: DEFAULT_MC_SPEC.steps }, (_, i) => `day ${i + 1}`),
    minutes: DEFAULT_MC_SPEC.steps * DEFAULT_MC_SPEC.minutesPerStep,
    user: null,
  };
}

type Row = {
  id: string;
  seriesId: string;
  version: number;
  name: string;
  description: string;
  definition: unknown;
  ownerId: string;
  ownerEmail: string;
};

function userScenario(row: Row): ScenarioDef {
  const def = syntheticDefinition.parse(row.definition);
  return {
    id: row.id,
    name: row.name,
    kind: "SYNTHETIC",
    description: row.description,
    source: `user scenario v${row.version} by ${row.ownerEmail} (template ${def.template})`,
    steps: buildSyntheticSteps(def),
  };
}

/** The library, then the latest version of each user scenario (newest first). */
export async function listScenarios(prisma: PrismaClient, user: SessionUser): Promise<ScenarioListItem[]> {
  const rows = await prisma.stressScenario.findMany({ orderBy: [{ seriesId: "asc" }, { version: "desc" }] });
  const latest = new Map<string, Row>();
  for (const r of rows) if (!latest.has(r.seriesId)) latest.set(r.seriesId, r);
  const users = [...latest.values()].map((r) =>
    toItem(userScenario(r), {
      seriesId: r.seriesId,
      version: r.version,
      ownerEmail: r.ownerEmail,
      mine: r.ownerId === user.id,
      definition: syntheticDefinition.parse(r.definition),
    }),
  );
  return [...standardScenarios().map((d) => toItem(d)), monteCarloItem(), ...users];
}

/** A scenario by id: a library id, or one stored version. Null for the Monte Carlo entry. */
export async function findScenario(prisma: PrismaClient, id: string): Promise<ScenarioDef | null> {
  if (id === MONTE_CARLO_ID) return null;
  const std = standardScenarios().find((d) => d.id === id);
  if (std) return std;
  const row = await prisma.stressScenario.findUnique({ where: { id } });
  if (!row) throw new AppError("NOT_FOUND", `No stress scenario ${id}.`);
  return userScenario(row);
}

async function checkSector(prisma: PrismaClient, def: SyntheticDefinition): Promise<void> {
  if (def.template !== "SECTOR") return;
  const known = (await prisma.symbol.findMany({ select: { sector: true }, distinct: ["sector"] })).map((s) => s.sector);
  if (!known.includes(def.sector))
    throw new AppError(
      "BAD_REQUEST",
      `definition.sector: unknown sector "${def.sector}"; the book has ${known.join(", ")}.`,
    );
}

export async function createScenario(prisma: PrismaClient, user: SessionUser, input: ScenarioInput) {
  await checkSector(prisma, input.definition);
  const row = await prisma.stressScenario.create({
    data: {
      seriesId: crypto.randomUUID(),
      version: 1,
      name: input.name,
      description: input.description,
      definition: input.definition,
      ownerId: user.id,
      ownerEmail: user.email,
    },
  });
  await appendAuditEvent(prisma, {
    actorId: user.id,
    actorEmail: user.email,
    action: "stress.scenario.create",
    targetType: "StressScenario",
    targetId: row.id,
    after: { seriesId: row.seriesId, version: 1, name: row.name, definition: input.definition },
  });
  return { id: row.id, seriesId: row.seriesId, version: 1 };
}

/** A new version of the caller's own scenario; two edits at once: one gets CONFLICT (unique series + version). */
export async function updateScenario(prisma: PrismaClient, user: SessionUser, seriesId: string, input: ScenarioInput) {
  const last = await prisma.stressScenario.findFirst({ where: { seriesId }, orderBy: { version: "desc" } });
  if (!last) throw new AppError("NOT_FOUND", `No stress scenario ${seriesId}.`);
  if (last.ownerId !== user.id)
    throw new AppError("FORBIDDEN", "Only the owner of a scenario edits it; save a copy as your own.");
  await checkSector(prisma, input.definition);
  let row;
  try {
    row = await prisma.stressScenario.create({
      data: {
        seriesId,
        version: last.version + 1,
        name: input.name,
        description: input.description,
        definition: input.definition,
        ownerId: user.id,
        ownerEmail: user.email,
      },
    });
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    if (e.code === "P2002" || (typeof e.message === "string" && e.message.includes("unique constraint")))
      throw new AppError("CONFLICT", "The scenario was edited at the same time; reload and edit again.");
    throw err;
  }
  await appendAuditEvent(prisma, {
    actorId: user.id,
    actorEmail: user.email,
    action: "stress.scenario.update",
    targetType: "StressScenario",
    targetId: row.id,
    before: { version: last.version, name: last.name, definition: last.definition },
    after: { version: row.version, name: row.name, definition: input.definition },
  });
  return { id: row.id, seriesId, version: row.version };
}
