// 共享K线面板、股票选择框与涨跌颜色设置的中文（命名空间 "deskux"）。键与 desk-ux.en.ts 一致。
import type { deskUxEn } from "./desk-ux.en";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const deskUxZhCN: Widen<typeof deskUxEn> = {
  interval: { "1m": "1 分钟", "5m": "5 分钟", "15m": "15 分钟" },
  chart: "{interval} K 线",
  intervalGroup: "周期",
  markers: "图上有 {n} 个检测器告警",
  markers_one: "图上有 {n} 个检测器告警",
  colors: {
    label: "涨跌颜色",
    auto: "跟随语言",
    RED_UP: "红涨绿跌",
    GREEN_UP: "绿涨红跌",
  },
  serverErrors: {
    BAD_REQUEST: "请求未被接受：请检查填写的内容。",
    UNAUTHORIZED: "请重新登录。",
    FORBIDDEN: "您无权执行此操作。",
    NOT_FOUND: "未找到。",
    CONFLICT: "与当前状态冲突：请刷新后重试。",
    PRECONDITION_FAILED: "尚不满足执行此操作的条件。",
    PAYLOAD_TOO_LARGE: "请求内容过大。",
    UNSUPPORTED_MEDIA_TYPE: "不支持此文件类型。",
    TOO_MANY_REQUESTS: "请求过于频繁，请稍后再试。",
    TIMEOUT: "服务器处理超时：请缩小范围后重试。",
    INTERNAL_SERVER_ERROR: "服务器出错。",
    detail: "{text}（详情：{detail}）",
    field: "{field}：{message}",
  },
  enums: {
    MAIN_BOARD: "主板",
    GROWTH: "成长板（创业板、科创板）",
    T1: "一档（流动性最好）",
    T2: "二档",
    T3: "三档（流动性最差）",
  },
  evidence: {
    spread: "价差 ×{v}",
    depth: "深度 {v}",
    bp: "{v} 基点",
    imbalance: "买卖失衡 {v} · {m} 分钟",
    volZ: "成交量 z {v}",
    run: "游程 {from} → {to}",
  },
  seededRules: {
    crash: "暴跌或暴涨：保证金提高至 1.5 倍",
    cusumDown: "CUSUM 下行：限制新买入",
    volSpike: "波动率飙升：提出对冲建议",
    anyWarning: "任何预警：通知交易台",
    depth: "流动性：深度骤降时保证金提高至 1.25 倍",
  },
  chooser: {
    label: "选择股票",
    placeholder: "代码、名称或拼音首字母",
    recent: "最近查看",
    watchlist: "自选股",
    all: "全部股票",
    none: "没有匹配的股票。",
    watch: "加入自选：{symbol}",
    unwatch: "移出自选：{symbol}",
    suspended: "停牌",
  },
};
