/**
 * Anonymising a contact on request, over two beneficiaries' data made by the real services: the
 * person's name, e-mail, object id and phone appear nowhere in the beneficiary's partition after it,
 * the history is kept (same events, same actions, same dates), an audit event records it without
 * naming the person, and nothing else moves — not the other people, not the other beneficiary.
 */
import { buildExportArchive } from '../../bot/src/reports/export/export-zip';
import { anonymiseContact } from '../../bot/src/services/anonymise-contact';
import type { Doc, Store } from '../../bot/src/store/port';
import JSZip from 'jszip';
import { BELLERIVE, LAMENTIN, LEA, LEA_EMAIL, LEA_PHONE, MARC, twoBeneficiaries } from './export-fixtures';

const OPERATOR = {
  tenantId: 'c0ffee00-0000-4000-8000-000000000001',
  objectId: 'a1b2c3d4-0000-4000-8000-000000000003',
  name: 'Nadia Haddad',
  role: 'Admin',
  channel: 'cli',
};
const TOKEN = '5eed5eed00112233';

async function everything(store: Store, pk: string): Promise<Doc[]> {
  const out: Doc[] = [];
  for (const name of ['business', 'staff', 'conversations'] as const) {
    out.push(...(await store.container<Doc>(name).query({ pk, limit: 1000 })).items);
  }
  return out;
}

const withoutMeta = (docs: Doc[]) => docs.map(({ _etag: _e, _ts: _t, ...d }) => d);

describe('anonymiseContact', () => {
  let rig: Awaited<ReturnType<typeof twoBeneficiaries>>;
  let before: Doc[];
  let otherBefore: string;
  let result: Awaited<ReturnType<typeof anonymiseContact>>;
  beforeAll(async () => {
    rig = await twoBeneficiaries();
    before = await everything(rig.store, BELLERIVE);
    otherBefore = JSON.stringify(await everything(rig.store, LAMENTIN));
    result = await anonymiseContact(rig.store, {
      siret: BELLERIVE,
      contact: { name: LEA.name, email: LEA_EMAIL, objectId: LEA.objectId },
      actor: OPERATOR,
      reference: 'Demande RGPD du 3 juin 2026',
      now: new Date('2026-06-05T08:00:00Z'),
      token: TOKEN,
    });
  });
  afterAll(() => rig.close());

  it("leaves the contact's name, e-mail, object id and phone nowhere in the partition", async () => {
    const text = JSON.stringify(before);
    for (const needle of [LEA.name, LEA_EMAIL, LEA.objectId, LEA_PHONE]) expect(text).toContain(needle);
    const after = JSON.stringify(await everything(rig.store, BELLERIVE));
    for (const needle of [LEA.name, 'Dubois', LEA_EMAIL, LEA.objectId!, LEA_PHONE])
      expect(after).not.toContain(needle);
    expect(after).toContain('Contact anonymisé 5EED5EED');
    expect(result.pseudonym).toEqual({ name: 'Contact anonymisé 5EED5EED', objectId: `anonymise-${TOKEN}` });
    expect(result.documentIds.length).toBeGreaterThan(5);
  });

  it('keeps the history: the same events, actions and dates, with the pseudonym as actor', async () => {
    const events = (docs: Doc[]) =>
      withoutMeta(docs)
        .filter((d) => String(d.type).endsWith('-event'))
        .map((d) => ({ id: d.id, type: d.type, at: d.at, action: d.action, seq: d.seq }));
    const after = await everything(rig.store, BELLERIVE);
    expect(events(after).filter((e) => e.type !== 'privacy-event')).toEqual(events(before));
    const opening = after.find((d) => d.type === 'ticket-event' && d.action === 'open' && d.seq === 1)!;
    expect(opening.actor).toMatchObject({
      name: result.pseudonym.name,
      objectId: result.pseudonym.objectId,
      role: 'Beneficiary.Agent',
    });
    const ticket = after.find((d) => d.type === 'ticket' && d.title === 'Messagerie inaccessible')!;
    expect(ticket.declaredBy).toEqual({
      tenantId: LEA.tenantId,
      objectId: result.pseudonym.objectId,
      name: result.pseudonym.name,
    });
    expect(ticket.phone).toBeUndefined();
    expect(ticket.description).toBe(
      `Messagerie inaccessible : signalé par l'équipe, ${result.pseudonym.name} suit le sujet.`,
    );
    const emailed = after.find(
      (d) => d.type === 'quote' && (d.request as { channel: string }).channel === 'email',
    )!;
    expect((emailed.request as { requestedBy: unknown }).requestedBy).toEqual({
      name: result.pseudonym.name,
    });
  });

  it('records an audit event naming the pseudonym, the operator and the documents, not the person', async () => {
    const after = await everything(rig.store, BELLERIVE);
    const event = after.find((d) => d.type === 'privacy-event')!;
    expect(event).toMatchObject({
      id: `privacy:anonymise-${TOKEN}`,
      action: 'anonymise-contact',
      beneficiaryId: BELLERIVE,
      at: '2026-06-05T08:00:00.000Z',
      actor: OPERATOR,
      pseudonym: result.pseudonym,
      reference: 'Demande RGPD du 3 juin 2026',
      documentIds: result.documentIds,
      staffEntriesRemoved: 0,
      conversationsRemoved: 1,
    });
    expect(JSON.stringify(event)).not.toMatch(/Léa|lea\.dubois/);
  });

  it('leaves the other people and the other beneficiary alone', async () => {
    const after = JSON.stringify(await everything(rig.store, BELLERIVE));
    expect(after).toContain(MARC.name);
    expect(after).toContain('marc.petit@bellerive.example');
    expect(JSON.stringify(await everything(rig.store, LAMENTIN))).toBe(otherBefore);
  });

  it('shows up in the export: the privacy log, and the pseudonym among the contacts', async () => {
    const zip = await JSZip.loadAsync((await buildExportArchive(rig.store, BELLERIVE)).zip);
    const log = JSON.parse(await zip.file('journal-confidentialite.json')!.async('string')) as unknown[];
    expect(log).toHaveLength(1);
    const contacts = JSON.parse(await zip.file('contacts.json')!.async('string')) as { name: string }[];
    expect(contacts.map((c) => c.name).sort()).toEqual([result.pseudonym.name, MARC.name].sort());
  });

  it('finds nothing left to change when run again', async () => {
    const again = await anonymiseContact(rig.store, {
      siret: BELLERIVE,
      contact: { name: LEA.name, email: LEA_EMAIL, objectId: LEA.objectId },
      actor: OPERATOR,
      token: 'abcdef0123456789',
    });
    expect(again.documentIds).toEqual([]);
    expect(again.conversationsRemoved).toBe(0);
  });

  it('refuses an unknown beneficiary and a missing name', async () => {
    await expect(
      anonymiseContact(rig.store, { siret: '00000000000000', contact: { name: LEA.name }, actor: OPERATOR }),
    ).rejects.toThrow(/introuvable/);
    await expect(
      anonymiseContact(rig.store, { siret: BELLERIVE, contact: { name: ' ' }, actor: OPERATOR }),
    ).rejects.toThrow(/Nom du contact/);
  });
});
