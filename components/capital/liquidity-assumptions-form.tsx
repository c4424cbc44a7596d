"use client";
// Proposing new LCR assumptions (C2): every run-off, haircut, inflow share and the two alert lines as
// a percentage, prefilled with the version in force; changed fields are marked, each field is checked
// where it is typed, and the proposal needs a reason. It takes effect only once a MANAGER approves.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

export interface Assumptions {
  haircut: { LEVEL1: number; LEVEL2A: number; LEVEL2B: number };
  runOff: { OWN_CAPITAL: number; BANK_CREDIT: number; INSTITUTIONAL: number; RETAIL_POOL: number };
  undrawnDrawdown: number;
  inflowRate: number;
  inflowCap: number;
  minLcr: number;
  minReserveRatio: number;
}

/** Each field: its path in the assumptions and the largest percentage allowed. */
const FIELDS = [
  ["runOff.OWN_CAPITAL", 100],
  ["runOff.BANK_CREDIT", 100],
  ["runOff.INSTITUTIONAL", 100],
  ["runOff.RETAIL_POOL", 100],
  ["undrawnDrawdown", 100],
  ["inflowRate", 100],
  ["inflowCap", 100],
  ["haircut.LEVEL1", 100],
  ["haircut.LEVEL2A", 100],
  ["haircut.LEVEL2B", 100],
  ["minLcr", 1000],
  ["minReserveRatio", 100],
] as const;
type Path = (typeof FIELDS)[number][0];

const read = (a: Assumptions, path: Path): number => {
  const [head, tail] = path.split(".") as [keyof Assumptions, string | undefined];
  const v = a[head];
  return typeof v === "number" ? v : ((v as Record<string, number>)[tail as string] ?? 0);
};

function build(values: Record<Path, string>): Assumptions {
  const n = (p: Path) => Number(values[p]) / 100;
  return {
    haircut: { LEVEL1: n("haircut.LEVEL1"), LEVEL2A: n("haircut.LEVEL2A"), LEVEL2B: n("haircut.LEVEL2B") },
    runOff: {
      OWN_CAPITAL: n("runOff.OWN_CAPITAL"),
      BANK_CREDIT: n("runOff.BANK_CREDIT"),
      INSTITUTIONAL: n("runOff.INSTITUTIONAL"),
      RETAIL_POOL: n("runOff.RETAIL_POOL"),
    },
    undrawnDrawdown: n("undrawnDrawdown"),
    inflowRate: n("inflowRate"),
    inflowCap: n("inflowCap"),
    minLcr: n("minLcr"),
    minReserveRatio: n("minReserveRatio"),
  };
}

export function LiquidityAssumptionsForm({ inForce, version }: { inForce: Assumptions; version: number }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const initial = useMemo(
    () =>
      Object.fromEntries(FIELDS.map(([p]) => [p, String(Math.round(read(inForce, p) * 1e6) / 1e4)])) as Record<
        Path,
        string
      >,
    [inForce],
  );
  const [values, setValues] = useState(initial);
  const [reason, setReason] = useState("");
  const propose = useMutation(
    trpc.capital.proposeLiquidity.mutationOptions({
      onSuccess: () => {
        setReason("");
        void qc.invalidateQueries({ queryKey: trpc.capital.pathKey() });
      },
    }),
  );
  const errorOf = (p: Path, max: number) => {
    const v = values[p].trim();
    if (v === "" || !Number.isFinite(Number(v))) return t("capital.changes.needNumber");
    if (Number(v) < 0 || Number(v) > max) return t("capital.changes.range", { max });
    return null;
  };
  const errors = FIELDS.map(([p, max]) => errorOf(p, max));
  const changed = FIELDS.filter(([p]) => Number(values[p]) !== Number(initial[p])).length;
  const valid = errors.every((e) => e === null) && reason.trim().length >= 5 && changed > 0;
  return (
    <form
      className="stack"
      data-testid="liquidity-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) propose.mutate({ assumptions: build(values), reason: reason.trim() });
      }}
    >
      <p className="muted small">{t("capital.changes.liquidityIntro", { v: version })}</p>
      <div className="form-grid">
        {FIELDS.map(([p], i) => {
          const id = `liq-${p.replace(".", "-")}`;
          const err = errors[i];
          const isChanged = Number(values[p]) !== Number(initial[p]);
          return (
            <label key={p} htmlFor={id} className="stack">
              <span>
                {t(`capital.changes.fields.${p.replace(".", "_") as "minLcr"}`)} (%)
                {isChanged && <span className="small"> · {t("capital.changes.was", { v: initial[p] })}</span>}
              </span>
              <input
                id={id}
                inputMode="decimal"
                value={values[p]}
                aria-invalid={err !== null}
                aria-describedby={err ? `${id}-err` : undefined}
                onChange={(e) => setValues({ ...values, [p]: e.target.value })}
              />
              {err && (
                <span id={`${id}-err`} className="form-error small">
                  {err}
                </span>
              )}
            </label>
          );
        })}
      </div>
      <label className="stack">
        <span>{t("capital.changes.reason")}</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} minLength={5} maxLength={1000} required />
      </label>
      {propose.error && (
        <p role="alert" className="form-error">
          {propose.error.message}
        </p>
      )}
      {propose.isSuccess && (
        <p role="status" className="muted">
          {t("capital.changes.proposed", { v: propose.data.version })}
        </p>
      )}
      <div className="actions" style={{ gap: "0.75rem" }}>
        <span className="muted small">{t("capital.changes.changedFields", { n: changed })}</span>
        <button type="submit" className="btn btn-primary" disabled={!valid || propose.isPending}>
          {t("capital.changes.propose")}
        </button>
      </div>
    </form>
  );
}
