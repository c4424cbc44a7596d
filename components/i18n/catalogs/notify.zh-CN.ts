// 通知中心、键盘帮助与命令面板的简体中文（命名空间 "notify"），键与 notify.en.ts 一致。
import type { keyboardEn, notifyEn } from "./notify.en";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const keyboardZhCN: Shape<typeof keyboardEn> = {
  skip: "跳到主要内容",
  palette: {
    title: "前往",
    placeholder: "前往页面、账户代码、股票或案件…",
    results: "结果",
    none: "没有匹配项。",
    hint: "↑ ↓ 选择，Enter 打开，Esc 关闭。",
    case: "案件",
    kinds: { page: "页面", account: "账户", symbol: "股票", case: "案件" },
  },
  help: {
    title: "键盘快捷键",
    queues: "j、k 和 o 用于队列页面：审批、案件和强平队列。",
    palette: "打开命令面板（Mac 上为 Cmd+K）",
    help: "显示此列表",
    next: "下一行",
    previous: "上一行",
    open: "打开该行",
    close: "关闭对话框或面板",
  },
};

export const notifyZhCN: Shape<typeof notifyEn> = {
  bell: "通知",
  bellUnread: "通知，{count} 条未读",
  panelTitle: "通知",
  empty: "暂无通知。",
  markAllRead: "全部标为已读",
  markRead: "标为已读",
  unreadOnly: "仅看未读",
  unread: "未读",
  desktopEnable: "桌面通知",
  desktopOn: "桌面通知已开启",
  desktopDenied: "此浏览器已阻止桌面通知",
  processed: {
    nav: "已处理",
    title: "已处理出金",
    intro:
      "已批准并交给支付通道的出金：已发送、已结算、失败或被退回。失败或退回的条目显示通道给出的原因，并通知其发起人和审批人。",
    filter: "显示",
    all: "全部",
    empty: "此视图中没有已处理的出金。",
    account: "账户",
    amount: "金额",
    channel: "通道",
    status: "状态",
    sent: "发送时间",
    settled: "结算时间",
    reason: "原因",
    approvers: "发起人与审批人",
    open: "打开",
  },
  severity: { INFO: "提示", WARNING: "警告", CRITICAL: "严重" },
  kinds: {
    liquidation_ticket: "强平工单",
    payment_failed: "付款失败",
    case_assigned: "案件分配",
    case_slaBreached: "案件超时",
    market_alert: "自选股预警",
    approval_withdrawal: "待审批出金",
    approval_parameters: "待审批参数",
    approval_access: "待审批权限变更",
    oncall_page: "值班呼叫",
    desk_event: "风控台事件",
  },
};
