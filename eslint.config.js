// The linter of the site's scripts and their tests: `make test` runs it (tests/test_js_style.py).
import js from "@eslint/js";
import globals from "globals";

const SCRIPTS = "overrides/assets/javascripts";

/** Modules of plain functions: they must run under Node as in the browser, so they may not touch the page. */
const PURE = [
  "citations.js",
  "finder-state.js",
  "print-line.js",
  "python-text.js",
  "readiness-scoring.js",
  "search-text.js",
  "share-check.js",
  "share-entry.js",
  "share-paste-markdown.js",
  "share-preview-markdown.js",
  "share-preview-page.js",
  "share-rules.js",
  "share-sections.js",
  "share-yaml.js",
  "slow-markdown.js",
  "table-order.js",
].map((name) => `${SCRIPTS}/${name}`);

export default [
  // The vendored libraries are the pinned packages' own files, kept byte for byte (tests/test_vendor.py).
  { ignores: ["node_modules/", ".venv/", "site/", "**/.*/", `${SCRIPTS}/vendor/`] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "max-len": ["error", { code: 120, ignoreUrls: false }],
      "max-lines": ["error", { max: 300 }],
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='window'][property.name=/^hub/i]", message: "share through modules" },
        { selector: "AssignmentExpression[left.object.name='window']", message: "share through modules, not window" },
        { selector: "MemberExpression[property.name='innerHTML']", message: "insert text, never markup" },
        { selector: "MemberExpression[property.name='outerHTML']", message: "insert text, never markup" },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "insert text, never markup" },
      ],
    },
  },
  {
    files: [`${SCRIPTS}/**/*.js`],
    languageOptions: { globals: { ...globals.browser, document$: "readonly" } },
  },
  {
    files: PURE,
    languageOptions: { globals: { ...globals.es2024 } },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: { globals: { ...globals.node } },
  },
];
