/**
 * Every reversibility export leaves an audit event in the beneficiary's partition (who, when, which
 * channel, which archive), over real HTTP with the local sign-in's tokens; the next export lists
 * it; a refused export leaves none; an operator's export (the CLI's path) is recorded as `cli`.
 */
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { DEMO_TENANTS } from '../../bot/src/config/config';
import { exportBeneficiaryData, operatorActor } from '../../bot/src/services/export-service';
import type { Doc } from '../../bot/src/store/port';
import { BELLERIVE, LAMENTIN, USERS, signIn, useApiService, type DemoRole } from './support/api-harness';

interface ExportEvent {
  id: string;
  type: string;
  action: string;
  beneficiaryId: string;
  at: string;
  actor: { tenantId: string; objectId?: string; name: string; role: string; channel: string };
  archive: { bytes: number; sha256: string };
}

describe('export audit', () => {
  const rig = useApiService();
  const exportAs = async (role: DemoRole, siret: string) => {
    const res = await fetch(`${rig.svc.url}/api/v1/export?siret=${siret}`, {
      headers: { authorization: `Bearer ${await signIn(rig.svc, USERS[role])}` },
    });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  };
  const exportEvents = async (siret: string) => {
    const page = await rig.svc.store.container<Doc>('business').query({ pk: siret, limit: 1000 });
    return (page.items as unknown as ExportEvent[])
      .filter((d) => d.type === 'privacy-event' && d.action === 'export-data')
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  };
  const journal = async (zip: Buffer) => {
    const archive = await JSZip.loadAsync(zip);
    return JSON.parse(await archive.file('journal-confidentialite.json')!.async('string')) as ExportEvent[];
  };

  it("records who exported, when, through the API, and which archive, in the beneficiary's partition", async () => {
    const before = new Date().toISOString();
    const res = await exportAs('approver', BELLERIVE);
    expect(res.status).toBe(200);
    const events = await exportEvents(BELLERIVE);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      beneficiaryId: BELLERIVE,
      actor: { objectId: USERS.approver, role: 'Beneficiary.Approver', channel: 'api' },
      archive: { bytes: res.body.length, sha256: createHash('sha256').update(res.body).digest('hex') },
    });
    expect(event!.actor.name).not.toBe('');
    expect(event!.at >= before && event!.at <= new Date().toISOString()).toBe(true);
    expect(await exportEvents(LAMENTIN)).toEqual([]);
  });

  it('lists the earlier exports in the next archive, the admin’s own export being recorded too', async () => {
    const res = await exportAs('admin', BELLERIVE);
    expect(res.status).toBe(200);
    const listed = await journal(res.body);
    const [first] = await exportEvents(BELLERIVE);
    expect(listed.filter((e) => e.action === 'export-data')).toEqual([
      expect.objectContaining({
        id: first!.id,
        actor: expect.objectContaining({ objectId: USERS.approver }),
      }),
    ]);
    const events = await exportEvents(BELLERIVE);
    expect(events.map((e) => [e.actor.role, e.actor.channel])).toEqual([
      ['Beneficiary.Approver', 'api'],
      ['Admin', 'api'],
    ]);
    expect(events[1]!.actor.tenantId).toBe(DEMO_TENANTS.titulaire);
  });

  it('records nothing for a refused export', async () => {
    const count = (await exportEvents(BELLERIVE)).length;
    expect((await exportAs('agent', BELLERIVE)).status).toBe(403);
    expect((await exportAs('canut', BELLERIVE)).status).toBe(403);
    expect((await exportAs('approver', LAMENTIN)).status).toBe(404);
    expect(await exportEvents(BELLERIVE)).toHaveLength(count);
    expect(await exportEvents(LAMENTIN)).toEqual([]);
  });

  it("records an operator's export as the CLI's, and the API's next export lists it", async () => {
    const operator = operatorActor(DEMO_TENANTS.titulaire, 'opérateur test');
    const recorded = await exportBeneficiaryData(rig.svc.store, { siret: LAMENTIN, actor: operator });
    expect(recorded.event).toMatchObject({
      beneficiaryId: LAMENTIN,
      actor: { channel: 'cli', role: 'Admin' },
    });
    const res = await exportAs('admin', LAMENTIN);
    const listed = (await journal(res.body)).filter((e) => e.action === 'export-data');
    expect(listed).toEqual([expect.objectContaining({ id: recorded.event.id, actor: operator })]);
    expect((await exportEvents(LAMENTIN)).map((e) => e.actor.channel)).toEqual(['cli', 'api']);
  });
});
