import { getJson, ServiceError } from './http-client';

/** What `GET /readyz` tells about the service. */
export interface Readiness {
  operational: boolean;
  /** Raw status reported by the service ("ok", "unavailable"…), kept for the details line. */
  status: string;
  store: string | undefined;
}

/** What `GET /api/v1/` tells about the API. */
export interface ApiInfo {
  name: string;
  version: string;
}

/** Reads /readyz. A 503 is an answer ("unavailable"), not a failure: only an unreachable service throws. */
export async function fetchReadiness(signal: AbortSignal): Promise<Readiness> {
  const { status, body } = await getJson('/readyz', signal, [200, 503]);
  const record = asRecord(body);
  const reported = typeof record?.['status'] === 'string' ? record['status'] : 'inconnu';
  const store = typeof record?.['store'] === 'string' ? record['store'] : undefined;
  return { operational: status === 200 && reported === 'ok', status: reported, store };
}

/** Reads the API's name and version from /api/v1/. */
export async function fetchApiInfo(signal: AbortSignal): Promise<ApiInfo> {
  const { body } = await getJson('/api/v1/', signal);
  const record = asRecord(body);
  const name = record?.['name'];
  const version = record?.['version'];
  if (typeof name !== 'string' || typeof version !== 'string') {
    throw new ServiceError("La réponse de l'API ne contient pas de version.");
  }
  return { name, version };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}
