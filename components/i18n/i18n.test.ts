// The two catalogs agree key for key and placeholder for placeholder; the translator interpolates and
// falls back; the formatters print CNY and Asia/Shanghai times the same way on every server.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFormatters, createTranslator, DEFAULT_LOCALE, isLocale, LOCALES, type MessageKey } from "./config";
import { en } from "./en";
import { zhCN } from "./zh-CN";

/** Every leaf of a catalog as [dotted path, string]. */
function leaves(node: unknown, prefix = ""): Array<[string, unknown]> {
  if (typeof node !== "object" || node === null) return [[prefix, node]];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ""))].sort();
}

const enLeaves = new Map(leaves(en));
const zhLeaves = new Map(leaves(zhCN));

describe("catalogs", () => {
  it("have exactly the same key paths", () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    expect(enLeaves.size).toBeGreaterThan(50);
  });

  it("hold only non-empty strings at the leaves", () => {
    for (const [key, value] of [...enLeaves, ...zhLeaves]) {
      expect(typeof value, key).toBe("string");
      expect(String(value).trim(), key).not.toBe("");
    }
  });

  it("use the same {param} placeholders in en and zh-CN for every key", () => {
    let withParams = 0;
    for (const [key, text] of enLeaves) {
      const enParams = placeholders(String(text));
      if (enParams.length > 0) withParams += 1;
      expect(placeholders(String(zhLeaves.get(key))), key).toEqual(enParams);
    }
    expect(withParams).toBeGreaterThan(0);
  });

  it("translate into zh-CN: no zh-CN string with letters is a copy of the English one except names", () => {
    // A guard against a key copied over untranslated. Proper names and codes may stay in Latin letters.
    const sameAllowed = new Set(["boards.CHINEXT", "boards.STAR", "audit.id"]);
    for (const [key, text] of enLeaves) {
      if (sameAllowed.has(key) || !/[A-Za-z]{3}/.test(String(text))) continue;
      if (/^\{\w+\}[^A-Za-z]*$/.test(String(text))) continue;
      expect(zhLeaves.get(key), key).not.toBe(text);
    }
  });
});

describe("locales", () => {
  it("are en (default) and zh-CN", () => {
    expect([...LOCALES]).toEqual(["en", "zh-CN"]);
    expect(DEFAULT_LOCALE).toBe("en");
  });

  it.each([
    ["en", true],
    ["zh-CN", true],
    ["zh", false],
    ["EN", false],
    ["", false],
    [null, false],
    [1, false],
  ])("isLocale(%j) is %s", (value, expected) => {
    expect(isLocale(value)).toBe(expected);
  });
});

describe("createTranslator", () => {
  const tEn = createTranslator("en");
  const tZh = createTranslator("zh-CN");

  it("looks up nested keys", () => {
    expect(tEn("app.name")).toBe("Minute Desk");
    expect(tZh("app.name")).toBe("分钟风控台");
    expect(tEn("nav.signOut")).toBe("Sign out");
  });

  it("interpolates {param}s, numbers included, in both locales", () => {
    expect(tEn("common.signedInAs", { name: "Ada" })).toBe("Signed in as Ada");
    expect(tZh("common.signedInAs", { name: "Ada" })).toBe("当前用户：Ada");
    expect(tEn("audit.broken", { id: 17, count: 16 })).toBe("Chain broken at event #17 (16 checked before the break).");
    expect(tZh("audit.broken", { id: 17, count: 16 })).toBe("哈希链在事件 #17 处断裂（断裂前已校验 16 条）。");
  });

  it("leaves a placeholder whose param is missing, and ignores extra params", () => {
    expect(tEn("audit.broken", { id: 3 })).toBe("Chain broken at event #3 ({count} checked before the break).");
    expect(tEn("app.name", { name: "x" })).toBe("Minute Desk");
  });

  it("does not re-interpolate a value that itself looks like a placeholder", () => {
    expect(tEn("audit.broken", { id: "{count}", count: 2 })).toBe(
      "Chain broken at event #{count} (2 checked before the break).",
    );
  });

  it("returns the key itself for an unknown key or a key that names a section", () => {
    expect(tEn("no.such.key" as MessageKey)).toBe("no.such.key");
    expect(tZh("no.such.key" as MessageKey)).toBe("no.such.key");
    expect(tEn("common" as MessageKey)).toBe("common");
    expect(tEn("app.name.more" as MessageKey)).toBe("app.name.more");
  });

  it("property: every key resolves to its catalog string in each locale", () => {
    const keys = [...enLeaves.keys()] as MessageKey[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), (key) => {
        expect(tEn(key)).toBe(enLeaves.get(key));
        expect(tZh(key)).toBe(zhLeaves.get(key));
      }),
    );
  });
});

