// ESLint flat config: Next's core-web-vitals rules (React, hooks, Next), typescript-eslint with
// type information for the promise and exhaustiveness rules that catch real bugs in a codebase
// full of async minute-close hooks, and type-only imports (kept in step with verbatimModuleSyntax).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".workers/**",
      ".next-*/**",
      ".data*/**",
      "server/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "separate-type-imports" }],
      // This project does not run the React Compiler; the rule only reports that the compiler would skip
      // components using @tanstack/react-virtual, which changes nothing here.
      "react-hooks/incompatible-library": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    // Server code logs through pino (server/log.ts): structured, with the domain and request id.
    files: ["server/**/*.ts"],
    ignores: ["server/**/*.test.ts"],
    rules: { "no-console": "error" },
  },
];

export default config;
