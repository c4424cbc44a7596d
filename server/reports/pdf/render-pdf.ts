// Renders a ReportDocument as a PDF a regulator can file: A4, a title block (bilingual title,
// institution, period, generation time, status), the sections as tables and bar charts, and on
// every page a footer with the page number, the data's sha256 and the audit chain head it was
// built from. Synchronous (it runs as a compute-pool task, off the engine's thread). The font is
// Noto Sans SC from the @fontsource/noto-sans-sc npm package (its chinese-simplified file also
// covers Latin): nothing is read from the system or downloaded; pdfkit embeds only the glyphs used.
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { woffToSfnt } from "./woff-to-sfnt";
import type { Bilingual, ReportDocument, ReportSection } from "../report-document";
import { fmtShanghai } from "../report-document";

export interface PdfFonts {
  regular: string;
  bold: string;
}

/** The font files inside the npm package (a path under node_modules of the project root). */
export function defaultPdfFonts(root = process.cwd()): PdfFonts {
  const dir = path.join(root, "node_modules", "@fontsource", "noto-sans-sc", "files");
  return {
    regular: path.join(dir, "noto-sans-sc-chinese-simplified-400-normal.woff"),
    bold: path.join(dir, "noto-sans-sc-chinese-simplified-700-normal.woff"),
  };
}

const fontCache = new Map<string, Buffer>();
function fontData(file: string): Buffer {
  let b = fontCache.get(file);
  if (!b) {
    b = woffToSfnt(fs.readFileSync(file));
    fontCache.set(file, b);
  }
  return b;
}

const MARGIN = 50;
const FOOTER_H = 30;
const INK = "#1f2933";
const MUTED = "#5b6670";
const RULE = "#c8ced3";
const BAR = "#2f6690";

const both = (l: Bilingual) => `${l.en} / ${l.zh}`;

export function renderReportPdf(doc: ReportDocument, fonts: PdfFonts = defaultPdfFonts()): Uint8Array {
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    font: fontData(fonts.regular) as unknown as string,
    info: {
      Title: `${doc.title.en} ${doc.period.label}`,
      Author: doc.institution.en,
      Subject: `${doc.title.en} / ${doc.title.zh}`,
      Keywords: `data-sha256:${doc.dataHash}`,
      CreationDate: new Date(doc.generatedAt),
    },
  });
  pdf.registerFont("regular", fontData(fonts.regular));
  pdf.registerFont("bold", fontData(fonts.bold));
  const width = pdf.page.width - 2 * MARGIN;
  const bottom = () => pdf.page.height - MARGIN - FOOTER_H;
  const ensure = (h: number) => {
    if (pdf.y + h > bottom()) pdf.addPage();
  };

  // Title block.
  pdf.font("bold").fontSize(18).fillColor(INK).text(doc.title.en, MARGIN, MARGIN, { width });
  pdf.font("bold").fontSize(15).text(doc.title.zh, { width });
  pdf.moveDown(0.4);
  pdf.font("regular").fontSize(9.5).fillColor(MUTED);
  const meta: Array<[Bilingual, string]> = [
    [{ en: "Institution", zh: "机构" }, both(doc.institution)],
    [
      { en: "Period", zh: "报告期" },
      `${doc.period.label}: ${fmtShanghai(doc.period.start)} to ${fmtShanghai(doc.period.end)} (Asia/Shanghai)`,
    ],
    [{ en: "Generated", zh: "生成时间" }, `${fmtShanghai(doc.generatedAt)} (Asia/Shanghai)`],
    [{ en: "Status", zh: "状态" }, doc.status],
    [{ en: "Data SHA-256", zh: "数据哈希" }, doc.dataHash],
    [
      { en: "Audit chain head", zh: "审计链头" },
      doc.auditHead ? `#${doc.auditHead.id} ${doc.auditHead.hash}` : "(empty chain)",
    ],
  ];
  for (const [label, value] of meta) pdf.text(`${both(label)}: ${value}`, { width });
  pdf.moveDown(0.5);
  pdf
    .moveTo(MARGIN, pdf.y)
    .lineTo(MARGIN + width, pdf.y)
    .strokeColor(RULE)
    .lineWidth(1)
    .stroke();
  pdf.moveDown(0.8);

  for (const s of doc.sections) renderSection(pdf, s, width, ensure);

  // Footers, now that the page count is known.
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const y = pdf.page.height - MARGIN - 12;
    // Writing below the bottom margin would add a page: lift the margin while the footer is drawn.
    const saved = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font("regular").fontSize(7.5).fillColor(MUTED);
    pdf.text(
      `${doc.title.en} / ${doc.title.zh} · ${doc.period.label} · data sha256 ${doc.dataHash.slice(0, 16)}…`,
      MARGIN,
      y,
      {
        width: width - 90,
        lineBreak: false,
      },
    );
    pdf.text(`Page ${i + 1} of ${range.count} / 第 ${i + 1} 页，共 ${range.count} 页`, MARGIN + width - 160, y, {
      width: 160,
      align: "right",
      lineBreak: false,
    });
    pdf.page.margins.bottom = saved;
  }
  pdf.end();
  const chunks: Buffer[] = [];
  // pdfkit is a Readable that pushes as it writes; with nobody listening everything stays
  // buffered, so after end() the whole file can be read synchronously.
  for (let c = pdf.read() as Buffer | null; c !== null; c = pdf.read() as Buffer | null) chunks.push(c);
  return new Uint8Array(Buffer.concat(chunks));
}

