"use client";
// Create or edit one's own scenario (T1): a synthetic template and its parameters; saving an edit adds
// a version (runs keep naming the version they used). Percentages are typed as percent.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { SyntheticDefinition } from "@/server/stress/synthetic-scenarios";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

const TEMPLATES = ["UNIFORM", "SECTOR", "GAP_AT_OPEN", "LIQUIDITY_CRUNCH", "CORRELATION_ONE", "CUSTOM"] as const;
type Template = (typeof TEMPLATES)[number];

export interface EditTarget {
  seriesId: string;
  version: number;
  name: string;
  description: string;
  definition: SyntheticDefinition;
}

const pct = (x: number | undefined) => (x === undefined ? "" : String(Math.round(x * 10_000) / 100));

export function ScenarioEditor(props: { target: EditTarget | null; onDone: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const d = props.target?.definition;
  const [name, setName] = useState(props.target?.name ?? "");
  const [description, setDescription] = useState(props.target?.description ?? "");
  const [template, setTemplate] = useState<Template>(d?.template ?? "UNIFORM");
  const [shock, setShock] = useState(d && "shock" in d ? pct(d.shock) : "-10");
  const [sector, setSector] = useState(d?.template === "SECTOR" ? d.sector : "");
  const [others, setOthers] = useState(d?.template === "SECTOR" ? pct(d.othersShock) : "0");
  const [days, setDays] = useState(d && "days" in d ? String(d.days) : "3");
  const [volume, setVolume] = useState(d?.template === "LIQUIDITY_CRUNCH" ? String(d.volumeFactor) : "0.2");
  const [custom, setCustom] = useState(
    d?.template === "CUSTOM" ? d.steps.map((s) => `${s.label}, ${pct(s.indexReturn)}, ${s.minutes}`).join("\n") : "",
  );
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const onSuccess = (r: { version: number }) => {
    setSaved(t("stress.editor.saved", { name, v: r.version }));
    void qc.invalidateQueries({ queryKey: trpc.stress.scenarios.pathKey() });
    props.onDone();
  };
  const create = useMutation(trpc.stress.createScenario.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.stress.updateScenario.mutationOptions({ onSuccess }));
  const busy = create.isPending || update.isPending;
  const error = localError ?? create.error?.message ?? update.error?.message ?? null;

  const build = (): SyntheticDefinition | null => {
    const s = Number(shock) / 100;
    switch (template) {
      case "UNIFORM":
      case "GAP_AT_OPEN":
        return { template, shock: s };
      case "SECTOR":
        return { template, sector: sector.trim(), shock: s, othersShock: Number(others) / 100 };
      case "LIQUIDITY_CRUNCH":
        return { template, shock: s, days: Number(days), volumeFactor: Number(volume) };
      case "CORRELATION_ONE":
        return { template, shock: s, days: Number(days) };
      case "CUSTOM": {
        const steps = [];
        const lines = custom.split("\n").filter((l) => l.trim() !== "");
        for (const [i, line] of lines.entries()) {
          const [label, ret, minutes] = line.split(",").map((x) => x.trim());
          if (!label || ret === undefined || minutes === undefined || ret === "" || minutes === "") {
            setLocalError(t("stress.editor.customError", { line: i + 1 }));
            return null;
          }
          steps.push({ label, indexReturn: Number(ret) / 100, minutes: Number(minutes) });
        }
        return { template, steps };
      }
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLocalError(null);
    setSaved(null);
    const definition = build();
    if (!definition) return;
    const body = { name, description, definition };
    if (props.target) update.mutate({ ...body, seriesId: props.target.seriesId });
    else create.mutate(body);
  };
  const title = props.target
    ? t("stress.editor.editTitle", { name: props.target.name, v: props.target.version + 1 })
    : t("stress.editor.createTitle");
  return (
    <form className="panel stack" onSubmit={submit} aria-labelledby="editor-title" data-testid="stress-editor">
      <h2 id="editor-title">{title}</h2>
      <div className="form-grid">
        <label>
          {t("stress.editor.name")}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        </label>
        <label>
          {t("stress.editor.template")}
          <select value={template} onChange={(e) => setTemplate(e.target.value as Template)}>
            {TEMPLATES.map((x) => (
              <option key={x} value={x}>
                {t(`stress.editor.templates.${x}`)}
              </option>
            ))}
          </select>
        </label>
        {template !== "CUSTOM" && (
          <label>
            {t("stress.editor.shock")}
            <input
              type="number"
              step="0.1"
              min={-95}
              max={50}
              value={shock}
              onChange={(e) => setShock(e.target.value)}
              required
            />
          </label>
        )}
        {template === "SECTOR" && (
          <>
            <label>
              {t("stress.editor.sector")}
              <input value={sector} onChange={(e) => setSector(e.target.value)} required maxLength={40} />
            </label>
            <label>
              {t("stress.editor.othersShock")}
              <input
                type="number"
                step="0.1"
                min={-95}
                max={50}
                value={others}
                onChange={(e) => setOthers(e.target.value)}
              />
            </label>
          </>
        )}
        {(template === "LIQUIDITY_CRUNCH" || template === "CORRELATION_ONE") && (
          <label>
            {t("stress.editor.days")}
            <input type="number" min={1} max={20} value={days} onChange={(e) => setDays(e.target.value)} required />
          </label>
        )}
        {template === "LIQUIDITY_CRUNCH" && (
          <label>
            {t("stress.editor.volumeFactor")}
            <input
              type="number"
              step="0.01"
              min={0.01}
              max={1}
              value={volume}
              onChange={(e) => setVolume(e.target.value)}
            />
          </label>
        )}
      </div>
      {template === "CUSTOM" && (
        <label>
          <span className="hint">{t("stress.editor.customHint")}</span>
          <textarea rows={6} value={custom} onChange={(e) => setCustom(e.target.value)} className="mono" />
        </label>
      )}
      <label>
        {t("stress.editor.description")}
        <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {saved && <p className="ok-banner">{saved}</p>}
      <div className="actions">
        <button type="button" className="btn" onClick={props.onDone}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t("stress.editor.save")}
        </button>
      </div>
    </form>
  );
}
