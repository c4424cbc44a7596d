// Seeded rule names by catalog key; the English catalog must give back the seeded name exactly.
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "@/server/market/monitoring/seed-demo";
import { createTranslator } from "../i18n/config";
import { ruleName } from "./seeded-rule-name";

describe("ruleName", () => {
  it("gives every seeded rule its own name in English and a Chinese name", () => {
    const en = createTranslator("en");
    const zh = createTranslator("zh-CN");
    for (const r of DEFAULT_RULES) {
      expect(ruleName(en, r.name)).toBe(r.name);
      expect(ruleName(zh, r.name)).not.toBe(r.name);
    }
    expect(ruleName(zh, "Any warning: notify the desk")).toBe("任何预警：通知交易台");
  });
  it("keeps a user's own rule name", () => {
    expect(ruleName(createTranslator("zh-CN"), "My rule")).toBe("My rule");
  });
});
