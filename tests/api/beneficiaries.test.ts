/**
 * /api/v1/beneficiaries over real HTTP with the local provider's tokens: who sees which beneficiary
 * (another one's SIRET is a 404, never a 403), the filters and paging of the list, and the admin's
 * PUT — the validation of `guichet import` with its French messages and nothing written on refusal,
 * If-Match optimistic concurrency (412), and the audit event of each change.
 */
import { DEMO_BENEFICIARIES } from '../../bot/src/cli/demo-data';
import { DEMO_TENANTS } from '../../bot/src/config/config';
import { validateBeneficiaryRows } from '../../bot/src/domain/beneficiaries/validate-beneficiary-rows';
import type { Doc } from '../../bot/src/store/port';
import {
  BELLERIVE,
  isBareError,
  LAMENTIN,
  call,
  useDemoTokens,
  useApiService,
  USERS,
  type DemoRole,
} from './support/api-harness';

interface View {
  siret: string;
  name: string;
  zone: string;
  active: boolean;
  etag: string;
  kindLabel: string;
  tenantIds: string[];
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path?: string; message: string }[] };
}
interface ChangeEvent {
  id: string;
  action: string;
  beneficiaryId: string;
  at: string;
  actor: { tenantId: string; objectId?: string; name: string; role: string; channel: string };
  changes: { field: string; before: unknown; after: unknown }[];
}

const NEW_SIRET = '21380121000013';
const LA_POSTE_SIRET = '35600000010000';
const ALL = DEMO_BENEFICIARIES.map((b) => b.siret);

/** A complete, valid body for a PUT. */
const aBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Ville de Grenoble-les-Sources',
  kind: 'commune',
  zone: 'metropole',
  modality: 1,
  conventionDate: '2025-06-02',
  tenantIds: ['b0a1c2d3-0000-4000-8000-000000000099'],
  ...overrides,
});

