/**
 * A PDF document as Guichet produces it: A4, French, with its metadata, and turned into a Buffer.
 * The dates of the metadata come from the business document (the quote's sending, the order's
 * issue), never from the clock, and PDFKit derives the file identifier from them: the same quote
 * always gives the same bytes, which makes the PDF cacheable and its tests exact.
 */
import PDFDocument from 'pdfkit';
import { PdfFlow } from './pdf-flow';

/** What the document's information dictionary says. */
export interface PdfMetadata {
  readonly title: string;
  /** The Titulaire (a company), never a person. */
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly createdAt: Date;
  readonly modifiedAt?: Date;
}

/** A document being written, and the promise of its bytes once `finish` is called. */
export interface PdfDraft {
  readonly flow: PdfFlow;
  readonly bytes: Promise<Buffer>;
}

/** Opens an A4 document with its metadata; pages are kept in memory so footers can count them. */
export function openPdf(meta: PdfMetadata): PdfDraft {
  const doc = new PDFDocument({
    size: 'A4',
    // Zero margins: `PdfFlow` lays pages out itself and PDFKit must never break a page on its own.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords.join(', '),
      Creator: 'Guichet',
      Producer: 'Guichet (PDFKit)',
      CreationDate: meta.createdAt,
      ModDate: meta.modifiedAt ?? meta.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { flow: new PdfFlow(doc), bytes };
}

/** Ends the document and resolves with its bytes. */
export function finishPdf(draft: PdfDraft): Promise<Buffer> {
  draft.flow.doc.end();
  return draft.bytes;
}
