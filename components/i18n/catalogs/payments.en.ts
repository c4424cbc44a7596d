// English strings of the payments screens (namespace "payments"). payments.zh-CN.ts must have the same keys.
export const paymentsEn = {
  title: "Payments",
};
