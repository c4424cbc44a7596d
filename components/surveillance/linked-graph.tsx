"use client";
// The linked-account graph of a case (S3): the account's cluster with the linking attribute on
// each edge, drawn with graphology + sigma (WebGL, usable at a few hundred nodes) and laid out by
// ForceAtlas2 from a circle (deterministic). sigma needs a browser: it is imported on mount. The
// same links are listed below the canvas as a table, for keyboards and screen readers.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import styles from "./surveillance.module.css";

const EDGE_COLOUR: Record<string, string> = {
  DEVICE: "#c0392b",
  IP: "#d35400",
  CARD: "#8e44ad",
  FUND_FLOW: "#8e44ad",
  PHONE: "#2980b9",
  ADDRESS: "#16a085",
  RELATED: "#7f8c8d",
};

type GraphData = {
  nodes: { id: string; code: string; priority: number | null; self: boolean }[];
  edges: { a: string; b: string; kind: string; value: string }[];
};

function GraphCanvas({ data }: { data: GraphData }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let kill: (() => void) | undefined;
    let cancelled = false;
    void (async () => {
      const [{ default: Graph }, { default: Sigma }, fa2] = await Promise.all([
        import("graphology"),
        import("sigma"),
        import("graphology-layout-forceatlas2"),
      ]);
      if (cancelled) return;
      const g = new Graph({ multi: true, type: "undirected" });
      const n = data.nodes.length;
      data.nodes.forEach((node, i) => {
        g.addNode(node.id, {
          label: node.code,
          x: Math.cos((2 * Math.PI * i) / Math.max(1, n)),
          y: Math.sin((2 * Math.PI * i) / Math.max(1, n)),
          size: node.self ? 12 : node.priority !== null ? 8 : 5,
          color: node.self ? "#1f6feb" : node.priority !== null ? "#c0392b" : "#57606a",
        });
      });
      for (const e of data.edges) {
        if (!g.hasNode(e.a) || !g.hasNode(e.b)) continue;
        g.addEdge(e.a, e.b, { label: `${e.kind}: ${e.value}`, color: EDGE_COLOUR[e.kind] ?? "#999", size: 2 });
      }
      if (n > 2) fa2.default.assign(g, { iterations: 150, settings: fa2.default.inferSettings(g) });
      const renderer = new Sigma(g, el, { settings: { renderEdgeLabels: true, labelRenderedSizeThreshold: 0 } });
      kill = () => renderer.kill();
    })();
    return () => {
      cancelled = true;
      kill?.();
    };
  }, [data]);
  return <div ref={ref} className={styles.graph} data-testid="linked-graph" />;
}

export function LinkedGraph({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const q = useQuery(trpc.surveillance.graph.queryOptions({ accountId }));
  const codes = new Map(q.data?.nodes.map((n) => [n.id, n.code]));
  return (
    <section className="panel" aria-labelledby="linked-graph">
      <h2 id="linked-graph">{t("surveillance.case.graph")}</h2>
      <p className="muted">{t("surveillance.case.graphHint")}</p>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && q.data.edges.length === 0 && <p className="muted">{t("surveillance.case.graphEmpty")}</p>}
      {q.data && q.data.edges.length > 0 && (
        <>
          {q.data.truncated && <p className="muted">{t("surveillance.case.graphTruncated")}</p>}
          <GraphCanvas data={q.data} />
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("surveillance.case.account")}</th>
                <th scope="col">{t("surveillance.case.account")}</th>
                <th scope="col">{t("surveillance.case.edgeKind")}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.edges.map((e) => (
                <tr key={`${e.a}-${e.b}-${e.kind}-${e.value}`} tabIndex={0}>
                  <td>
                    <Link href={`/accounts/${encodeURIComponent(e.a)}`} className="mono">
                      {codes.get(e.a) ?? e.a}
                    </Link>
                  </td>
                  <td>
                    <Link href={`/accounts/${encodeURIComponent(e.b)}`} className="mono">
                      {codes.get(e.b) ?? e.b}
                    </Link>
                  </td>
                  <td>
                    {e.kind}: <span className="mono">{e.value}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
