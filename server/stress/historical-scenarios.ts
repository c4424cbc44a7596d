// T1 historical scenarios, built from the real files in data/ and the published figures of
// data/README (copied from ../shared/data/README.md). Every number below is either read from a
// file or is one of those published figures; derived steps say how they were derived.
import { djiaReturnOn, loadDjia, loadSp2001 } from "./market-files";
import type { CrossSectionEntry, ScenarioDef, ScenarioStep } from "./scenario-types";
import { sectorOfSp2001 } from "./sp2001-sectors";

const SESSION_MINUTES = 240; // an A-share trading day

/** Shanghai Composite facts (data/README): peak 5178.19 (2015-06-12), low 2850.71, the five crash days. */
export const CHINA_2015 = {
  peak: 5178.19,
  low: 2850.71,
  crashDays: [
    { date: "2015-06-26", ret: -0.074 },
    { date: "2015-07-08", ret: -0.059, suspendedShare: 0.5 }, // 1,317 stocks suspended: about half the market
    { date: "2015-07-27", ret: -0.085 },
    { date: "2015-08-24", ret: -0.0849, limitDownShare: 0.68 }, // about 68% of stocks limit-down
    { date: "2015-08-25", ret: -0.0763 },
  ],
} as const;

/**
 * China 2015: the five published crash days, and between them four "other days" steps that carry the
 * rest of the published peak-to-low fall (-45%), split evenly (derived: the daily index file is not
 * in data/, so those days are one net step each, labelled as such).
 */
export function buildChina2015(): ScenarioDef {
  const crashProduct = CHINA_2015.crashDays.reduce((p, d) => p * (1 + d.ret), 1);
  const rest = CHINA_2015.low / CHINA_2015.peak / crashProduct; // what the other days contribute
  const perGap = Math.pow(rest, 1 / 4) - 1;
  const gaps = ["2015-06-15..06-25", "2015-06-29..07-07", "2015-07-09..07-24", "2015-07-28..08-21"];
  const steps: ScenarioStep[] = [];
  CHINA_2015.crashDays.forEach((d, i) => {
    const gap = gaps[i];
    if (gap)
      steps.push({ label: `${gap} (net, derived)`, minutes: SESSION_MINUTES, indexReturn: perGap, priceLimits: true });
    steps.push({
      label: d.date,
      minutes: SESSION_MINUTES,
      indexReturn: d.ret,
      priceLimits: true,
      volMultiplier: 3,
      ...("suspendedShare" in d ? { suspendedShare: d.suspendedShare } : {}),
      ...("limitDownShare" in d ? { limitDownShare: d.limitDownShare, volumeFactor: 0.3 } : {}),
    });
  });
  return {
    id: "hist.china-2015",
    name: "China 2015",
    kind: "HISTORICAL",
    description:
      "Shanghai Composite 2015-06-12 peak to the August low (-45%): the five published crash days with half the market suspended on 07-08 and 68% limit-down on 08-24, under A-share price limits.",
    source:
      "Published Shanghai Composite figures (data/README): 5178.19 peak, 2850.71 low, daily moves -7.4%, -5.9%, -8.5%, -8.49%, -7.63%; the days between are net steps derived from the peak-to-low fall.",
    steps,
  };
}

/** 1987-10-19 from DJIA8012.csv: the close of 10-19 over the close of 10-16 (-22.6%), as one gap. */
export function buildBlackMonday(): ScenarioDef {
  const r = djiaReturnOn("1987-10-19");
  return {
    id: "hist.black-monday-1987",
    name: "1987-10-19 Black Monday",
    kind: "HISTORICAL",
    description: `DJIA ${(r * 100).toFixed(1)}% in one session, applied by beta with no price limits (a market without limit-down).`,
    source: "data/DJIA8012.csv: 1987-10-16 close 2246.74, 1987-10-19 close 1738.74",
    steps: [{ label: "1987-10-19", minutes: SESSION_MINUTES, indexReturn: r, volMultiplier: 4, volumeFactor: 0.5 }],
  };
}

/** Ordinary least squares beta of y on x. */
function olsBeta(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let cov = 0;
  let vx = 0;
  for (let i = 0; i < n; i += 1) {
    cov += ((x[i] ?? 0) - mx) * ((y[i] ?? 0) - my);
    vx += ((x[i] ?? 0) - mx) ** 2;
  }
  return vx > 0 ? cov / vx : 1;
}

/**
 * 2001-09-17 reopening from SP2001: each constituent's return from the 09-10 close (the last before the
 * closure) to the 09-17 close, its beta against the equal-weighted constituents over 07-31..09-10, and
 * its sector when it resembles a demo sector. The index return is the equal-weighted mean.
 */
