/**
 * The CSV side of a reversibility export: tickets, quotes, orders, order lines, contacts and every
 * audit event, flat, one row per item. Each column is declared once with its description, which the
 * README prints, so that a column can never appear in a file without being documented.
 */
import { STATUS_LABELS } from '../../domain/tickets/ticket';
import { ORDER_STATUS_LABELS } from '../../domain/orders/order';
import { QUOTE_STATUS_LABELS, latestVersion } from '../../domain/quotes/quote';
import type { Cell, ColumnKind, DataTable } from '../data-table';
import type { ExportData } from './export-data';

/** A column with the description the README gives of it. */
export interface DescribedColumn<T> {
  readonly header: string;
  readonly kind: ColumnKind;
  readonly description: string;
  readonly value: (row: T) => Cell;
}

/** A CSV table of the export and the columns it was made from. */
export interface ExportTable extends DataTable {
  readonly fields: readonly { readonly header: string; readonly description: string }[];
}

type Row<K extends keyof ExportData> = ExportData[K] extends readonly (infer R)[] ? R : never;

const c = <T>(
  header: string,
  kind: ColumnKind,
  description: string,
  value: (row: T) => Cell,
): DescribedColumn<T> => ({
  header,
  kind,
  description,
  value,
});

function table<T>(
  name: string,
  description: string,
  columns: DescribedColumn<T>[],
  rows: readonly T[],
): ExportTable {
  return {
    name,
    sheet: name,
    description,
    columns: columns.map(({ header, kind }) => ({ header, kind })),
    rows: rows.map((row) => columns.map((col) => col.value(row))),
    fields: columns.map(({ header, description: d }) => ({ header, description: d })),
  };
}

const TICKET_COLUMNS: DescribedColumn<Row<'tickets'>>[] = [
  c('numero', 'text', 'Numéro du ticket (INC-AAAA-NNNNNN).', (t) => t.number),
  c('identifiant', 'text', 'Identifiant technique du ticket (clé des fichiers JSON).', (t) => t.id),
  c('statut', 'text', 'Statut actuel.', (t) => STATUS_LABELS[t.status]),
  c('gravite', 'integer', 'Gravité de 1 (système critique arrêté) à 4 (impact minime).', (t) => t.severity),
  c(
    'categorie',
    'text',
    'Catégorie : incident, demande, maintenance corrective ou évolutive.',
    (t) => t.category,
  ),
  c('domaine', 'text', "Domaine technique de l'accord-cadre.", (t) => t.domain),
  c('titre', 'text', 'Titre saisi à la déclaration.', (t) => t.title),
  c('description', 'text', 'Description saisie à la déclaration.', (t) => t.description),
  c('canal', 'text', 'Canal de réception : teams, phone (téléphone) ou email.', (t) => t.channel),
  c('recu_le', 'text', 'Date et heure de réception de la demande (UTC, ISO 8601).', (t) => t.receivedAt),
  c('declare_par', 'text', 'Nom de la personne qui a saisi le ticket.', (t) => t.declaredBy.name),
  c('telephone', 'text', 'Téléphone de rappel (E.164), si donné.', (t) => t.phone ?? null),
  c('premiere_reponse_due_le', 'text', 'Échéance de la première réponse (UTC).', (t) => t.firstResponseDueAt),
  c(
    'premiere_reponse_le',
    'text',
    'Date de la première réponse (UTC), vide si aucune.',
    (t) => t.firstResponse?.at ?? null,
  ),
  c(
    'premiere_reponse_dans_le_delai',
    'boolean',
    'Première réponse faite au plus tard à son échéance.',
    (t) => t.firstResponse?.onTime ?? null,
  ),
  c('resolu_le', 'text', 'Date de résolution (UTC), vide si non résolu.', (t) => t.resolution?.at ?? null),
  c('clos_le', 'text', 'Date de clôture (UTC), vide si non clos.', (t) => t.closedAt ?? null),
  c('reouvertures', 'integer', 'Nombre de réouvertures.', (t) => t.reopenedCount),
  c(
    'evenements',
    'integer',
    "Nombre d'événements du journal d'audit (détail dans evenements.csv).",
    (t) => t.events.length,
  ),
];

