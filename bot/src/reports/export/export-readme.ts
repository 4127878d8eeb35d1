/**
 * The README of a reversibility export, in French: what the archive is, how the files are written
 * (encodings, dates, amounts), then every file and every field. Built from the same declarations as
 * the files themselves (`JSON_FILES`, the CSV columns), so the two cannot drift apart.
 */
import type { ExportTable } from './export-tables';
import { JSON_FILES } from './export-json-fields';

/** The README's file name. */
export const README_NAME = 'LISEZMOI.md';

/** Who the export is for and when it was made. */
export interface ReadmeMeta {
  readonly siret: string;
  readonly beneficiaryName: string;
  readonly generatedAt: string;
}

/** The README text. */
export function exportReadme(meta: ReadmeMeta, csv: readonly ExportTable[]): string {
  return [
    `# Export des données de ${meta.beneficiaryName} (SIRET ${meta.siret})`,
    '',
    `Export établi le ${meta.generatedAt} (UTC) par Guichet, l'application Teams de l'accord-cadre`,
    'AOO_2024_PSTM, au titre de la réversibilité (article 6 du CCTP) : il contient toutes les données',
    'que Guichet conserve pour ce bénéficiaire, et aucune donnée d’un autre bénéficiaire.',
    '',
    '## Conventions',
    '',
    '- Les fichiers JSON sont en UTF-8 ; ils sont complets (documents, versions, journaux d’audit).',
    '- Les fichiers CSV sont en UTF-8 avec BOM, séparateur `;`, virgule décimale, fins de ligne CRLF :',
    '  Excel (version française) les ouvre directement. Un texte commençant par `=`, `+`, `-` ou `@`',
    "  y est précédé d'une apostrophe pour qu'Excel ne l'exécute pas ; le JSON garde le texte exact.",
    '- Les dates et heures sont en UTC au format ISO 8601 (`2026-10-05T07:30:00Z`) ; les dates seules',
    '  (`2026-10-05`) sont des dates locales du bénéficiaire.',
    '- Montants : en JSON, en centimes d’euro entiers (champs en `Cents`) ; en CSV, en euros.',
    '- Une personne anonymisée à sa demande apparaît sous un pseudonyme « Contact anonymisé … ».',
    '- Ne sont pas exportés : les champs techniques du stockage (versions, clés de partition, clés',
    "  d'idempotence), les adresses techniques des conversations Teams (propres au bot du Titulaire)",
    '  et les messages adressés aux canaux internes du Titulaire, dont le contenu figure déjà dans les',
    "  documents et leurs journaux d'audit.",
    '',
    '## Fichiers',
    '',
    '| fichier | contenu |',
    '|---|---|',
    `| \`${README_NAME}\` | Ce fichier. |`,
    ...JSON_FILES.map((f) => `| \`${f.name}\` | ${f.description} |`),
    ...csv.map((t) => `| \`${csvPath(t)}\` | ${t.description} |`),
    '',
    '## Fichiers JSON',
    '',
    ...JSON_FILES.flatMap((f) => [
      `### \`${f.name}\``,
      '',
      f.description,
      '',
      '| champ | signification |',
      '|---|---|',
      ...f.fields.map(([field, description]) => `| \`${field}\` | ${description} |`),
      '',
    ]),
    '## Fichiers CSV',
    '',
    ...csv.flatMap((t) => [
      `### \`${csvPath(t)}\``,
      '',
      t.description,
      '',
      '| colonne | signification |',
      '|---|---|',
      ...t.fields.map((f) => `| \`${f.header}\` | ${f.description} |`),
      '',
    ]),
  ].join('\n');
}

/** Where a CSV table sits in the archive. */
export function csvPath(table: Pick<ExportTable, 'name'>): string {
  return `csv/${table.name}.csv`;
}
