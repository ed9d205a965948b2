import type { Colors } from './color.js';
import { wrapLines } from './fit.js';
import { markdownCell, markdownText } from './markdown.js';
import { renderMarkdownTable, renderTable, type Column } from './table.js';

/** A report as headed sections of paragraphs and tables, rendered as text or Markdown. */
export interface ReportDocument {
  title: string;
  /** Who issues it (the plan's issuer): the author a Word file names. */
  author?: string;
  lead: string[];
  sections: Section[];
}

export interface Section {
  heading: string;
  blocks: Block[];
}

export type Block = { paragraph: string } | { table: { columns: Column[]; rows: string[][] } };

/**
 * The document as plain text for print or paste: paragraphs wrap at `width`, table cells wrap
 * inside their columns, and no line ends in spaces.
 */
export function renderDocumentText(doc: ReportDocument, c: Colors, width: number | undefined): string {
  const out = [c.bold(doc.title), ...doc.lead, ''];
  for (const section of doc.sections) {
    out.push(c.bold(section.heading));
    for (const block of section.blocks) {
      out.push('paragraph' in block ? block.paragraph : renderTable(block.table.columns, block.table.rows, { width, overflow: 'wrap' }));
    }
    out.push('');
  }
  return wrapLines(out.join('\n').replace(/\n+$/, ''), width) + '\n';
}

export function renderDocumentMarkdown(doc: ReportDocument): string {
  const out = [`# ${markdownCell(doc.title)}`, '', ...doc.lead.flatMap((line) => [markdownText(line), '']), ''];
  for (const section of doc.sections) {
    out.push(`## ${markdownCell(section.heading)}`, '');
    for (const block of section.blocks) {
      out.push('paragraph' in block ? markdownText(block.paragraph) : renderMarkdownTable(block.table.columns, block.table.rows), '');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '') + '\n';
}
