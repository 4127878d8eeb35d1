import type { ApiClient } from './api-client';
import { ApiError, ServiceError } from './http-client';
import type { ReportData } from './types';

/** Which report: a period as the API reads it ("2026-10", "T3 2026", "2026"), optionally one SIRET. */
export interface ReportRequest {
  period: string;
  siret?: string;
}

export type ReportFileFormat = 'xlsx' | 'csv';

const DOWNLOAD_TIMEOUT_MS = 60_000;

/** Query string of GET /api/v1/reports. */
export function reportPath(
  request: ReportRequest,
  format: 'json' | ReportFileFormat,
  table?: string,
): string {
  const params = new URLSearchParams({ period: request.period, format });
  if (request.siret) params.set('siret', request.siret);
  if (table) params.set('table', table);
  return `/api/v1/reports?${params.toString()}`;
}

/** The period's report as JSON (amounts in cents, rates in basis points). */
export function fetchReport(
  api: ApiClient,
  request: ReportRequest,
  signal: AbortSignal,
): Promise<ReportData> {
  return api.get<ReportData>(reportPath(request, 'json'), signal);
}

/** A downloaded report file. */
export interface ReportFile {
  blob: Blob;
  fileName: string;
}

/**
 * Downloads the XLSX workbook or one CSV table (default "synthese"). The API needs the bearer, so a
 * plain link would not do: the file is fetched, then handed to the browser as a blob.
 */
export async function downloadReport(
  api: ApiClient,
  request: ReportRequest,
  format: ReportFileFormat,
  signal: AbortSignal,
  table = 'synthese',
): Promise<ReportFile> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), DOWNLOAD_TIMEOUT_MS);
  const forwardAbort = (): void => controller.abort();
  signal.addEventListener('abort', forwardAbort);
  let response: Response;
  try {
    response = await api.fetchFile(
      reportPath(request, format, format === 'csv' ? table : undefined),
      format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      controller.signal,
    );
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ServiceError(
      controller.signal.aborted
        ? "Le service n'a pas répondu à temps. Réessayez dans un instant."
        : 'Le service est injoignable. Vérifiez votre connexion réseau puis réessayez.',
    );
  } finally {
    window.clearTimeout(timer);
    signal.removeEventListener('abort', forwardAbort);
  }
  if (!response.ok) throw await errorOf(response);
  const blob = await response.blob();
  return { blob, fileName: fileNameOf(response, `rapport.${format}`) };
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: { error?: { code?: unknown; message?: unknown } } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const message =
    typeof body?.error?.message === 'string'
      ? body.error.message
      : `Le service a répondu par une erreur ${response.status}.`;
  const code = typeof body?.error?.code === 'string' ? body.error.code : `HTTP_${response.status}`;
  return new ApiError(message, response.status, code);
}

/** The name from `Content-Disposition: attachment; filename="…"`, or the fallback. */
export function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(header);
  return match?.[1] ?? fallback;
}

/** Hands a downloaded file to the browser's download manager. */
export function saveFile({ blob, fileName }: ReportFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL is released.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
