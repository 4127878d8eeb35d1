/**
 * Moving a whole store (issue 8): `guichet export --all` then `guichet import --all`, from SQLite to
 * Cosmos DB (the in-process HTTPS emulator) and back to a fresh SQLite file, every document compared;
 * a non-empty target refused unless forced, a re-run harmless, counters never going back, a cut dump
 * refused whole.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runExport } from '../../bot/src/cli/export-command';
import { importStoreDump } from '../../bot/src/cli/import/import-all';
import { runCli } from '../../bot/src/cli/main';
import { ConflictError, ValidationError } from '../../bot/src/domain/errors';
import { CounterRepository } from '../../bot/src/store/counter-repository';
import { openStore } from '../../bot/src/store/open-store';
import { OPEN_TICKETS_VIEW } from '../../bot/src/store/views/view-projections';
import { SOURCE_CONTAINERS, SYSTEM_PARTITION, type Doc, type Store } from '../../bot/src/store/port';
import { twoBeneficiaries } from '../reports/export-fixtures';
import { openEmulatorStore } from '../store/cosmos-fixtures';
import { startCosmosTestServer, type CosmosTestServer } from '../store/cosmos-test-server';
import { allOf } from '../../bot/src/store/query-pages';

function output() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += String(chunk)));
  return { stream, text: () => text };
}

/** Every document of every container, with its metadata, read through the port. */
async function stored(store: Store): Promise<(Doc & { container: string })[]> {
  const docs: (Doc & { container: string })[] = [];
  for (const name of SOURCE_CONTAINERS) {
    const items = await allOf(store.container(name), { crossPartition: true, limit: 1000 });
    docs.push(...items.map((doc) => ({ ...doc, container: name })));
  }
  return docs;
}

/** What must survive a move: each document's container and fields, without the store's metadata. */
async function contents(store: Store): Promise<string[]> {
  return (await stored(store)).map(({ _etag, _ts, ...doc }) => JSON.stringify(doc)).sort();
}

/** The open-ticket view's rows without the store's metadata: derived, never moved. */
async function openTicketRows(store: Store): Promise<string[]> {
  const page = await store.container('views').query({ pk: OPEN_TICKETS_VIEW, limit: 1000 });
  return page.items.map(({ _etag, _ts, ...row }) => JSON.stringify(row)).sort();
}

