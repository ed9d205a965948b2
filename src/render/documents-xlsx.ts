// Entry of dist/documents-xlsx.cjs: the Excel workbook with exceljs, built apart from the main bundle
// and required only when --format xlsx is asked for (see scripts/build.mjs). Import it with
// `await import()` only.
export { renderWorkbook } from './xlsx-export.js';
