import { describe, expect, it } from "vitest";
import { matchPalette, type PaletteItem } from "./palette-items";

const items: PaletteItem[] = [
  { kind: "page", label: "Approvals", keywords: "/payments/approvals", href: "/payments/approvals" },
  { kind: "page", label: "Accounts", keywords: "/accounts", href: "/accounts" },
  { kind: "account", label: "A00042 王芳", keywords: "A00042 王芳", href: "/accounts/acc-42" },
  { kind: "symbol", label: "600000.SH 浦发银行", keywords: "600000.SH 浦发银行", href: "/market/600000.SH" },
  { kind: "case", label: "Case A00042 王芳", keywords: "A00042", href: "/compliance/cases/c1" },
];

describe("matchPalette", () => {
  it("lists only pages for an empty query", () => {
    expect(matchPalette(items, "  ").map((i) => i.label)).toEqual(["Approvals", "Accounts"]);
  });
  it("finds an account and its case by code, the account first", () => {
    expect(matchPalette(items, "a00042").map((i) => i.href)).toEqual(["/accounts/acc-42", "/compliance/cases/c1"]);
  });
  it("needs every word to match", () => {
    expect(matchPalette(items, "600000 浦发").map((i) => i.href)).toEqual(["/market/600000.SH"]);
    expect(matchPalette(items, "600000 王芳")).toEqual([]);
  });
  it("ranks prefix matches before inner ones", () => {
    // "app" starts "Approvals"; in "/payments/approvals" it is inside a token.
    expect(matchPalette(items, "app")[0]?.label).toBe("Approvals");
  });
});
