// What the desk publishes when a ticket's execution slice fails on its own (after the batch was split,
// so it is this ticket and not a neighbour): a critical desk event for the duty risk team. The slice is
// retried at the next close; repeats carry the same key, so on-call groups them into one incident.
import type { DeskEvent } from "../notify/desk-event";
import { ACCOUNT_PLACEHOLDER } from "../notify/desk-event";

export function executionFailedEvent(
  ticket: { id: string; accountId: string },
  error: unknown,
  now: number,
): DeskEvent {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").slice(0, 200);
  return {
    kind: "liquidation.executionFailed",
    severity: "CRITICAL",
    key: `execution-failed:${ticket.id}`,
    title: `Liquidation execution failed: ${ACCOUNT_PLACEHOLDER}`,
    detail: `The execution slice of account ${ACCOUNT_PLACEHOLDER} failed (${reason}); it is retried at the next minute close. Check the ticket in the liquidation queue.`,
    zh: {
      title: `强平执行失败：${ACCOUNT_PLACEHOLDER}`,
      detail: `账户 ${ACCOUNT_PLACEHOLDER} 的强平执行分片失败（${reason}），将在下一分钟收盘时重试。请在强平队列中检查该工单。`,
    },
    accountId: ticket.accountId,
    objectType: "LiquidationTicket",
    objectId: ticket.id,
    link: `/accounts/${encodeURIComponent(ticket.accountId)}`,
    ts: now,
  };
}
