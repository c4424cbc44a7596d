"use client";
// The console's keyboard layer, mounted once in the shell: Ctrl+K / Cmd+K opens the command palette,
// "?" the shortcuts overlay, and on the queue screens j/k move between rows and o opens the row
// (Enter opens a focused link natively). Single-key shortcuts never fire while typing in a field.
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { Role } from "@/server/auth/roles";
import { CommandPalette } from "./command-palette";
import { isQueuePath, isTyping, moveQueueFocus, openQueueRow } from "./queue-keys";
import { ShortcutsHelp } from "./shortcuts-help";

export function KeyboardLayer({ role }: { role: Role }) {
  const pathname = usePathname();
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setHelp(false);
        setPalette(true);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || palette || help) return;
      if (e.key === "?") {
        e.preventDefault();
        setHelp(true);
        return;
      }
      if (!isQueuePath(pathname)) return;
      if (e.key === "j" || e.key === "k") {
        if (moveQueueFocus(document, e.key === "j" ? 1 : -1)) e.preventDefault();
      } else if (e.key === "o") {
        if (openQueueRow(document)) e.preventDefault();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [pathname, palette, help]);
  return (
    <>
      <CommandPalette role={role} open={palette} onClose={() => setPalette(false)} />
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
    </>
  );
}
