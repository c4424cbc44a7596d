// Plural forms by Intl.PluralRules: "1 open alert", "2 open alerts"; Chinese has one form.
import { describe, expect, it } from "vitest";
import { createTranslator } from "./config";

describe("plural forms", () => {
  it("picks key_one for 1 in English and the plain key otherwise", () => {
    const t = createTranslator("en");
    expect(t("market.overview.openAlerts", { n: 1 })).toBe("1 open alert");
    expect(t("market.overview.openAlerts", { n: 2 })).toBe("2 open alerts");
    expect(t("market.overview.openAlerts", { n: 0 })).toBe("0 open alerts");
  });
  it("uses the one Chinese form", () => {
    expect(createTranslator("zh-CN")("market.overview.openAlerts", { n: 1 })).toBe("1 条未处理预警");
  });
  it("writes basis points one way per language", () => {
    expect(createTranslator("en")("risk.fig.bps", { v: 17.6 })).toBe("17.6 bp");
    expect(createTranslator("zh-CN")("risk.fig.bps", { v: 41 })).toBe("41 基点");
  });
});
