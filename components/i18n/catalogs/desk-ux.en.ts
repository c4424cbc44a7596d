// English strings of the shared chart panel, the symbol chooser and the colour setting
// (namespace "deskux"). desk-ux.zh-CN.ts must have the same keys.
export const deskUxEn = {
  interval: { "1m": "1-minute", "5m": "5-minute", "15m": "15-minute" },
  chart: "{interval} chart",
  intervalGroup: "Interval",
  markers: "{n} detector alarms on the chart",
  markers_one: "{n} detector alarm on the chart",
  colors: {
    label: "Up/down colours",
    auto: "By language",
    RED_UP: "Red up, green down",
    GREEN_UP: "Green up, red down",
  },
  chooser: {
    label: "Choose a symbol",
    placeholder: "Code, name or pinyin initials",
    recent: "Recent",
    watchlist: "Watchlist",
    all: "All symbols",
    none: "No symbol matches.",
    watch: "Watch {symbol}",
    unwatch: "Stop watching {symbol}",
    suspended: "suspended",
  },
};
