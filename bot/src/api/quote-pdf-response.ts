/**
 * A PDF answer (the printable quote or order). Routes return JSON through their zod schema; a PDF
 * route returns a `PdfResponse` instead, which the route table sends as it is, with its content
 * type and file name, never through the JSON formatter.
 */
import type { Response } from 'restify';
import { z } from 'zod';
import { documentedAs } from './api-route';

/** A PDF document to send, with the file name the browser saves it under. */
export class PdfResponse {
  constructor(
    readonly body: Buffer,
    readonly fileName: string,
  ) {}
}

/** The response schema of a PDF route: the document as it is, documented as a binary. */
export const pdfResponse = documentedAs(
  z.instanceof(PdfResponse),
  z.string().meta({ contentMediaType: 'application/pdf' }).describe('Le document PDF (application/pdf)'),
);

/** Sends `result` when it is a PDF and returns true; false for any other (JSON) answer. */
export function sendPdfResponse(res: Response, result: unknown): boolean {
  if (!(result instanceof PdfResponse)) return false;
  const name = result.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  res.sendRaw(200, result.body, {
    'content-type': 'application/pdf',
    'content-length': String(result.body.length),
    'content-disposition': `inline; filename="${name}"`,
    // A contractual document of one beneficiary: no shared cache may keep it.
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  return true;
}
