// Axis labels of the charts: volumes with units (万/亿 in zh-CN, K/M/B in en), never "158700.00",
// and the up/down colours of the user's setting (red-up as in China, green-up as in the West).
export type UpColor = "RED_UP" | "GREEN_UP";

const RED = "#e5484d";
const GREEN = "#30a46c";

/** The user's setting, or by language when unset: zh-CN red-up, other languages green-up. */
export function resolveUpColor(setting: UpColor | null | undefined, locale: string): UpColor {
  if (setting) return setting;
  return locale.startsWith("zh") ? "RED_UP" : "GREEN_UP";
}

export function candleColors(mode: UpColor): { up: string; down: string } {
  return mode === "RED_UP" ? { up: RED, down: GREEN } : { up: GREEN, down: RED };
}

function trim(v: number, digits: number): string {
  return Number(v.toFixed(digits)).toString();
}

/** A volume with its unit, short enough for an axis: 158700 → "15.87万" / "158.7K". */
export function compactVolume(v: number, locale: string): string {
  const a = Math.abs(v);
  const sign = v < 0 ? "-" : "";
  if (locale.startsWith("zh")) {
    if (a >= 1e8) return `${sign}${trim(a / 1e8, 2)}亿`;
    if (a >= 1e4) return `${sign}${trim(a / 1e4, 2)}万`;
    return `${sign}${Math.round(a)}`;
  }
  if (a >= 1e9) return `${sign}${trim(a / 1e9, 2)}B`;
  if (a >= 1e6) return `${sign}${trim(a / 1e6, 2)}M`;
  if (a >= 1e3) return `${sign}${trim(a / 1e3, 1)}K`;
  return `${sign}${Math.round(a)}`;
}