const QUOTE_COLUMNS: DescribedColumn<Row<'quotes'>>[] = [
  c('numero', 'text', 'Numéro du devis (DEV-AAAA-NNNN).', (q) => q.number),
  c('identifiant', 'text', 'Identifiant technique du devis.', (q) => q.id),
  c('statut', 'text', 'Statut actuel (celui de la dernière version).', (q) => QUOTE_STATUS_LABELS[q.status]),
  c('objet', 'text', 'Objet de la demande.', (q) => q.request.subject),
  c('besoin', 'text', 'Besoin exprimé.', (q) => q.request.need),
  c('domaine', 'text', "Domaine technique de l'accord-cadre.", (q) => q.request.domain),
  c('canal', 'text', 'Canal de réception : teams ou email.', (q) => q.request.channel),
  c('recu_le', 'text', 'Date et heure de réception de la demande (UTC).', (q) => q.request.receivedAt),
  c('demande_par', 'text', 'Nom du demandeur.', (q) => q.request.requestedBy.name),
  c(
    'courriel_demandeur',
    'text',
    'Adresse électronique du demandeur, si connue.',
    (q) => q.request.requestedBy.email ?? null,
  ),
  c(
    'date_limite',
    'date',
    "Date limite d'envoi du devis (10e jour ouvré suivant la réception).",
    (q) => q.dueDate,
  ),
  c(
    'envoye_le',
    'text',
    'Date du premier envoi (UTC), vide si jamais envoyé.',
    (q) => q.timeliness?.sentAt ?? null,
  ),
  c(
    'dans_le_delai',
    'boolean',
    'Premier envoi au plus tard à la date limite.',
    (q) => q.timeliness?.onTime ?? null,
  ),
  c(
    'jours_de_retard',
    'integer',
    'Jours calendaires de retard du premier envoi.',
    (q) => q.timeliness?.calendarDaysLate ?? null,
  ),
  c(
    'penalite',
    'euros',
    'Pénalité de retard enregistrée, en euros.',
    (q) => q.timeliness?.penalty.amountCents ?? null,
  ),
  c('versions', 'integer', 'Nombre de versions (détail dans devis.json).', (q) => q.versions.length),
  c(
    'montant_ht',
    'euros',
    'Montant HT de la dernière version, en euros.',
    (q) => latestVersion(q)?.totals.htCents ?? null,
  ),
  c(
    'tva',
    'euros',
    'TVA de la dernière version, en euros.',
    (q) => latestVersion(q)?.totals.vatCents ?? null,
  ),
  c(
    'montant_ttc',
    'euros',
    'Montant TTC de la dernière version, en euros.',
    (q) => latestVersion(q)?.totals.ttcCents ?? null,
  ),
  c(
    'bon_de_commande',
    'text',
    'Numéro du bon de commande émis à son acceptation.',
    (q) => q.order?.number ?? null,
  ),
];

const ORDER_COLUMNS: DescribedColumn<Row<'orders'>>[] = [
  c('numero', 'text', 'Numéro du bon de commande (BC-AAAA-NNNN).', (o) => o.number),
  c('identifiant', 'text', 'Identifiant technique du bon de commande.', (o) => o.id),
  c('statut', 'text', 'Statut actuel.', (o) => ORDER_STATUS_LABELS[o.status]),
  c('devis', 'text', 'Numéro du devis accepté.', (o) => o.quote.number),
  c('version_devis', 'integer', 'Version du devis acceptée.', (o) => o.quote.version),
  c('objet', 'text', 'Objet du devis.', (o) => o.quote.subject),
  c('emis_le', 'text', "Date d'émission (UTC).", (o) => o.issuedAt),
  c('emis_par', 'text', "Nom de l'approbateur qui a accepté le devis.", (o) => o.issuedBy.name),
  c('version_bpu', 'text', 'Version du bordereau des prix appliquée.', (o) => o.scheduleVersion),
  c('montant_ht', 'euros', 'Montant HT, en euros.', (o) => o.totals.htCents),
  c('tva', 'euros', 'TVA, en euros.', (o) => o.totals.vatCents),
  c('montant_ttc', 'euros', 'Montant TTC, en euros.', (o) => o.totals.ttcCents),
  c('debut', 'date', 'Premier jour du calendrier accepté.', (o) => o.period.start),
  c('fin', 'date', 'Dernier jour du calendrier accepté.', (o) => o.period.end),
  c(
    'reference_facture',
    'text',
    'Référence de la facture, une fois facturé.',
    (o) => o.invoiceReference ?? null,
  ),
  c('motif_annulation', 'text', "Motif d'annulation, si annulé.", (o) => o.cancellation?.reason ?? null),
];

type OrderLineRow = { order: Row<'orders'>; line: Row<'orders'>['lines'][number] };

