"use client";
// M2/T3 drills for ADMIN: inject a scenario into the live simulator after a confirmation.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import styles from "./market.module.css";

const KINDS = ["FLASH_CRASH", "SECTOR_GAP", "LIQUIDITY_CRUNCH", "MARKET_CRASH", "FEED_OUTAGE", "SUSPENSION"] as const;
type Kind = (typeof KINDS)[number];

export function DrillForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const symbols = useQuery({ ...trpc.market.symbols.queryOptions(), staleTime: 300_000 });
  const [kind, setKind] = useState<Kind>("FLASH_CRASH");
  const [symbol, setSymbol] = useState("");
  const [sector, setSector] = useState("");
  const [magnitude, setMagnitude] = useState("7");
  const [minutes, setMinutes] = useState("5");
  const [confirming, setConfirming] = useState(false);
  const run = useMutation(trpc.monitoring.runDrill.mutationOptions({ onSettled: () => setConfirming(false) }));
  const sectors = [...new Set((symbols.data ?? []).map((s) => s.sector))].sort();
  const needsSymbol = kind === "FLASH_CRASH" || kind === "SUSPENSION" || (kind === "LIQUIDITY_CRUNCH" && !sector);
  const needsSector = kind === "SECTOR_GAP";
  const hasMove = kind === "FLASH_CRASH" || kind === "SECTOR_GAP" || kind === "MARKET_CRASH";

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!confirming) return setConfirming(true);
    run.mutate({
      kind,
      symbol:
        kind === "FLASH_CRASH" || kind === "LIQUIDITY_CRUNCH" || kind === "SUSPENSION"
          ? symbol || undefined
          : undefined,
      sector: kind === "SECTOR_GAP" || kind === "LIQUIDITY_CRUNCH" ? sector || undefined : undefined,
      magnitude: hasMove ? Number(magnitude) / 100 : undefined,
      minutes: kind === "LIQUIDITY_CRUNCH" || kind === "FEED_OUTAGE" ? Number(minutes) : undefined,
    });
  };

  return (
    <section className="panel" aria-labelledby="drill-title">
      <div className="panel-head">
        <h2 id="drill-title">{t("market.drills.title")}</h2>
      </div>
      <datalist id="drill-symbols">
        {symbols.data?.map((s) => (
          <option key={s.code} value={s.code}>
            {s.name}
          </option>
        ))}
      </datalist>
      <form onSubmit={submit} className="form-grid">
        <label>
          {t("market.drills.kind")}
          <select
            aria-label={t("market.drills.kind")}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setConfirming(false);
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`market.drills.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {(needsSymbol || kind === "LIQUIDITY_CRUNCH") && (
          <label>
            {t("market.drills.symbol")}
            <input
              list="drill-symbols"
              value={symbol}
              onChange={(e) => setSymbol(e.target.value.trim().toUpperCase())}
              placeholder="600519.SH"
              required={needsSymbol}
            />
          </label>
        )}
        {(needsSector || kind === "LIQUIDITY_CRUNCH") && (
          <label>
            {t("market.drills.sector")}
            <select
              aria-label={t("market.drills.sector")}
              value={sector}
              onChange={(e) => setSector(e.target.value)}
              required={needsSector}
            >
              <option value="">–</option>
              {sectors.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        {hasMove && (
          <label>
            {t("market.drills.magnitude")}
            <input
              type="number"
              min={1}
              max={50}
              step={0.5}
              value={magnitude}
              onChange={(e) => setMagnitude(e.target.value)}
            />
          </label>
        )}
        {(kind === "LIQUIDITY_CRUNCH" || kind === "FEED_OUTAGE") && (
          <label>
            {t("market.drills.minutes")}
            <input type="number" min={1} max={60} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </label>
        )}
        <div className={styles.confirm}>
          {confirming && (
            <span className="small" role="status">
              {t("market.drills.confirm")}
            </span>
          )}
          <button type="submit" className="btn btn-primary" disabled={run.isPending}>
            {confirming ? t("market.alerts.confirm") : t("market.drills.run")}
          </button>
          {confirming && (
            <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)}>
              {t("market.alerts.cancel")}
            </button>
          )}
        </div>
      </form>
      {run.isError && (
        <p role="alert" className="form-error">
          {run.error.message}
        </p>
      )}
      {run.isSuccess && (
        <p className="ok-banner" role="status">
          {t("market.drills.done", { kind: t(`market.drills.kinds.${run.data.kind}`), n: run.data.symbols.length })}
        </p>
      )}
    </section>
  );
}
