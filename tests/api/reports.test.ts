/**
 * GET /api/v1/reports and GET /api/v1/export over real HTTP, with tokens from the local sign-in:
 * formats, who may read what (someone else's SIRET is a 404), and both routes in openapi.json.
 */
import JSZip from 'jszip';
import {
  BELLERIVE,
  LAMENTIN,
  USERS,
  call,
  signIn,
  useApiService,
  type DemoRole,
} from './support/api-harness';

/** The parts of the answers the tests read. */
interface ReportBody {
  period: Record<string, unknown>;
  scope: { siret: string | null; beneficiaryName: string | null };
  volume: { total: Record<string, unknown> };
  error: { message: string };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('reports and export API', () => {
  const rig = useApiService();
  const tokens: Partial<Record<DemoRole, string>> = {};
  const token = async (role: DemoRole) => (tokens[role] ??= await signIn(rig.svc, USERS[role]));
  const get = async (role: DemoRole, path: string) =>
    call<ReportBody>(rig.svc, 'GET', path, { token: await token(role) });
  const raw = async (role: DemoRole, path: string) => {
    const res = await fetch(`${rig.svc.url}${path}`, {
      headers: { authorization: `Bearer ${await token(role)}` },
    });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      headers: res.headers,
      body: Buffer.from(await res.arrayBuffer()),
    };
  };

  it.each(['canut', 'engineer', 'accountManager', 'admin'] as const)(
    'gives %s the whole agreement as JSON',
    async (role) => {
      const res = await get(role, '/api/v1/reports?period=T3%202026');
      expect(res.status).toBe(200);
      expect(res.body.period).toMatchObject({ key: '2026-T3', label: 'T3 2026' });
      expect(res.body.scope).toEqual({ siret: null, beneficiaryName: null });
      expect(res.body.volume.total).toHaveProperty('htCents');
    },
  );

  it('gives one SIRET to staff who ask for it', async () => {
    const res = await get('canut', `/api/v1/reports?period=2026&siret=${BELLERIVE}`);
    expect(res.status).toBe(200);
    expect(res.body.scope.siret).toBe(BELLERIVE);
  });

  it("gives a beneficiary's users their own figures only; any other SIRET is a 404", async () => {
    const own = await get('agent', '/api/v1/reports?period=octobre%202026');
    expect(own.status).toBe(200);
    expect(own.body.scope.siret).toBe(BELLERIVE);
    expect((await get('agent', `/api/v1/reports?period=2026&siret=${LAMENTIN}`)).status).toBe(404);
    expect((await get('approver', `/api/v1/reports?period=2026&siret=${LAMENTIN}`)).status).toBe(404);
    expect((await get('canut', '/api/v1/reports?period=2026&siret=99999999999999')).status).toBe(404);
  });

  it('answers a period it cannot read with a French 400, and no token with 401', async () => {
    const bad = await get('canut', '/api/v1/reports?period=hier');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Période non reconnue/);
    expect((await call(rig.svc, 'GET', '/api/v1/reports?period=2026')).status).toBe(401);
  });

  it('sends a CSV French Excel opens, and the XLSX workbook', async () => {
    const csv = await raw('canut', '/api/v1/reports?period=T3%202026&format=csv&table=bons-de-commande');
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="rapport-2026-T3-bons-de-commande.csv"',
    );
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body.toString('utf8').split('\r\n')[0]).toContain(';');
    const xlsx = await raw('canut', '/api/v1/reports?period=T3%202026&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe(XLSX);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    const unknown = await get('canut', '/api/v1/reports?period=2026&format=csv&table=inconnue');
    expect(unknown.status).toBe(400);
  });

  it("exports a beneficiary's data for its approver and the admins, as a zip of that SIRET only", async () => {
    for (const role of ['approver', 'admin'] as const) {
      const res = await raw(role, `/api/v1/export?siret=${BELLERIVE}`);
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/zip');
      const zip = await JSZip.loadAsync(res.body);
      const manifest = JSON.parse(await zip.file('manifeste.json')!.async('string'));
      expect(manifest.siret).toBe(BELLERIVE);
      expect(Object.keys(zip.files)).toContain('LISEZMOI.md');
    }
    expect((await raw('admin', `/api/v1/export?siret=${LAMENTIN}`)).status).toBe(200);
  });

  it('refuses the export to everyone else; someone else’s SIRET is a 404', async () => {
    expect((await get('approver', `/api/v1/export?siret=${LAMENTIN}`)).status).toBe(404);
    expect((await get('agent', `/api/v1/export?siret=${LAMENTIN}`)).status).toBe(404);
    for (const role of ['agent', 'canut', 'engineer', 'accountManager'] as const) {
      const res = await get(role, `/api/v1/export?siret=${BELLERIVE}`);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/réservé aux valideurs/);
    }
    expect((await get('admin', '/api/v1/export?siret=123')).status).toBe(400);
  });

  it('documents both routes in openapi.json', async () => {
    const doc = await call<{ paths: Record<string, Record<string, { operationId: string }>> }>(
      rig.svc,
      'GET',
      '/api/v1/openapi.json',
    );
    expect(doc.body.paths['/api/v1/reports']?.get?.operationId).toBe('getReport');
    expect(doc.body.paths['/api/v1/export']?.get?.operationId).toBe('exportBeneficiaryData');
  });
});