export function buildSp2001CrossSection(): { entries: CrossSectionEntry[]; indexReturn: number } {
  const f = loadSp2001();
  const before = f.dates.indexOf("2001-09-10");
  const after = f.dates.indexOf("2001-09-17");
  if (before < 1 || after < 0) throw new Error("SP2001 file lacks 2001-09-10 / 2001-09-17");
  // Equal-weighted market return per day before the closure, over the constituents priced both days.
  const market: number[] = [];
  for (let d = 1; d <= before; d += 1) {
    let sum = 0;
    let k = 0;
    f.symbols.forEach((_, s) => {
      const r = (f.closes[d]?.[s] ?? NaN) / (f.closes[d - 1]?.[s] ?? NaN) - 1;
      if (Number.isFinite(r)) {
        sum += r;
        k += 1;
      }
    });
    market.push(k > 0 ? sum / k : 0);
  }
  const entries: CrossSectionEntry[] = [];
  f.symbols.forEach((code, s) => {
    const ret = (f.closes[after]?.[s] ?? NaN) / (f.closes[before]?.[s] ?? NaN) - 1;
    if (!Number.isFinite(ret)) return;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let d = 1; d <= before; d += 1) {
      const r = (f.closes[d]?.[s] ?? NaN) / (f.closes[d - 1]?.[s] ?? NaN) - 1;
      if (Number.isFinite(r)) {
        xs.push(market[d - 1] ?? 0);
        ys.push(r);
      }
    }
    entries.push({ code, sector: sectorOfSp2001(code), beta: xs.length >= 10 ? olsBeta(xs, ys) : 1, ret });
  });
  const indexReturn = entries.reduce((a, e) => a + e.ret, 0) / entries.length;
  return { entries, indexReturn };
}

export function buildSept2001(): ScenarioDef {
  const { entries, indexReturn } = buildSp2001CrossSection();
  return {
    id: "hist.reopening-2001-09-17",
    name: "2001-09-17 reopening",
    kind: "HISTORICAL",
    description: `The first session after the 9/11 closure: each of ${entries.length} S&P 500 constituents' real return applied to the book's symbols of a similar sector and beta (equal-weighted mean ${(indexReturn * 100).toFixed(2)}%).`,
    source: "data/SP2001_sp500_constituents.csv: closes of 2001-09-10 and 2001-09-17; betas from 2001-07-31..09-10",
    steps: [{ label: "2001-09-17", minutes: SESSION_MINUTES, indexReturn, crossSection: entries, volMultiplier: 2 }],
  };
}

/**
 * 2010-05-06 flash crash, minute path from the published figures (about -9% in 20 minutes from 14:32
 * ET, most of it recovered within the next 20): a linear fall to -9% at 14:52, then a linear recovery
 * to -3% at 15:12 (cumulative levels; each step's return is the ratio of consecutive levels).
 */
export function buildFlashCrash(): ScenarioDef {
  const levels: Array<[string, number]> = [];
  for (let m = 1; m <= 20; m += 1) levels.push([clock(14, 32 + m), 1 - 0.09 * (m / 20)]);
  for (let m = 1; m <= 20; m += 1) levels.push([clock(14, 52 + m), 0.91 + 0.06 * (m / 20)]);
  return {
    id: "hist.flash-crash-2010",
    name: "2010-05-06 flash crash",
    kind: "HISTORICAL",
    description:
      "About -9% in 20 minutes, then most of it recovered in the next 20; minute by minute, with thin books at the bottom.",
    source: "Published figures (data/README): about -9% in 20 minutes from 14:32 ET, most recovered within 20 minutes",
    steps: levelsToSteps(levels, (i) => (i >= 12 && i < 24 ? 0.2 : 1), 3),
  };
}

/** 2015-08-24 US open (SPY): opened -5.2%, low -7.8% (taken 5 minutes after the open), closed -4.2%. */
export function buildAugust2015Open(): ScenarioDef {
  const levels: Array<[string, number]> = [["09:30 open", 1 - 0.052]];
  for (let m = 1; m <= 5; m += 1) levels.push([clock(9, 30 + m), 1 - 0.052 - (0.026 * m) / 5]);
  levels.push(["09:36-16:00", 1 - 0.042]);
  const steps = levelsToSteps(levels, () => 1, 3);
  const last = steps[steps.length - 1];
  if (last) last.minutes = 384; // the rest of the US session
  return {
    id: "hist.us-open-2015-08-24",
    name: "2015-08-24 open",
    kind: "HISTORICAL",
    description: "A gap of -5.2% at the open, a further fall to -7.8% within minutes, then a close at -4.2%.",
    source: "Published SPY figures (data/README): open -5.2%, low -7.8%, close -4.2%",
    steps,
  };
}

function clock(h: number, m: number): string {
  const hh = h + Math.floor(m / 60);
  return `${String(hh).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

function levelsToSteps(levels: Array<[string, number]>, volume: (i: number) => number, vol: number): ScenarioStep[] {
  let prev = 1;
  return levels.map(([label, level], i) => {
    const step: ScenarioStep = { label, minutes: 1, indexReturn: level / prev - 1, volMultiplier: vol };
    const v = volume(i);
    if (v !== 1) step.volumeFactor = v;
    prev = level;
    return step;
  });
}

/** The DJIA's largest one-day falls in the file, for the description of the library (sanity, not a scenario). */
export function worstDjiaDays(k: number): Array<{ date: string; ret: number }> {
  const s = loadDjia();
  const out = s.closes.slice(1).map((c, i) => ({ date: s.dates[i + 1] ?? "", ret: c / (s.closes[i] ?? c) - 1 }));
  return out.sort((a, b) => a.ret - b.ret).slice(0, k);
}

export function buildHistoricalScenarios(): ScenarioDef[] {
  return [buildChina2015(), buildBlackMonday(), buildSept2001(), buildFlashCrash(), buildAugust2015Open()];
}
