// 日历管理的中文文案（命名空间 "calendar"），与 calendar.en.ts 键一致。
import type { calendarEn } from "./calendar.en";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const calendarZhCN: Shape<typeof calendarEn> = {
  nav: "日历",
  title: "银行与交易所日历",
  intro: "起息日按银行日历计算；交易时段按交易所日历。调休的周末工作日交易所不开市。",
  calendar: "日历",
  year: "年份",
  BANK: "银行",
  EXCHANGE: "交易所",
  seeded: "数据来源：{source}",
  notSeeded: "未从数据包导入（数据包覆盖 {from}–{to} 年）",
  date: "日期",
  kind: "类型",
  name: "名称",
  source: "来源",
  updated: "修改时间",
  HOLIDAY: "节假日（休市）",
  WORKDAY: "调休工作日（营业）",
  count: "共 {n} 天",
  none: "本年度没有登记的日期。",
  add: "新增或修改日期",
  save: "保存",
  remove: "删除",
  confirmRemove: "确定从{calendar}日历中删除 {date}？",
  reason: "原因",
  reasonHint: "原因（记入审计）",
  confirm: "确定删除",
  cancel: "取消",
  saved: "已保存 {date}。",
  removed: "已删除 {date}。",
};
