// The document formats (HTML with SVG charts, Word, Excel) and the libraries they draw
// with. The build puts this module and everything it imports into its own file, dist/documents.cjs,
// required only when one of these formats is asked for: the main bundle, read at every start,
// stays free of d3 and the office-file writers. Import it with `await import()` only.
export { renderMonthlyDocx } from './docx-report.js';
export { renderMonthlyHtml } from './html-report.js';
export { renderWorkbook } from './xlsx-export.js';
