// 简体中文：payments 页面（命名空间 "payments"），键与 payments.en.ts 一致。
import type { Messages } from "../en";

export const paymentsZhCN: Messages["payments"] = {
  title: "出入金",
};