const ORDER_LINE_COLUMNS: DescribedColumn<OrderLineRow>[] = [
  c('bon_de_commande', 'text', 'Numéro du bon de commande.', (r) => r.order.number),
  c('phase', 'text', 'Code de la phase (PH1…).', (r) => r.line.phase),
  c('libelle_phase', 'text', 'Libellé de la phase.', (r) => r.line.phaseLabel),
  c(
    'livrable',
    'text',
    'Code du livrable (L1.2…), vide pour une charge de la phase.',
    (r) => r.line.deliverable ?? null,
  ),
  c('libelle_livrable', 'text', 'Libellé du livrable.', (r) => r.line.deliverableLabel ?? null),
  c('code_ligne_bpu', 'text', 'Code de la ligne du bordereau des prix.', (r) => r.line.line.code),
  c('libelle_ligne_bpu', 'text', 'Libellé de la ligne du bordereau des prix.', (r) => r.line.line.label),
  c('niveau', 'text', 'Niveau du profil : JUNIOR, CONFIRME ou EXPERT.', (r) => r.line.line.level),
  c('unite', 'text', 'Unité : jour, ou mois pour le support 24/7.', (r) => r.line.line.unit),
  c('prix_unitaire_ht', 'euros', 'Prix unitaire HT, en euros.', (r) => r.line.line.unitPriceCents),
  c('quantite', 'decimal', "Quantité dans l'unité de la ligne.", (r) => r.line.quantity),
  c('profil', 'text', 'Code du profil anonymisé qui réalise la charge.', (r) => r.line.profile ?? null),
  c('montant_ht', 'euros', 'Montant HT de la ligne, en euros.', (r) => r.line.amountHtCents),
];

const CONTACT_COLUMNS: DescribedColumn<Row<'contacts'>>[] = [
  c('nom', 'text', 'Nom affiché.', (p) => p.name),
  c('courriel', 'text', 'Adresse électronique, si connue.', (p) => p.email),
  c('locataire_entra', 'text', 'Identifiant du locataire Entra ID de la personne.', (p) => p.tenantId),
  c('identifiant_entra', 'text', "Identifiant d'objet Entra ID de la personne.", (p) => p.objectId),
  c('approbateur', 'boolean', 'Approbateur désigné dans Guichet.', (p) => p.approver),
  c('roles', 'text', 'Ce que la personne a fait dans Guichet.', (p) => p.roles.join(', ')),
  c('premiere_apparition', 'text', 'Première action enregistrée (UTC).', (p) => p.firstSeenAt),
  c('derniere_apparition', 'text', 'Dernière action enregistrée (UTC).', (p) => p.lastSeenAt),
  c('documents', 'text', 'Numéros des documents où la personne apparaît.', (p) => p.documents.join(', ')),
];

type EventRow = {
  kind: string;
  number: string;
  e: {
    seq: number;
    at: string;
    action: string;
    actor: { name: string; role: string; channel: string };
    before: string | null;
    after: string;
    details: unknown;
  };
};

const EVENT_COLUMNS: DescribedColumn<EventRow>[] = [
  c('document', 'text', 'Type du document : ticket, devis ou commande.', (r) => r.kind),
  c('numero', 'text', 'Numéro du document.', (r) => r.number),
  c('sequence', 'integer', "Rang de l'événement dans l'historique du document.", (r) => r.e.seq),
  c('date', 'text', "Date et heure de l'événement (UTC).", (r) => r.e.at),
  c('action', 'text', 'Action enregistrée (open, take, send, accept…).', (r) => r.e.action),
  c('acteur', 'text', 'Nom de la personne qui a agi.', (r) => r.e.actor.name),
  c('role', 'text', 'Rôle sous lequel elle a agi.', (r) => r.e.actor.role),
  c('canal', 'text', "Canal de l'action : teams, tab, phone, email ou system.", (r) => r.e.actor.channel),
  c('statut_avant', 'text', "Statut du document avant l'action.", (r) => r.e.before),
  c('statut_apres', 'text', "Statut du document après l'action.", (r) => r.e.after),
  c('details', 'text', "Détails de l'action, en JSON.", (r) => JSON.stringify(r.e.details)),
];

/** The CSV tables of an export. */
export function exportTables(data: ExportData): ExportTable[] {
  const events: EventRow[] = [
    ...data.tickets.flatMap((t) => t.events.map((e) => ({ kind: 'ticket', number: t.number, e }))),
    ...data.quotes.flatMap((q) => q.events.map((e) => ({ kind: 'devis', number: q.number, e }))),
    ...data.orders.flatMap((o) => o.events.map((e) => ({ kind: 'commande', number: o.number, e }))),
  ];
  const lines = data.orders.flatMap((order) => order.lines.map((line) => ({ order, line })));
  return [
    table('tickets', 'Les tickets (incidents et demandes), un par ligne.', TICKET_COLUMNS, data.tickets),
    table('devis', 'Les demandes de devis, une par ligne.', QUOTE_COLUMNS, data.quotes),
    table('commandes', 'Les bons de commande, un par ligne.', ORDER_COLUMNS, data.orders),
    table('lignes-commandes', 'Les lignes des bons de commande, une par charge.', ORDER_LINE_COLUMNS, lines),
    table('contacts', 'Les personnes du bénéficiaire connues de Guichet.', CONTACT_COLUMNS, data.contacts),
    table(
      'evenements',
      "Le journal d'audit de tous les documents, un événement par ligne.",
      EVENT_COLUMNS,
      events,
    ),
  ];
}
