// Entry of dist/documents-html.cjs: the HTML report with d3, built apart from the main bundle and
// required only when --format html is asked for (see the documents-files plugin in scripts/build.mjs).
// Import it with `await import()` only.
export { renderMonthlyHtml } from './html-report.js';
