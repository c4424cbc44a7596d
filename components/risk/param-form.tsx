"use client";
// The parameter proposal form (R2): a section per part of the set, errors at their fields, the
// diff against the live version before proposing, and the raw JSON as an advanced option that
// says where it stops parsing.
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { diffParams, type RiskParams } from "@/server/risk/margin/risk-params";
import { riskParamsSchema } from "@/server/risk/params/param-schema";
import { enumLabel } from "../i18n/enum-label";
import { useI18n } from "../i18n/i18n-provider";
import { useErrorText } from "../i18n/use-error-text";
import { useTRPC } from "../trpc/react";
import { jsonErrorAt } from "./json-position";
import { fromDraft, toDraft, type ParamDraft } from "./param-draft";
import { FieldSection, NumField } from "./param-fields";
import styles from "./risk.module.css";

const show = (v: unknown) => (v === null || v === undefined ? "∅" : JSON.stringify(v));
const LINES = ["hardFloor", "liquidation", "warning", "target"] as const;

export function ParamProposeForm({ active, onProposed }: { active: RiskParams; onProposed: () => void }) {
  const { t } = useI18n();
  const errText = useErrorText();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<ParamDraft>(() => toDraft(active));
  const [reason, setReason] = useState("");
  const [raw, setRaw] = useState("");
  const [rawProblem, setRawProblem] = useState<string | null>(null);
  const result = useMemo(() => fromDraft(draft), [draft]);
  const diff = useMemo(() => (result.params ? diffParams(active, result.params) : []), [active, result.params]);
  const propose = useMutation(
    trpc.risk.proposeParams.mutationOptions({
      onSuccess: () => {
        setReason("");
        onProposed();
      },
    }),
  );
  const edit = (f: (d: ParamDraft) => void) =>
    setDraft((d) => {
      const next = structuredClone(d);
      f(next);
      return next;
    });
  const err = (path: string) => result.errors[path];
  const keyed = (name: "base" | "sigmaRef" | "liquidityMultiplier", label: "base" | "sigmaRef" | "multiplier") =>
    Object.entries(draft[name]).map(([k, v]) => (
      <NumField
        key={`${name}.${k}`}
        path={`${name}.${k}`}
        label={t(`paramform.${label}`, { key: enumLabel(t, k) })}
        value={v}
        error={err(`${name}.${k}`)}
        onChange={(s) => edit((d) => void (d[name][k] = s))}
      />
    ));
  const applyRaw = () => {
    const at = jsonErrorAt(raw);
    if (at) return setRawProblem(t("paramform.rawError", at));
    const parsed = riskParamsSchema.safeParse(JSON.parse(raw));
    if (!parsed.success)
      return setRawProblem(t("paramform.rawInvalid", { message: parsed.error.issues.map((i) => i.message).join(" ") }));
    setRawProblem(null);
    setDraft(toDraft(parsed.data as RiskParams));
  };

  return (
    <form
      className="stack"
      data-testid="param-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (result.params) propose.mutate({ params: result.params, reason });
      }}
    >
      {propose.isError && (
        <p role="alert" className="form-error">
          {errText(propose.error)}
        </p>
      )}
      {propose.isSuccess && <p className="ok-banner">{t("risk.params.proposed", { version: propose.data.version })}</p>}
      <FieldSection title={t("paramform.sections.classes")}>
        {keyed("base", "base")}
        {keyed("sigmaRef", "sigmaRef")}
      </FieldSection>
      <FieldSection title={t("paramform.sections.tiers")}>{keyed("liquidityMultiplier", "multiplier")}</FieldSection>
      <FieldSection title={t("paramform.sections.sizeTiers")}>
        {draft.sizeTiers.map(([b, m], i) => (
          <div key={i} className={styles.paramRow}>
            <NumField
              path={`sizeTiers.${i}.bound`}
              label={t("paramform.bound", { n: i + 1 })}
              value={b}
              hint={i === draft.sizeTiers.length - 1 ? t("paramform.openBound") : undefined}
              error={err(`sizeTiers.${i}.bound`)}
              onChange={(s) => edit((d) => void (d.sizeTiers[i] = [s, d.sizeTiers[i]?.[1] ?? ""]))}
            />
            <NumField
              path={`sizeTiers.${i}.multiplier`}
              label={t("paramform.tierMultiplier", { n: i + 1 })}
              value={m}
              error={err(`sizeTiers.${i}.multiplier`)}
              onChange={(s) => edit((d) => void (d.sizeTiers[i] = [d.sizeTiers[i]?.[0] ?? "", s]))}
            />
            <button
              type="button"
              className="btn btn-ghost"
              disabled={draft.sizeTiers.length <= 1}
              onClick={() => edit((d) => void d.sizeTiers.splice(i, 1))}
            >
              {t("paramform.removeTier", { n: i + 1 })}
            </button>
          </div>
        ))}
        <div>
          <button type="button" className="btn" onClick={() => edit((d) => void d.sizeTiers.push(["", ""]))}>
            {t("paramform.addTier")}
          </button>
        </div>
      </FieldSection>
      <FieldSection title={t("paramform.sections.lines")}>
        {LINES.map((k) => (
          <NumField
            key={k}
            path={`lines.${k}`}
            label={t(`paramform.line.${k}`)}
            value={draft.lines[k]}
            error={err(`lines.${k}`)}
            onChange={(s) => edit((d) => void (d.lines[k] = s))}
          />
        ))}
      </FieldSection>
      <FieldSection title={t("paramform.sections.im")}>
        <NumField
          path="imMultiplier"
          label={t("paramform.imMultiplier")}
          value={draft.imMultiplier}
          error={err("imMultiplier")}
          onChange={(s) => edit((d) => void (d.imMultiplier = s))}
        />
        <NumField
          path="marginCallMinutes"
          label={t("paramform.minutes")}
          value={draft.marginCallMinutes}
          error={err("marginCallMinutes")}
          onChange={(s) => edit((d) => void (d.marginCallMinutes = s))}
        />
        {draft.fundingAddOn && (
          <>
            <NumField
              path="fundingAddOn.bpsPerVolUnit"
              label={t("paramform.bpsPerVolUnit")}
              value={draft.fundingAddOn.bpsPerVolUnit}
              error={err("fundingAddOn.bpsPerVolUnit")}
              onChange={(s) => edit((d) => void (d.fundingAddOn && (d.fundingAddOn.bpsPerVolUnit = s)))}
            />
            <NumField
              path="fundingAddOn.capBps"
              label={t("paramform.capBps")}
              value={draft.fundingAddOn.capBps}
              error={err("fundingAddOn.capBps")}
              onChange={(s) => edit((d) => void (d.fundingAddOn && (d.fundingAddOn.capBps = s)))}
            />
          </>
        )}
      </FieldSection>

      <section aria-labelledby="param-diff-title" data-testid="param-diff" data-count={diff.length}>
        <h3 id="param-diff-title" className="small">
          {t("paramform.diffTitle")}
        </h3>
        {diff.length === 0 ? (
          <p className="muted small">{t("paramform.noChanges")}</p>
        ) : (
          <ul className={styles.diff}>
            {diff.map((c) => (
              <li key={c.path}>
                {c.path}: {show(c.from)} → {show(c.to)}
              </li>
            ))}
          </ul>
        )}
      </section>
      {(Object.keys(result.errors).length > 0 || result.other.length > 0) && (
        <p role="alert" className="form-error">
          {t("paramform.fixFirst")} {result.other.join(" ")}
        </p>
      )}
      <label>
        {t("risk.params.reason")}
        <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={5} maxLength={1000} />
      </label>
      <div>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={propose.isPending || !result.params || diff.length === 0}
        >
          {t("risk.params.submit")}
        </button>
      </div>

      <details
        onToggle={(e) => {
          if (e.currentTarget.open && raw === "") setRaw(JSON.stringify(result.params ?? active, null, 2));
        }}
      >
        <summary>{t("paramform.raw")}</summary>
        <label>
          {t("risk.params.json")}
          <textarea className={styles.json} value={raw} onChange={(e) => setRaw(e.target.value)} spellCheck={false} />
        </label>
        {rawProblem && (
          <p role="alert" className="form-error" data-testid="raw-error">
            {rawProblem}
          </p>
        )}
        <button type="button" className="btn" onClick={applyRaw}>
          {t("paramform.rawApply")}
        </button>
      </details>
    </form>
  );
}
