// English strings of the market screens (namespace "market"). market.zh-CN.ts must have the same keys.
export const marketEn = {
  title: "Market",
};
