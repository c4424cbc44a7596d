// English strings of the risk screens (namespace "risk"). risk.zh-CN.ts must have the same keys.
export const riskEn = {
  title: "Risk",
};