describe('guichet export --all / import --all', () => {
  let server: CosmosTestServer;
  let source: Awaited<ReturnType<typeof twoBeneficiaries>>;
  let dir: string;
  const opened: Store[] = [];
  const cosmos = async () => {
    const store = await openEmulatorStore(server, { extraSortShapes: {} });
    opened.push(store);
    return store;
  };
  const sqlite = async (name: string) => {
    const store = await openStore({ kind: 'sqlite', dataDir: path.join(dir, name) });
    opened.push(store);
    return store;
  };
  const exportAll = async (store: Store, file: string) => {
    const out = output();
    expect(await runExport(['--all', '--out', file], out.stream, { store })).toBe(0);
    return out.text();
  };

  beforeAll(async () => {
    server = await startCosmosTestServer();
    source = await twoBeneficiaries();
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await source?.close();
    await server?.close();
  });
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'guichet-dump-'));
  });

  it('moves every document from SQLite to Cosmos DB and back, unchanged but for fresh metadata', async () => {
    const original = await contents(source.store);
    const containers = new Set((await stored(source.store)).map((d) => d.container));
    // The fixture fills every container, counters included: the comparison covers them all.
    expect([...containers].sort()).toEqual([...SOURCE_CONTAINERS].sort());
    const first = path.join(dir, 'sqlite.jsonl');
    expect(await exportAll(source.store, first)).toMatch(
      new RegExp(
        `^Export complet écrit dans .*sqlite\\.jsonl : ${original.length} document\\(s\\) \\(beneficiaries \\d+,`,
      ),
    );
    expect(readdirSync(dir)).toEqual(['sqlite.jsonl']);

    const target = await cosmos();
    const imported = await importStoreDump(target, first);
    expect(imported).toMatchObject({ documents: original.length, written: original.length, countersKept: 0 });
    expect(await contents(target)).toEqual(original);
    // The views are not in the dump: the target derives them from what it imports, as the source did.
    expect((await openTicketRows(source.store)).length).toBeGreaterThan(0);
    expect(await openTicketRows(target)).toEqual(await openTicketRows(source.store));
    // The target's own metadata: Cosmos ETags, write times of the import.
    const sourceEtags = new Set((await stored(source.store)).map((d) => d._etag));
    for (const doc of await stored(target)) expect(sourceEtags.has(doc._etag as string)).toBe(false);

    const second = path.join(dir, 'cosmos.jsonl');
    await exportAll(target, second);
    const back = await sqlite('back');
    await importStoreDump(back, second);
    expect(await contents(back)).toEqual(original);
  });

  it('goes on with the numbers where the source stopped', async () => {
    const file = path.join(dir, 'dump.jsonl');
    await exportAll(source.store, file);
    const counters = (await stored(source.store)).filter(
      (d) => d.pk === SYSTEM_PARTITION && d.type === 'counter',
    );
    expect(counters.length).toBeGreaterThan(0);
    const target = await cosmos();
    await importStoreDump(target, file);
    for (const c of counters) {
      expect(await new CounterRepository(target).next(c.id)).toBe((c.value as number) + 1);
    }
  });

  it('re-runs harmlessly, and never lowers a counter the target has moved on', async () => {
    const file = path.join(dir, 'dump.jsonl');
    await exportAll(source.store, file);
    const target = await sqlite('rerun');
    await importStoreDump(target, file);
    const counter = (await stored(target)).find((d) => d.type === 'counter')!;
    const ahead = await new CounterRepository(target).next(counter.id);
    const before = await contents(target);

    const again = await importStoreDump(target, file);

    // Every counter stays: the one the target moved on, and the others already equal to the dump's.
    const counters = (await stored(target)).filter((d) => d.type === 'counter').length;
    expect(again.countersKept).toBe(counters);
    expect(again.written).toBe(again.documents - counters);
    expect(await contents(target)).toEqual(before);
    expect((await target.container('counters').read(SYSTEM_PARTITION, counter.id))?.value).toBe(ahead);
  });

  it('refuses a target holding other documents, and writes next to them when forced', async () => {
    const file = path.join(dir, 'dump.jsonl');
    await exportAll(source.store, file);
    const target = await sqlite('busy');
    await target.container('staff').create({ id: 'deja-la', pk: SYSTEM_PARTITION, displayName: 'Déjà là' });

    const refused = importStoreDump(target, file);

    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow(
      /La base cible contient déjà 1 document\(s\) absent\(s\) de cet export \(par exemple staff\/_system\/deja-la\)\..*--force/,
    );
    expect(await stored(target)).toHaveLength(1);
    const forced = await importStoreDump(target, file, { force: true });
    expect(await stored(target)).toHaveLength(forced.documents + 1);
  });

  it('refuses a cut or altered dump whole, writing nothing', async () => {
    const file = path.join(dir, 'dump.jsonl');
    await exportAll(source.store, file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const cut = path.join(dir, 'cut.jsonl');
    writeFileSync(cut, `${lines.slice(0, -3).join('\n')}\n`);
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      [...lines.slice(0, 2), '{"container":"ailleurs","pk":"x","doc":{}}', ...lines.slice(2)].join('\n'),
    );
    const target = await sqlite('untouched');

    await expect(importStoreDump(target, cut)).rejects.toThrow(
      /Fichier d'export incomplet : la dernière ligne manque/,
    );
    await expect(importStoreDump(target, bad)).rejects.toThrow(ValidationError);
    await expect(importStoreDump(target, path.join(dir, 'absent.jsonl'))).rejects.toThrow(/introuvable/);
    expect(await stored(target)).toEqual([]);
  });

  it('runs as `guichet export --all` and `guichet import --all` on the configured store', async () => {
    const file = path.join(dir, 'dump.jsonl');
    await exportAll(source.store, file);
    const saved = process.env.DATA_DIR;
    process.env.DATA_DIR = path.join(dir, 'cli');
    try {
      const [out, err] = [output(), output()];
      expect(await runCli(['import', '--all', file], out.stream, err.stream)).toBe(0);
      expect(out.text()).toMatch(/^Export complet importé : \d+ document\(s\), \d+ écrit\(s\)\.\n$/);
      const refused = output();
      expect(await runCli(['import', '--all', file, 'autre.jsonl'], output().stream, refused.stream)).toBe(2);
      expect(refused.text()).toContain('Un seul fichier');
      const back = path.join(dir, 'back.jsonl');
      expect(await runCli(['export', '--all', '--out', back], output().stream, err.stream)).toBe(0);
      const body = (f: string) => readFileSync(f, 'utf8').split('\n').slice(1).sort();
      expect(body(back)).toEqual(body(file));
      const both = output();
      expect(
        await runCli(
          ['export', '--all', '--siret', '21690012300029', '--out', back],
          output().stream,
          both.stream,
        ),
      ).toBe(2);
      expect(both.text()).toContain('--all exporte tout');
    } finally {
      if (saved === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = saved;
    }
  });
});
