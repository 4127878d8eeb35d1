/**
 * The reversibility export of a beneficiary, over a store holding two beneficiaries' data made by
 * the real services: everything of the one (counted per document type), nothing of the other
 * (searched for in every file), and a README that describes every file and field written.
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { buildExportArchive, MANIFEST_NAME } from '../../bot/src/reports/export/export-zip';
import { JSON_FILES } from '../../bot/src/reports/export/export-json-fields';
import { README_NAME } from '../../bot/src/reports/export/export-readme';
import { exportBeneficiaryData, operatorActor } from '../../bot/src/services/export-service';
import type { Doc, Store } from '../../bot/src/store/port';
import {
  BELLERIVE,
  JOEL,
  LAMENTIN,
  LEA,
  MAELLE,
  MARC,
  SUPPORT_CHANNEL,
  twoBeneficiaries,
} from './export-fixtures';

async function unzip(zip: Buffer): Promise<Map<string, string>> {
  const archive = await JSZip.loadAsync(zip);
  const files = new Map<string, string>();
  for (const name of Object.keys(archive.files).sort()) {
    if (!archive.files[name]!.dir) files.set(name, await archive.files[name]!.async('string'));
  }
  return files;
}

async function partition(
  store: Store,
  pk: string,
  container: 'business' | 'staff' | 'conversations' = 'business',
) {
  return (await store.container<Doc>(container).query({ pk, limit: 1000 })).items;
}

describe('reversibility export', () => {
  let rig: Awaited<ReturnType<typeof twoBeneficiaries>>;
  let files: Map<string, string>;
  let zip: Buffer;
  beforeAll(async () => {
    rig = await twoBeneficiaries();
    // An earlier export, recorded: the archive then lists it in its privacy log, fields and all.
    await exportBeneficiaryData(rig.store, {
      siret: BELLERIVE,
      actor: operatorActor('c0ffee00-0000-4000-8000-000000000001', 'opérateur'),
      now: new Date('2026-06-09T08:00:00Z'),
    });
    zip = (await buildExportArchive(rig.store, BELLERIVE, new Date('2026-06-10T08:00:00Z'))).zip;
    files = await unzip(zip);
  });
  afterAll(() => rig.close());
  const json = <T = Record<string, unknown>[]>(name: string) => JSON.parse(files.get(name)!) as T;

  it("holds every document of the beneficiary's partition, counted per type", async () => {
    const docs = await partition(rig.store, BELLERIVE);
    const count = (type: string) => docs.filter((d) => d.type === type).length;
    expect(count('ticket')).toBe(2);
    expect(count('quote')).toBe(2);
    expect(count('order')).toBe(1);
    const tickets = json<{ id: string; events: unknown[] }[]>('tickets.json');
    const quotes = json<{ id: string; events: unknown[]; versions: unknown[] }[]>('devis.json');
    const orders = json<{ id: string; events: unknown[] }[]>('commandes.json');
    expect(tickets).toHaveLength(count('ticket'));
    expect(quotes).toHaveLength(count('quote'));
    expect(orders).toHaveLength(count('order'));
    expect(tickets.flatMap((t) => t.events)).toHaveLength(count('ticket-event'));
    expect(quotes.flatMap((q) => q.events)).toHaveLength(count('quote-event'));
    expect(orders.flatMap((o) => o.events)).toHaveLength(count('order-event'));
    expect(quotes.find((q) => q.versions.length > 0)).toBeDefined();
    const ownMessages = docs.filter(
      (d) => d.type === 'outbox' && (d.target as { pk: string }).pk === BELLERIVE,
    );
    expect(json('notifications.json')).toHaveLength(ownMessages.length);
    expect(ownMessages.length).toBeGreaterThan(0);
    expect(json('conversations.json')).toHaveLength(
      (await partition(rig.store, BELLERIVE, 'conversations')).length,
    );
    expect(json<{ siret: string }>('beneficiaire.json').siret).toBe(BELLERIVE);
  });

  it("lists the beneficiary's contacts: its registered approver and the agents who acted", () => {
    const contacts =
      json<{ name: string; approver: boolean; email: string | null; documents: string[] }[]>('contacts.json');
    expect(contacts.map((c) => c.name).sort()).toEqual([LEA.name, MARC.name].sort());
    expect(contacts.find((c) => c.name === MARC.name)).toMatchObject({
      approver: true,
      email: 'marc.petit@bellerive.example',
    });
    expect(contacts.find((c) => c.name === LEA.name)).toMatchObject({
      email: 'lea.dubois@bellerive.example',
    });
    const csv = parse(files.get('csv/contacts.csv')!, { bom: true, delimiter: ';', columns: true }) as Record<
      string,
      string
    >[];
    expect(csv.map((c) => c.nom).sort()).toEqual([LEA.name, MARC.name].sort());
  });

  it('contains nothing of the other beneficiary, in any file', async () => {
    const other = await partition(rig.store, LAMENTIN);
    expect(other.length).toBeGreaterThan(3);
    const needles = [
      LAMENTIN,
      'Lamentin',
      JOEL.name,
      JOEL.objectId,
      JOEL.tenantId,
      MAELLE.name,
      MAELLE.objectId,
      'maelle.riviere',
      ...other.map((d) => d.id),
      ...other.flatMap((d) => (typeof d.number === 'string' ? [d.number] : [])),
    ];
    for (const [name, content] of files) {
      for (const needle of needles) {
        if (content.includes(needle)) throw new Error(`${name} contient « ${needle} »`);
      }
    }
  });

  it('leaves out store bookkeeping, Bot Framework addresses and messages to Titulaire channels', () => {
    const all = [...files.values()].join('\n');
    for (const needle of [
      '_etag',
      '"pk"',
      'lastAction',
      'originConversationPk',
      'serviceUrl',
      SUPPORT_CHANNEL,
    ]) {
      expect(all).not.toContain(needle);
    }
  });

  it('describes every file of the archive in its README, and every field written', () => {
    const readme = files.get(README_NAME)!;
    for (const name of files.keys()) expect(readme).toContain(`\`${name}\``);
    for (const doc of JSON_FILES) {
      const value = json<unknown>(doc.name);
      const records = (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
      const fields = new Set(doc.fields.map(([f]) => f));
      if (doc.name === 'journal-confidentialite.json')
        expect(records.map((r) => r.action)).toEqual(['export-data']);
      for (const record of records) {
        for (const key of Object.keys(record))
          expect([doc.name, key, fields.has(key)]).toEqual([doc.name, key, true]);
        for (const event of (record.events as Record<string, unknown>[] | undefined) ?? []) {
          for (const key of Object.keys(event)) expect(fields.has(`events[].${key}`)).toBe(true);
        }
      }
    }
    for (const [name, content] of files) {
      if (!name.endsWith('.csv')) continue;
      const [header] = parse(content, { bom: true, delimiter: ';', to: 1 }) as string[][];
      for (const column of header!) expect(readme).toContain(`\`${column}\``);
    }
  });

  it('writes CSV files French Excel reads, one row per document', () => {
    const tickets = parse(files.get('csv/tickets.csv')!, {
      bom: true,
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[];
    expect(files.get('csv/tickets.csv')!.startsWith('\ufeffnumero;')).toBe(true);
    expect(tickets).toHaveLength(2);
    const orders = parse(files.get('csv/commandes.csv')!, {
      bom: true,
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[];
    expect(orders[0]).toMatchObject({ montant_ht: '17217,50', tva: '3443,50', montant_ttc: '20661,00' });
    const events = parse(files.get('csv/evenements.csv')!, {
      bom: true,
      delimiter: ';',
      columns: true,
    }) as unknown[];
    const trail =
      json<{ events: unknown[] }[]>('tickets.json').flatMap((t) => t.events).length +
      json<{ events: unknown[] }[]>('devis.json').flatMap((t) => t.events).length +
      json<{ events: unknown[] }[]>('commandes.json').flatMap((t) => t.events).length;
    expect(events).toHaveLength(trail);
  });

  it('has a manifest whose fingerprints match the files', () => {
    const manifest = json<{ siret: string; files: { name: string; sha256: string; bytes: number }[] }>(
      MANIFEST_NAME,
    );
    expect(manifest.siret).toBe(BELLERIVE);
    expect(manifest.files.map((f) => f.name).sort()).toEqual(
      [...files.keys()].filter((n) => n !== MANIFEST_NAME).sort(),
    );
    for (const f of manifest.files) {
      const content = Buffer.from(files.get(f.name)!, 'utf8');
      expect(createHash('sha256').update(content).digest('hex')).toBe(f.sha256);
      expect(content.length).toBe(f.bytes);
    }
  });

  it("exports the other beneficiary's data to it, and nothing of the first", async () => {
    const theirs = await unzip((await buildExportArchive(rig.store, LAMENTIN)).zip);
    const all = [...theirs.values()].join('\n');
    expect(all).toContain(JOEL.name);
    expect(all).toContain(MAELLE.name);
    for (const needle of [BELLERIVE, 'Bellerive', LEA.name, MARC.name, LEA.objectId])
      expect(all).not.toContain(needle);
  });

  it('refuses an unknown SIRET', async () => {
    await expect(buildExportArchive(rig.store, '21650011200018x')).rejects.toThrow(/introuvable/);
  });
});
