// A small SVG sparkline of closes: red when the line ends above its start, green below (Chinese
// convention). Pure SVG: a grid of 30 live sparklines must stay cheap.
export function Sparkline({
  values,
  label,
  width = 160,
  height = 40,
}: {
  values: number[];
  label: string;
  width?: number;
  height?: number;
}) {
  if (values.length < 2) return <svg width={width} height={height} role="img" aria-label={label} />;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const pts = values.map(
    (v, i) =>
      `${((i / (values.length - 1)) * width).toFixed(1)},${(height - 2 - ((v - lo) / span) * (height - 4)).toFixed(1)}`,
  );
  const up = (values[values.length - 1] ?? 0) >= (values[0] ?? 0);
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-points={values.length}
    >
      <polyline fill="none" stroke={up ? "var(--up)" : "var(--down)"} strokeWidth="1.5" points={pts.join(" ")} />
    </svg>
  );
}
