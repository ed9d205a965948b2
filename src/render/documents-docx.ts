// Entry of dist/documents-docx.cjs: the Word report with the docx package, built apart from the main
// bundle and required only when --format docx is asked for (see scripts/build.mjs). Import it with
// `await import()` only.
export { renderMonthlyDocx } from './docx-report.js';
