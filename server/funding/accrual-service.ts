// Daily accrual of open loans (C1 interest and fee income): simple ACT/365 on the principal,
// rounded to the fen, posted with the ledger's interestAccrualEntry (the client's debt rises) and
// feeEntry (charged from the client's cash), once per loan and day (LoanAccrual's unique key and
// the entries' idempotency keys).
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { feeEntry, interestAccrualEntry, toMoney } from "../ledger/ledger-math";
import { postEntryTx } from "../ledger/ledger-service";
import { accrualRate, OUTSTANDING } from "./overdue";

export function accrualFor(principal: Decimal, annualRate: number): Decimal {
  return toMoney(principal.mul(annualRate).div(365));
}

/** Accrues `day` (YYYY-MM-DD) for every open loan not yet accrued that day; returns the totals posted. */
export async function accrueDay(prisma: PrismaClient, day: string, batch = 200) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError("day must be YYYY-MM-DD");
  let interest = new Decimal(0);
  let fees = new Decimal(0);
  let loans = 0;
  let after = "";
  for (;;) {
    const page = await prisma.loan.findMany({
      where: {
        status: { in: OUTSTANDING },
        id: { gt: after },
        OR: [{ lastAccruedDay: null }, { lastAccruedDay: { lt: day } }],
      },
      orderBy: { id: "asc" },
      take: batch,
    });
    if (page.length === 0) break;
    after = page[page.length - 1]?.id ?? after;
    await prisma.$transaction(async (tx) => {
      for (const l of page) {
        const principal = new Decimal(l.principal.toString());
        const i = accrualFor(principal, accrualRate(l)); // penalty interest once overdue
        const f = accrualFor(principal, l.feeRate);
        await tx.loanAccrual.create({ data: { loanId: l.id, day, interest: i.toFixed(2), fee: f.toFixed(2) } });
        const ref = { refType: "Loan", refId: l.id };
        if (i.gt(0))
          await postEntryTx(tx, interestAccrualEntry(l.accountId, i), {
            ...ref,
            idempotencyKey: `accrual:${l.id}:${day}:interest`,
          });
        if (f.gt(0))
          await postEntryTx(tx, feeEntry(l.accountId, f), { ...ref, idempotencyKey: `accrual:${l.id}:${day}:fee` });
        await tx.loan.update({ where: { id: l.id }, data: { lastAccruedDay: day } });
        interest = interest.plus(i);
        fees = fees.plus(f);
        loans++;
      }
    });
  }
  return { day, loans, interest: interest.toNumber(), fees: fees.toNumber() };
}
