// F1 overdue handling, pure: a loan past its term is OVERDUE and accrues penalty interest (the
// contractual rate raised by half, the upper end of the 30%-50% mark-up Chinese lenders apply to
// overdue principal); after `restrictAfterDays` whole days the client may not buy on margin; after
// `liquidateAfterDays` the duty risk desk is paged to liquidate through the queue.

export interface OverduePolicy {
  penaltyMultiplier: number;
  restrictAfterDays: number;
  liquidateAfterDays: number;
}

export const DEFAULT_OVERDUE_POLICY: OverduePolicy = {
  penaltyMultiplier: 1.5,
  restrictAfterDays: 3,
  liquidateAfterDays: 10,
};

export type OverdueStage = "CURRENT" | "OVERDUE" | "RESTRICT" | "LIQUIDATE";

const DAY = 86_400_000;

export function dueAt(loan: { createdAt: Date; termDays: number }): number {
  return loan.createdAt.getTime() + loan.termDays * DAY;
}

/** The stage of a loan at `now`: CURRENT up to and at its due instant; days overdue are whole days. */
export function overdueStage(
  loan: { createdAt: Date; termDays: number },
  now: number,
  policy: OverduePolicy = DEFAULT_OVERDUE_POLICY,
): { stage: OverdueStage; days: number } {
  const due = dueAt(loan);
  if (now <= due) return { stage: "CURRENT", days: 0 };
  const days = Math.floor((now - due) / DAY);
  if (days >= policy.liquidateAfterDays) return { stage: "LIQUIDATE", days };
  if (days >= policy.restrictAfterDays) return { stage: "RESTRICT", days };
  return { stage: "OVERDUE", days };
}

/** The annual rate a loan accrues at: penalty interest once it is overdue. */
export function accrualRate(
  loan: { rate: number; status: string },
  policy: OverduePolicy = DEFAULT_OVERDUE_POLICY,
): number {
  return loan.status === "OVERDUE" ? loan.rate * policy.penaltyMultiplier : loan.rate;
}

/** Loans still owed: open or overdue (an overdue loan still uses its limits and accrues). */
export const OUTSTANDING = ["OPEN", "OVERDUE"];

/** Days past due summed over the account's loans in the last 12 months (open or overdue now). */
export function overdueDays(loans: readonly { createdAt: Date; termDays: number }[], now: number): number {
  let days = 0;
  for (const l of loans) {
    const due = l.createdAt.getTime() + l.termDays * DAY;
    if (now > due) days += Math.floor((now - Math.max(due, now - 365 * DAY)) / DAY);
  }
  return days;
}
