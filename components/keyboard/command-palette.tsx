"use client";
// The command palette (Ctrl+K / Cmd+K): jump to a page, an account (by code or name), a symbol or a
// case. A modal <dialog> (focus stays inside, Esc closes) with a combobox and a listbox: arrows move,
// Enter opens. Only what the role may view is searched.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { hasPermission, type Role } from "@/server/auth/roles";
import { useI18n } from "../i18n/i18n-provider";
import type { MessageKey } from "../i18n/config";
import { navItemsFor } from "../shell/nav-items";
import { useTRPC } from "../trpc/react";
import { matchPalette, type PaletteItem } from "./palette-items";

export function CommandPalette({ role, open, onClose }: { role: Role; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const search = query.trim();
  const accounts = useQuery({
    ...trpc.accounts.list.queryOptions({ search, limit: 8 }),
    enabled: open && search.length >= 2 && hasPermission(role, "accounts.view"),
  });
  const symbols = useQuery({
    ...trpc.market.symbols.queryOptions(),
    enabled: open && hasPermission(role, "market.view"),
  });
  const cases = useQuery({
    ...trpc.surveillance.cases.queryOptions({ limit: 200 }),
    enabled: open && hasPermission(role, "surveillance.view"),
  });
  const items = useMemo<PaletteItem[]>(() => {
    const out: PaletteItem[] = navItemsFor(role).map((n) => ({
      kind: "page",
      label: t(n.label),
      keywords: n.href,
      href: n.href,
    }));
    for (const a of accounts.data?.items ?? [])
      out.push({
        kind: "account",
        label: `${a.code} ${a.clientName}`,
        keywords: a.id,
        href: `/accounts/${encodeURIComponent(a.id)}`,
      });
    for (const s of symbols.data ?? [])
      out.push({
        kind: "symbol",
        label: `${s.code} ${s.name}`,
        keywords: "",
        href: `/market/${encodeURIComponent(s.code)}`,
      });
    for (const c of cases.data ?? [])
      out.push({
        kind: "case",
        label: `${t("keyboard.palette.case")} ${c.accountCode} ${c.clientName}`,
        keywords: c.id,
        href: `/compliance/cases/${encodeURIComponent(c.id)}`,
      });
    return out;
  }, [role, t, accounts.data, symbols.data, cases.data]);
  const shown = matchPalette(items, query);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const go = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    setQuery("");
    router.push(item.href);
  };
  const optionId = (i: number) => `${listId}-opt-${i}`;
  return (
    <dialog
      ref={ref}
      className="panel palette"
      aria-label={t("keyboard.palette.title")}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
    >
      {open && (
        <div className="stack">
          <input
            autoFocus
            className="palette-input"
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={shown.length > 0 ? optionId(Math.min(active, shown.length - 1)) : undefined}
            aria-label={t("keyboard.palette.placeholder")}
            placeholder={t("keyboard.palette.placeholder")}
            value={query}
            data-testid="palette-input"
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") {
                e.preventDefault();
                setActive((a) => Math.min(a + 1, shown.length - 1));
              } else if (e.key === "ArrowUp") {
                e.preventDefault();
                setActive((a) => Math.max(a - 1, 0));
              } else if (e.key === "Enter") {
                e.preventDefault();
                go(shown[Math.min(active, shown.length - 1)]);
              }
            }}
          />
          <ul id={listId} role="listbox" className="palette-list" aria-label={t("keyboard.palette.results")}>
            {shown.length === 0 && <li className="muted">{t("keyboard.palette.none")}</li>}
            {shown.map((item, i) => (
              <li
                key={`${item.kind}:${item.href}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? "palette-option active" : "palette-option"}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(item)}
              >
                <span className="palette-kind">{t(`keyboard.palette.kinds.${item.kind}` as MessageKey)}</span>{" "}
                {item.label}
              </li>
            ))}
          </ul>
          <p className="muted palette-hint">{t("keyboard.palette.hint")}</p>
        </div>
      )}
    </dialog>
  );
}
