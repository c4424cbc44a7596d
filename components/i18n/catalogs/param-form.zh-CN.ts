// 参数提案表单的中文（命名空间 "paramform"）。键与 param-form.en.ts 一致。
import type { paramFormEn } from "./param-form.en";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const paramFormZhCN: Widen<typeof paramFormEn> = {
  sections: {
    classes: "资产类别",
    tiers: "流动性档位",
    sizeTiers: "规模档位（占日均成交额比例）",
    im: "初始保证金",
    lines: "维持担保比例线",
    callMinutes: "追加保证金",
    funding: "融资附加",
  },
  base: "{key} 基础费率",
  sigmaRef: "{key} 参考波动率",
  multiplier: "{key} 乘数",
  bound: "第 {n} 档上限（占日均成交额）",
  tierMultiplier: "第 {n} 档乘数",
  openBound: "留空表示无上限（仅最后一档）",
  addTier: "新增一档",
  removeTier: "删除第 {n} 档",
  imMultiplier: "初始保证金乘数",
  line: { warning: "预警线", liquidation: "平仓线", hardFloor: "强制平仓底线", target: "恢复目标" },
  minutes: "补足期限（分钟）",
  bpsPerVolUnit: "每单位波动率的基点数",
  capBps: "上限（基点）",
  errors: {
    number: "请输入数字。",
    rate: "费率须大于 0 且不超过 1。",
    positive: "须大于零。",
    ascending: "各档上限须逐档递增。",
    openLast: "只有最后一档可以不设上限。",
    imMin: "不得小于 1。",
    lineOrder: "各线须递增：强制平仓底线 < 平仓线 < 预警线 < 恢复目标。",
    minutes: "须为整数分钟，至少 1 分钟。",
  },
  diffTitle: "与现行版本相比的改动",
  noChanges: "尚无改动。",
  fixFirst: "请先修正上面标出的字段，再提交提案。",
  raw: "高级：原始 JSON",
  rawApply: "采用此 JSON",
  rawError: "JSON 无效：第 {line} 行第 {column} 列。",
  rawInvalid: "该 JSON 不是有效的参数集：{message}",
};
