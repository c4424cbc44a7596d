"use client";
// Cursor paging for tables: a stack of cursors (back pops, forward pushes) and its two buttons.
import { useCallback, useState } from "react";
import { useI18n } from "../i18n/i18n-provider";

export function useCursorPages<C>() {
  const [stack, setStack] = useState<(C | undefined)[]>([undefined]);
  return {
    cursor: stack[stack.length - 1],
    canGoBack: stack.length > 1,
    back: useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []),
    forward: useCallback((next: C) => setStack((s) => [...s, next]), []),
    reset: useCallback(() => setStack([undefined]), []),
  };
}

export function Pager<C>({
  pages,
  next,
  nextLabel,
}: {
  pages: ReturnType<typeof useCursorPages<C>>;
  next: C | null | undefined;
  nextLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="pager">
      <button type="button" className="btn" disabled={!pages.canGoBack} onClick={pages.back}>
        {t("common.previous")}
      </button>
      <button
        type="button"
        className="btn"
        disabled={next === null || next === undefined}
        onClick={() => next !== null && next !== undefined && pages.forward(next)}
      >
        {nextLabel ?? t("common.next")}
      </button>
    </div>
  );
}
