// 简体中文：market 页面（命名空间 "market"），键与 market.en.ts 一致。
import type { Messages } from "../en";

export const marketZhCN: Messages["market"] = {
  title: "行情",
};