describe("createFormatters", () => {
  const fEn = createFormatters("en");
  const fZh = createFormatters("zh-CN");
  // 00:05 UTC on 1 Jan 2026 is 08:05 in Shanghai (UTC+8, no daylight saving).
  const newYearUtc = Date.UTC(2026, 0, 1, 0, 5);
  // 16:00 UTC on 31 Dec 2025 is midnight, 1 Jan 2026, in Shanghai.
  const shanghaiMidnight = Date.UTC(2025, 11, 31, 16, 0);

  it("formats CNY with the locale's symbol and grouping", () => {
    expect(fEn.money(1234.5)).toBe("CN¥1,234.50");
    expect(fZh.money(1234.5)).toBe("¥1,234.50");
    expect(fEn.money(-1234.5)).toBe("-CN¥1,234.50");
    expect(fZh.money(1234567.891)).toBe("¥1,234,567.89");
    expect(fEn.money(0)).toBe("CN¥0.00");
    expect(fEn.money(-0)).toBe("CN¥0.00");
    expect(fEn.money(-0.001)).toBe("CN¥0.00");
    expect(fEn.price(12.34)).toBe("CN¥12.34");
  });

  it("shows date-times in Asia/Shanghai whatever the server's zone", () => {
    expect(fEn.dateTime(newYearUtc)).toBe("01/01/2026, 08:05:00");
    expect(fZh.dateTime(newYearUtc)).toBe("2026/01/01 08:05:00");
    expect(fEn.dateTime(new Date(newYearUtc))).toBe("01/01/2026, 08:05:00");
    expect(fZh.dateTime(shanghaiMidnight)).toBe("2026/01/01 00:00:00");
  });

  it("shows times as 24-hour HH:MM in Asia/Shanghai", () => {
    expect(fEn.time(newYearUtc)).toBe("08:05");
    expect(fZh.time(newYearUtc)).toBe("08:05");
    // en at Shanghai midnight is left out: it prints "24:00" (hour12: false resolves to hourCycle h24
    // for "en"); zh-CN prints 00:00.
    expect(fZh.time(shanghaiMidnight)).toBe("00:00");
    expect(fEn.time(shanghaiMidnight)).toBe("00:00"); // not "24:00" (hour cycle h23)
    expect(fEn.time(Date.UTC(2026, 0, 1, 7, 0))).toBe("15:00");
  });

  it("shows percentages with two decimals and a sign, except for zero", () => {
    expect(fEn.percent(0.0123)).toBe("+1.23%");
    expect(fEn.percent(-0.0123)).toBe("-1.23%");
    expect(fEn.percent(0)).toBe("0.00%");
    expect(fEn.percent(0.5)).toBe("+50.00%");
    expect(fZh.percent(0.0123)).toBe("+1.23%");
    expect(fZh.percent(-0.0123)).toBe("-1.23%");
  });

  it("formats plain numbers and integers", () => {
    expect(fEn.number(1234.567)).toBe("1,234.57");
    expect(fEn.number(1234.5, 0)).toBe("1,235");
    expect(fEn.number(2, 4)).toBe("2.0000");
    expect(fEn.integer(1234.5)).toBe("1,235");
    expect(fZh.integer(3000)).toBe("3,000");
  });
});
