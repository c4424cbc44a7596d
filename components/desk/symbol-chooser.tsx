"use client";
// The symbol chooser: an ARIA combobox (input + listbox, arrow keys, Enter, Escape) searching code,
// name and pinyin initials, with the watchlist and recent symbols first, and a star to watch or
// unwatch the current symbol.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import styles from "./symbol-chooser.module.css";
import { indexSymbols, searchSymbols, type SymbolEntry } from "./symbol-search";

export function SymbolChooser({
  symbols,
  value,
  onChoose,
  disabled,
}: {
  symbols: readonly SymbolEntry[];
  value: string | null;
  onChoose: (code: string) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listId = useId();
  const prefs = useQuery({ ...trpc.preferences.get.queryOptions(), staleTime: 300_000 });
  const watchlist = useQuery({ ...trpc.preferences.watchlist.queryOptions(), staleTime: 300_000 });
  const setWatchlist = (data: string[]) => queryClient.setQueryData(trpc.preferences.watchlist.queryKey(), data);
  const watch = useMutation(trpc.preferences.watch.mutationOptions({ onSuccess: setWatchlist }));
  const unwatch = useMutation(trpc.preferences.unwatch.mutationOptions({ onSuccess: setWatchlist }));
  const touch = useMutation(
    trpc.preferences.touchRecent.mutationOptions({
      onSuccess: (recentSymbols) =>
        queryClient.setQueryData(trpc.preferences.get.queryKey(), (old) =>
          old ? { ...old, recentSymbols } : { upColor: null, recentSymbols },
        ),
    }),
  );
  const index = useMemo(() => indexSymbols(symbols), [symbols]);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const hits = useMemo(
    () => searchSymbols(index, query, watchlist.data ?? [], prefs.data?.recentSymbols ?? []),
    [index, query, watchlist.data, prefs.data?.recentSymbols],
  );
  const watched = watchlist.data ?? [];
  const current = symbols.find((s) => s.code === value) ?? null;
  const isWatched = value !== null && watched.includes(value);

  const choose = (code: string) => {
    setOpen(false);
    setQuery("");
    touch.mutate({ symbol: code });
    onChoose(code);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (hits.length === 0 ? 0 : (a + step + hits.length) % hits.length));
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      const hit = hits[active];
      if (hit) choose(hit.symbol.code);
    } else if (e.key === "Escape") {
      setOpen(false);
      setQuery("");
    }
  };
  const optionId = (i: number) => `${listId}-opt-${i}`;

  return (
    <div className={styles.chooser}>
      <input
        className={styles.input}
        role="combobox"
        aria-label={t("deskux.chooser.label")}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? optionId(active) : undefined}
        placeholder={current ? `${current.code} ${current.name}` : t("deskux.chooser.placeholder")}
        title={t("deskux.chooser.placeholder")}
        value={query}
        disabled={disabled}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label={t("deskux.chooser.label")} className={styles.listbox}>
          {hits.length === 0 && <li className={styles.group}>{t("deskux.chooser.none")}</li>}
          {hits.map((hit, i) => (
            <li key={hit.symbol.code} role="presentation">
              {(i === 0 || hits[i - 1]?.group !== hit.group) && (
                <div className={styles.group} aria-hidden="true">
                  {t(`deskux.chooser.${hit.group}`)}
                </div>
              )}
              <div
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                data-symbol={hit.symbol.code}
                data-group={hit.group}
                className={styles.option}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(hit.symbol.code)}
              >
                <span className={styles.code}>{hit.symbol.code}</span>
                <span>{hit.symbol.name}</span>
                <span className="muted">
                  {hit.symbol.sector}
                  {hit.symbol.suspended ? ` · ${t("deskux.chooser.suspended")}` : ""}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {value && (
        <button
          type="button"
          className={`btn btn-ghost ${styles.star} ${isWatched ? styles.starOn : ""}`}
          aria-pressed={isWatched}
          aria-label={t(isWatched ? "deskux.chooser.unwatch" : "deskux.chooser.watch", { symbol: value })}
          title={t(isWatched ? "deskux.chooser.unwatch" : "deskux.chooser.watch", { symbol: value })}
          disabled={!watchlist.isSuccess || watch.isPending || unwatch.isPending}
          onClick={() => (isWatched ? unwatch : watch).mutate({ symbol: value })}
          data-testid="watch-star"
        >
          {isWatched ? "★" : "☆"}
        </button>
      )}
    </div>
  );
}
