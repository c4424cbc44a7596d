// 简体中文：risk 页面（命名空间 "risk"），键与 risk.en.ts 一致。
import type { Messages } from "../en";

export const riskZhCN: Messages["risk"] = {
  title: "风险",
};
