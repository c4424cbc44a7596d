// Server errors by code: English keeps the server's sentence; Chinese leads with the code's sentence.
import { describe, expect, it } from "vitest";
import { createTranslator } from "./config";
import { errorText } from "./error-text";

const zh = createTranslator("zh-CN");
const en = createTranslator("en");

describe("errorText", () => {
  it("keeps the server's message in English", () => {
    const err = { message: "Unknown symbol 600000.SH.", data: { code: "NOT_FOUND" } };
    expect(errorText(err, en, "en")).toBe("Unknown symbol 600000.SH.");
  });
  it("translates by code in Chinese and keeps the detail", () => {
    const err = { message: "Unknown symbol 600000.SH.", data: { code: "NOT_FOUND" } };
    expect(errorText(err, zh, "zh-CN")).toBe("未找到。（详情：Unknown symbol 600000.SH.）");
  });
  it("lists validation issues by field", () => {
    const err = {
      message: "reason: Too small",
      data: { code: "BAD_REQUEST", issues: [{ path: "reason", message: "Too small" }] },
    };
    expect(errorText(err, zh, "zh-CN")).toBe("请求未被接受：请检查填写的内容。（详情：reason：Too small）");
  });
  it("falls back to the message when there is no code", () => {
    expect(errorText(new Error("offline"), zh, "zh-CN")).toBe("offline");
  });
});