type Pdf = InstanceType<typeof PDFDocument>;

function heading(pdf: Pdf, h: Bilingual, width: number, ensure: (h: number) => void) {
  ensure(60);
  pdf.font("bold").fontSize(12).fillColor(INK).text(both(h), MARGIN, pdf.y, { width });
  pdf.moveDown(0.3);
}

function renderSection(pdf: Pdf, s: ReportSection, width: number, ensure: (h: number) => void) {
  heading(pdf, s.heading, width, ensure);
  if (s.kind === "text") {
    pdf
      .font("regular")
      .fontSize(9.5)
      .fillColor(INK)
      .text(s.body || "-", MARGIN, pdf.y, { width });
  } else if (s.kind === "facts") {
    drawTable(
      pdf,
      [
        { en: "Item", zh: "项目" },
        { en: "Value", zh: "数值" },
      ],
      s.facts.map((f) => [both(f.label), f.value]),
      [1],
      width,
      ensure,
      [0.6, 0.4],
    );
  } else if (s.kind === "table") {
    if (s.rows.length === 0) emptyLine(pdf, s.empty, width);
    else drawTable(pdf, s.columns, s.rows, s.numeric ?? [], width, ensure);
    if (s.note)
      pdf
        .font("regular")
        .fontSize(8)
        .fillColor(MUTED)
        .text(both(s.note), MARGIN, pdf.y + 2, { width });
  } else {
    if (s.bars.length === 0) emptyLine(pdf, s.empty, width);
    else drawBarChart(pdf, s.bars, s.unit, width, ensure);
  }
  pdf.moveDown(1);
}

function emptyLine(pdf: Pdf, l: Bilingual, width: number) {
  pdf.font("regular").fontSize(9).fillColor(MUTED).text(both(l), MARGIN, pdf.y, { width });
}

function drawTable(
  pdf: Pdf,
  columns: Bilingual[],
  rows: string[][],
  numeric: number[],
  width: number,
  ensure: (h: number) => void,
  fractions?: number[],
) {
  const n = columns.length;
  const widths = (fractions ?? columns.map(() => 1 / n)).map((f) => f * width);
  const pad = 3;
  const size = n > 6 ? 7 : 8;
  const cellHeight = (texts: string[], font: string) => {
    pdf.font(font).fontSize(size);
    return (
      Math.max(...texts.map((t, i) => pdf.heightOfString(t || " ", { width: (widths[i] ?? 40) - 2 * pad }))) + 2 * pad
    );
  };
  const drawRow = (texts: string[], font: string, fill: string | null) => {
    const h = cellHeight(texts, font);
    const y = pdf.y;
    if (fill) pdf.rect(MARGIN, y, width, h).fillColor(fill).fill();
    let x = MARGIN;
    pdf.font(font).fontSize(size).fillColor(INK);
    texts.forEach((t, i) => {
      const w = widths[i] ?? 40;
      pdf.text(t, x + pad, y + pad, { width: w - 2 * pad, align: numeric.includes(i) ? "right" : "left" });
      x += w;
    });
    pdf
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .strokeColor(RULE)
      .lineWidth(0.5)
      .stroke();
    pdf.x = MARGIN;
    pdf.y = y + h;
  };
  const header = columns.map((c) => `${c.en}\n${c.zh}`);
  const headerH = cellHeight(header, "bold");
  ensure(headerH + 20);
  drawRow(header, "bold", "#eef1f4");
  for (const r of rows) {
    const h = cellHeight(r, "regular");
    if (pdf.y + h > pdf.page.height - MARGIN - FOOTER_H) {
      pdf.addPage();
      drawRow(header, "bold", "#eef1f4");
    }
    drawRow(r, "regular", null);
  }
}

function drawBarChart(
  pdf: Pdf,
  bars: Array<{ label: string; value: number }>,
  unit: Bilingual,
  width: number,
  ensure: (h: number) => void,
) {
  const rowH = 14;
  const labelW = 130;
  const valueW = 90;
  const plotW = width - labelW - valueW;
  const max = Math.max(...bars.map((b) => Math.abs(b.value)), 0);
  ensure(Math.min(bars.length, 10) * rowH + 20);
  pdf
    .font("regular")
    .fontSize(8)
    .fillColor(MUTED)
    .text(`${both(unit)}`, MARGIN, pdf.y, { width });
  for (const b of bars) {
    ensure(rowH);
    const y = pdf.y;
    pdf.font("regular").fontSize(8).fillColor(INK);
    pdf.text(b.label, MARGIN, y + 2, { width: labelW - 6, lineBreak: false, ellipsis: true });
    const w = max > 0 ? (Math.abs(b.value) / max) * plotW : 0;
    pdf
      .rect(MARGIN + labelW, y + 2, Math.max(w, b.value !== 0 ? 1 : 0), rowH - 4)
      .fillColor(BAR)
      .fill();
    pdf
      .fillColor(INK)
      .text(b.value.toLocaleString("en-US", { maximumFractionDigits: 2 }), MARGIN + labelW + plotW + 4, y + 2, {
        width: valueW - 4,
        align: "right",
        lineBreak: false,
      });
    pdf.x = MARGIN;
    pdf.y = y + rowH;
  }
}
