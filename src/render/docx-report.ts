import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IFontAttributesProperties,
} from 'docx';
import type { MonthlyReport } from '../compute/monthly.js';
import type { Messages } from '../i18n/index.js';
import type { Block, ReportDocument } from './document.js';
import { monthlyDocument } from './monthly.js';
import { displayWidth } from './text.js';
import type { Column } from './table.js';

/**
 * The monthly report as a Word document (.docx) for the office: the same document the text and HTML
 * reports render, laid out like a government document. A4 with the usual margins (37/35/28/26 mm),
 * the title in bold Song (宋体), section headings in bold Hei (黑体), body in FangSong (仿宋) at
 * 三号 (16 pt), tables at 五号 (10.5 pt) with their header row repeated on every page, and the
 * page number centred in the footer as "— 1 —". Latin letters and digits in Times New Roman.
 */
export async function renderMonthlyDocx(report: MonthlyReport, msg: Messages): Promise<Uint8Array> {
  return renderDocumentDocx(monthlyDocument(report, msg), msg);
}

const LATIN = 'Times New Roman';
const font = (eastAsia: string): IFontAttributesProperties => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });
// Word and WPS know these faces by their Chinese names; LibreOffice substitutes what it has.
const FANGSONG = font('仿宋');
const SONG = font('宋体');
const HEI = font('黑体');

// Sizes in half-points: 二号 22 pt, 三号 16 pt, 五号 10.5 pt.
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
const TABLE_SIZE = 21;

// A4 in twips, as Word writes it (210 × 297 mm, rounded up).
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 37, bottom: 35, left: 28, right: 26 };
const TEXT_WIDTH = convertMillimetersToTwip(210 - MARGIN.left - MARGIN.right);

/** A report document as .docx bytes. */
export async function renderDocumentDocx(doc: ReportDocument, msg: Messages): Promise<Uint8Array> {
  const body = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(doc.title)] }),
    ...doc.lead.map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(line)] })),
    ...doc.sections.flatMap((section) => [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
      ...section.blocks.map(block),
    ]),
  ];
  const document = new Document({
    title: doc.title,
    // Without a creator the file's properties read "Un-named"; the report is the issuer's.
    ...(doc.author ? { creator: doc.author, lastModifiedBy: doc.author } : {}),
    styles: {
      default: {
        document: { run: { font: FANGSONG, size: BODY_SIZE }, paragraph: { spacing: { line: 560, lineRule: 'exact' } } },
        title: { run: { font: SONG, size: TITLE_SIZE, bold: true, color: '000000' }, paragraph: { spacing: { before: 0, after: 280, line: 720, lineRule: 'exact' } } },
        heading1: { run: { font: HEI, size: BODY_SIZE, bold: true, color: '000000' }, paragraph: { spacing: { before: 280, after: 0 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: {
              top: convertMillimetersToTwip(MARGIN.top),
              bottom: convertMillimetersToTwip(MARGIN.bottom),
              left: convertMillimetersToTwip(MARGIN.left),
              right: convertMillimetersToTwip(MARGIN.right),
              footer: convertMillimetersToTwip(20),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ font: SONG, size: 28, children: [msg.docxReport.pageBefore, PageNumber.CURRENT, msg.docxReport.pageAfter] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function block(b: Block): Paragraph | Table {
  if ('paragraph' in b) return new Paragraph({ indent: { firstLine: 2 * 20 * (BODY_SIZE / 2) }, alignment: AlignmentType.JUSTIFIED, children: [new TextRun(b.paragraph)] });
  return table(b.table.columns, b.table.rows);
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(columns: Column[], rows: string[][]): Table {
  const widths = columnWidths(columns, rows);
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: [
        new Paragraph({
          spacing: { line: 300, lineRule: 'auto' },
          alignment: header ? AlignmentType.CENTER : columns[i]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, size: TABLE_SIZE, bold: header, font: header ? HEI : FANGSONG })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) })),
    ],
  });
}

/** Column widths in twips sharing the text width by each column's widest text (display width), within bounds. */
function columnWidths(columns: Column[], rows: string[][]): number[] {
  const wants = columns.map((c, i) => Math.min(40, Math.max(4, displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? '')))));
  const sum = wants.reduce((a, b) => a + b, 0);
  const widths = wants.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}