describe('/api/v1/beneficiaries', () => {
  const rig = useApiService();
  const tokens = useDemoTokens(rig);

  const send = <T = unknown>(
    role: DemoRole,
    method: 'GET' | 'PUT',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => call<T>(rig.svc, method, `/api/v1/beneficiaries${path}`, { token: tokens[role], body, headers });
  const listAll = async (role: DemoRole, query = '') => {
    const sirets: string[] = [];
    let token: string | undefined;
    do {
      const sep = query ? '&' : '';
      const more = token ? `${sep}continuationToken=${encodeURIComponent(token)}` : '';
      const res = await send<{ items: View[]; continuationToken?: string }>(role, 'GET', `?${query}${more}`);
      expect(res.status).toBe(200);
      sirets.push(...res.body.items.map((b) => b.siret));
      token = res.body.continuationToken;
    } while (token);
    return sirets;
  };
  const events = async (siret: string) => {
    const page = await rig.svc.store.container<Doc>('business').query({
      pk: siret,
      filters: [{ field: 'type', op: 'eq', value: 'beneficiary-event' }],
      limit: 1000,
    });
    return (page.items as unknown as ChangeEvent[]).sort((a, b) => a.id.localeCompare(b.id));
  };
  const stored = (siret: string) => rig.svc.store.container('beneficiaries').read(siret, siret);

  describe('reading', () => {
    const STAFF: DemoRole[] = ['engineer', 'accountManager', 'admin', 'canut'];

    it.each(STAFF)(
      '%s sees every beneficiary, one page after the other, and reads any of them',
      async (role) => {
        expect((await listAll(role, 'limit=4')).sort()).toEqual([...ALL].sort());
        for (const siret of [BELLERIVE, LAMENTIN]) {
          const res = await send<View>(role, 'GET', `/${siret}`);
          expect([res.status, res.body.siret]).toEqual([200, siret]);
        }
      },
    );

    it.each([
      ['agent', BELLERIVE, LAMENTIN],
      ['approver', BELLERIVE, LAMENTIN],
      ['otherAgent', LAMENTIN, BELLERIVE],
    ] as [DemoRole, string, string][])(
      '%s sees only its own beneficiary; another one is a 404 like an unknown SIRET',
      async (role, own, other) => {
        expect(await listAll(role)).toEqual([own]);
        const mine = await send<View>(role, 'GET', `/${own}`);
        expect(mine.status).toBe(200);
        expect(mine.body).toMatchObject({ siret: own, kindLabel: 'Commune' });
        expect(typeof mine.body.etag).toBe('string');
        for (const siret of [other, NEW_SIRET]) {
          const res = await send(role, 'GET', `/${siret}`);
          expect([siret, res.status, isBareError(res.body, 'NOT_FOUND')]).toEqual([siret, 404, true]);
        }
      },
    );

    it('filters by zone, by active flag, by SIRET prefix and by name prefix, in name order', async () => {
      const names = new Map(DEMO_BENEFICIARIES.map((b) => [b.siret, b.name]));
      const byName = (sirets: string[]) =>
        [...sirets].sort((a, b) => names.get(a)!.localeCompare(names.get(b)!));
      const reunion = DEMO_BENEFICIARIES.filter((b) => b.zone === 'la-reunion').map((b) => b.siret);
      expect(reunion.length).toBeGreaterThan(1);
      expect((await listAll('canut', 'zone=la-reunion')).sort()).toEqual(reunion.sort());
      const inactive = DEMO_BENEFICIARIES.filter((b) => b.active === false).map((b) => b.siret);
      expect((await listAll('canut', 'active=false')).sort()).toEqual(inactive.sort());
      expect((await listAll('canut', 'active=true')).length).toBe(ALL.length - inactive.length);
      const vallees = ALL.filter((s) => s.startsWith('2165'));
      expect(vallees.length).toBe(3);
      expect((await listAll('canut', 'q=2165')).sort()).toEqual(vallees.sort());
      const communes = DEMO_BENEFICIARIES.filter((b) => b.name.startsWith('Commune de')).map((b) => b.siret);
      const found = await listAll('canut', `q=${encodeURIComponent('Commune de')}`);
      expect(new Set(found)).toEqual(new Set(communes));
      expect(found).toEqual(byName(found));
      expect(await listAll('agent', 'q=2165')).toEqual([]);
    });

    it('refuses a bad filter in French', async () => {
      const res = await send<ErrorBody>('canut', 'GET', '?zone=mars');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.issues).toEqual([expect.objectContaining({ path: 'zone' })]);
      expect(res.body.error.issues![0]!.message).toMatch(/^zone inconnue/);
    });
  });

  describe('writing', () => {
    it.each([
      ['engineer', BELLERIVE, 403],
      ['accountManager', BELLERIVE, 403],
      ['canut', BELLERIVE, 403],
      ['agent', BELLERIVE, 403],
      ['approver', BELLERIVE, 403],
      ['agent', LAMENTIN, 404],
      ['otherAgent', BELLERIVE, 404],
      ['otherAgent', NEW_SIRET, 404],
    ] as [DemoRole, string, number][])(
      '%s cannot PUT %s (%i), and nothing changes',
      async (role, siret, status) => {
        const before = await stored(siret);
        const res = await send(role, 'PUT', `/${siret}`, aBody());
        expect(res.status).toBe(status);
        expect(isBareError(res.body, status === 404 ? 'NOT_FOUND' : 'FORBIDDEN')).toBe(true);
        expect(await stored(siret)).toEqual(before);
        expect(await events(siret)).toEqual([]);
      },
    );

    it('lets an admin create a beneficiary, and records who did it and every field', async () => {
      const before = new Date().toISOString();
      const res = await send<View>('admin', 'PUT', `/${NEW_SIRET}`, aBody());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        siret: NEW_SIRET,
        name: 'Ville de Grenoble-les-Sources',
        active: true,
      });
      expect((await send<View>('canut', 'GET', `/${NEW_SIRET}`)).body).toEqual(res.body);
      const [event, ...more] = await events(NEW_SIRET);
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        action: 'create',
        beneficiaryId: NEW_SIRET,
        actor: { tenantId: DEMO_TENANTS.titulaire, objectId: USERS.admin, role: 'Admin', channel: 'api' },
      });
      expect(event!.at >= before).toBe(true);
      expect(event!.changes).toEqual(
        expect.arrayContaining([
          { field: 'siret', before: null, after: NEW_SIRET },
          { field: 'zone', before: null, after: 'metropole' },
          { field: 'active', before: null, after: true },
        ]),
      );
    });

    it('updates on the version read (If-Match), records the fields changed, and refuses a stale version (412)', async () => {
      const read = await send<View>('admin', 'GET', `/${NEW_SIRET}`);
      // The version travels in the ETag header as in the body, for clients that use the headers.
      expect(read.headers.get('etag')).toBe(`"${read.body.etag}"`);
      const renamed = aBody({ name: 'Ville de Grenoble-les-Fontaines', modality: 2 });
      const res = await send<View>('admin', 'PUT', `/${NEW_SIRET}`, renamed, {
        'if-match': read.headers.get('etag')!,
      });
      expect(res.status).toBe(200);
      expect(res.body.etag).not.toBe(read.body.etag);
      expect(res.headers.get('etag')).toBe(`"${res.body.etag}"`);
      const update = (await events(NEW_SIRET)).find((e) => e.action === 'update');
      expect(update!.changes).toEqual([
        { field: 'name', before: 'Ville de Grenoble-les-Sources', after: 'Ville de Grenoble-les-Fontaines' },
        { field: 'modality', before: 1, after: 2 },
      ]);
      const count = (await events(NEW_SIRET)).length;
      const snapshot = await stored(NEW_SIRET);
      const stale = await send<ErrorBody>('admin', 'PUT', `/${NEW_SIRET}`, aBody({ zone: 'guyane' }), {
        'if-match': read.body.etag,
      });
      expect(stale.status).toBe(412);
      expect(stale.body.error.code).toBe('PRECONDITION_FAILED');
      expect(stale.body.error.message).toMatch(/modifiée entre-temps/);
      expect(await stored(NEW_SIRET)).toEqual(snapshot);
      expect((await events(NEW_SIRET)).length).toBe(count);
    });

    it('answers a repeated PUT as the first one, writing and recording nothing', async () => {
      const current = await stored(NEW_SIRET);
      const count = (await events(NEW_SIRET)).length;
      const body = aBody({ name: 'Ville de Grenoble-les-Fontaines', modality: 2 });
      const res = await send<View>('admin', 'PUT', `/${NEW_SIRET}`, body);
      expect([res.status, res.body.etag]).toEqual([200, current!._etag]);
      expect(await stored(NEW_SIRET)).toEqual(current);
      expect((await events(NEW_SIRET)).length).toBe(count);
    });

    it('refuses If-Match on a SIRET that does not exist, creating nothing', async () => {
      const siret = LA_POSTE_SIRET;
      const res = await send<ErrorBody>('admin', 'PUT', `/${siret}`, aBody(), { 'if-match': '"1"' });
      expect(res.status).toBe(412);
      expect(await stored(siret)).toBeUndefined();
    });

    it("accepts La Poste's SIRETs that fail the Luhn key but whose digits add up to a multiple of 5", async () => {
      const res = await send<View>(
        'admin',
        'PUT',
        `/${LA_POSTE_SIRET}`,
        aBody({ name: 'La Poste — agence' }),
      );
      expect(res.status).toBe(200);
      expect(res.body.siret).toBe(LA_POSTE_SIRET);
    });

    const BAD: [string, string, Record<string, unknown>][] = [
      ['a SIRET failing the Luhn key', '21380121000014', aBody()],
      ['a La Poste SIRET whose digits do not add up to a multiple of 5', '35600000010001', aBody()],
      ['an unknown zone', '21380121000021', aBody({ zone: 'mars' })],
      ['a modality other than 1 or 2', '21380121000021', aBody({ modality: 3 })],
      ['an unknown kind', '21380121000021', aBody({ kind: 'mairie' })],
      ['no tenant', '21380121000021', aBody({ tenantIds: [] })],
      ['a tenant that is not a GUID', '21380121000021', aBody({ tenantIds: ['contoso.onmicrosoft.com'] })],
      ['a French date', '21380121000021', aBody({ conventionDate: '02/06/2025' })],
      ['a missing name and kind', '21380121000021', { ...aBody(), name: undefined, kind: undefined }],
    ];

    it.each(BAD)('refuses %s with the import’s French messages, writing nothing', async (_, siret, body) => {
      const res = await send<ErrorBody>('admin', 'PUT', `/${siret}`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toMatch(/^Requête invalide \(corps\)/);
      // Exactly what `guichet import` says about the same row.
      const { issues } = validateBeneficiaryRows([{ line: 1, data: { ...body, siret } }]);
      expect(issues.length).toBeGreaterThan(0);
      expect(res.body.error.issues!.map((i) => `${i.path} : ${i.message}`)).toEqual(
        issues.map((i) => i.message),
      );
      expect(await stored(siret)).toBeUndefined();
      expect(await events(siret)).toEqual([]);
    });

    it('refuses a body naming another SIRET than the path, and a path that is not a SIRET', async () => {
      const other = await send<ErrorBody>('admin', 'PUT', `/${NEW_SIRET}`, aBody({ siret: BELLERIVE }));
      expect(other.status).toBe(400);
      expect(other.body.error.issues).toEqual([expect.objectContaining({ path: 'siret' })]);
      const shortPath = await send<ErrorBody>('admin', 'PUT', '/2138012100001', aBody());
      expect(shortPath.status).toBe(400);
      expect(shortPath.body.error.issues![0]!.message).toBe('le SIRET doit compter exactement 14 chiffres');
      expect(await stored('2138012100001')).toBeUndefined();
    });

    it('tells a support engineer, before looking at the body, that only an admin edits a record', async () => {
      const res = await send<ErrorBody>('engineer', 'PUT', `/${BELLERIVE}`, { name: 'x' });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/administrateur du Titulaire/);
    });
  });

  it('is documented in openapi.json', async () => {
    const doc = (await (await fetch(`${rig.svc.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string; requestBody?: unknown }>>;
    };
    const ops = (path: string) => Object.keys(doc.paths[path] ?? {}).sort();
    expect(ops('/api/v1/beneficiaries')).toEqual(['get']);
    expect(ops('/api/v1/beneficiaries/{siret}')).toEqual(['get', 'put']);
    expect(ops('/api/v1/beneficiaries/{siret}/approvers')).toEqual(['get']);
    expect(ops('/api/v1/beneficiaries/{siret}/approvers/{objectId}')).toEqual(['delete', 'put']);
    const put = JSON.stringify(doc.paths['/api/v1/beneficiaries/{siret}']!.put!.requestBody);
    for (const word of ['conventionDate', 'tenantIds', 'la-reunion', 'etablissement-sante'])
      expect(put).toContain(word);
    const putOperation = JSON.stringify(doc.paths['/api/v1/beneficiaries/{siret}']!.put);
    expect(putOperation).toContain('"name":"If-Match"');
    expect(JSON.stringify(doc.paths['/api/v1/beneficiaries/{siret}']!.get)).toContain('"ETag"');
  });
});
