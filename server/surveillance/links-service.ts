// S3 links from the database: accounts sharing an attribute (device, IP, card, phone, address),
// declared relations (RELATED: same value), and fund flows (deposits from one card or withdrawals
// to one beneficiary across accounts). Each shared value joins its accounts in a chain, which has
// the same components as a full clique at a fraction of the edges.
import type { PrismaClient } from "../db/generated/client";
import { clusterAccounts, clusterIndex, RELATION_KINDS, type AccountLink } from "./clusters";
import { pairKey, type WashContext } from "./rules/wash";

export interface LinkGraph {
  links: AccountLink[];
  /** control links only (not declared relations): the clusters wash trades are judged in */
  clusters: string[][];
  ctx: WashContext;
}

function chain(accounts: string[], kind: string, value: string, out: (AccountLink & { value: string })[]) {
  const unique = [...new Set(accounts)].sort();
  for (let i = 1; i < unique.length; i++) out.push({ a: unique[i - 1] as string, b: unique[i] as string, kind, value });
}

export async function loadLinks(prisma: PrismaClient): Promise<(AccountLink & { value: string })[]> {
  const out: (AccountLink & { value: string })[] = [];
  const attrs = await prisma.accountAttribute.findMany({ select: { accountId: true, kind: true, value: true } });
  const byValue = new Map<string, string[]>();
  for (const a of attrs)
    byValue.set(`${a.kind}\u0000${a.value}`, [...(byValue.get(`${a.kind}\u0000${a.value}`) ?? []), a.accountId]);
  for (const [k, accounts] of byValue) {
    const [kind = "", value = ""] = k.split("\u0000");
    chain(accounts, kind, value, out);
  }
  const funds = await prisma.fundMovement.findMany({ select: { accountId: true, instrument: true } });
  const byInstrument = new Map<string, string[]>();
  for (const f of funds) byInstrument.set(f.instrument, [...(byInstrument.get(f.instrument) ?? []), f.accountId]);
  for (const [instrument, accounts] of byInstrument) chain(accounts, "FUND_FLOW", instrument, out);
  return out;
}

export function buildLinkGraph(links: readonly AccountLink[]): LinkGraph {
  const control = links.filter((l) => !RELATION_KINDS.has(l.kind));
  const clusters = clusterAccounts(control);
  const idx = clusterIndex(clusters);
  const relatedPairs = new Set(links.filter((l) => RELATION_KINDS.has(l.kind)).map((l) => pairKey(l.a, l.b)));
  return { links: [...links], clusters, ctx: { groupOf: (a) => idx.get(a), relatedPairs } };
}
