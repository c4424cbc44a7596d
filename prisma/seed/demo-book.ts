// Deterministic demo book for demo mode (DESIGN 11): an A-share universe and the client
// accounts holding it, generated from a seed with no I/O so the seed script, tests and
// benchmarks all see the same book. Symbols and accounts draw from separate streams, so the
// universe for a seed does not change with the number of accounts.
import { generateAccounts } from "./demo-accounts";
import type { DemoBook, DemoBookOptions } from "./demo-book-types";
import { generateSymbols } from "./demo-symbols";
import { createPrng, deriveSeed } from "../../server/prng";

export type {
  AssetClass,
  DemoAccount,
  DemoBook,
  DemoBookOptions,
  DemoPosition,
  DemoSymbol,
  LiquidityTier,
} from "./demo-book-types";

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`demo book: ${name} must be a non-negative integer, got ${value}`);
}

export function generateDemoBook(opts: DemoBookOptions): DemoBook {
  assertCount("symbols", opts.symbols);
  assertCount("accounts", opts.accounts);
  const symbols = generateSymbols(createPrng(deriveSeed(opts.seed, "symbols")), opts.symbols);
  const accounts = generateAccounts(createPrng(deriveSeed(opts.seed, "accounts")), symbols, opts.accounts);
  return { symbols, accounts };
}
