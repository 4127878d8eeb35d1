/**
 * What each JSON file of an export holds, field by field, in French, for the README. The export test
 * checks that every field of every document written is described here, so a new domain field cannot
 * leave Guichet undocumented.
 */

/** A JSON file of the export and the meaning of its fields (`events[].actor` for nested ones). */
export interface JsonFileDoc {
  readonly name: string;
  readonly description: string;
  readonly fields: readonly (readonly [field: string, description: string])[];
}

const EVENT_FIELDS = (doc: string, link: string): (readonly [string, string])[] => [
  ['events', `Journal d'audit du ${doc}, du plus ancien au plus récent : un événement par changement.`],
  ['events[].id', "Identifiant de l'événement."],
  [`events[].${link}Id`, `Identifiant du ${doc}.`],
  [`events[].${link}Number`, `Numéro du ${doc}.`],
  ['events[].beneficiaryId', 'SIRET du bénéficiaire.'],
  ['events[].seq', "Rang de l'événement (1 pour la création)."],
  ['events[].at', "Date et heure de l'événement (UTC, ISO 8601)."],
  ['events[].action', 'Action enregistrée.'],
  ['events[].version', 'Version du devis concernée (devis seulement ; null pour la demande).'],
  ['events[].actor', 'Qui a agi : tenantId, objectId, name, role (rôle sous lequel), channel (canal).'],
  ['events[].before', "Statut avant l'action (null à la création)."],
  ['events[].after', "Statut après l'action."],
  ['events[].details', "Détails propres à l'action (message, motif, montants, échéances…)."],
];

const COMMON = (doc: string): (readonly [string, string])[] => [
  ['id', `Identifiant technique du ${doc}.`],
  ['number', `Numéro du ${doc}.`],
  ['beneficiaryId', 'SIRET du bénéficiaire.'],
  ['beneficiaryName', 'Nom du bénéficiaire au moment de la création.'],
  ['zone', 'Zone calendaire du bénéficiaire (fuseau et jours fériés).'],
  ['originConversationId', 'Conversation Teams d’origine, qui reçoit les notifications.'],
  ['status', 'Statut actuel.'],
  ['seq', "Nombre d'événements appliqués."],
  ['updatedAt', 'Dernière modification (UTC).'],
];

/** Every JSON file, in the order of the README. */
export const JSON_FILES: readonly JsonFileDoc[] = [
  {
    name: 'beneficiaire.json',
    description: 'La fiche du bénéficiaire.',
    fields: [
      ['siret', 'SIRET (14 chiffres).'],
      ['name', 'Nom.'],
      ['kind', 'Type d’organisme public.'],
      ['zone', 'Zone calendaire.'],
      ['modality', 'Modalité de support : 1 (heures ouvrées) ou 2 (option 24/7).'],
      ['conventionDate', 'Date de la convention avec le CANUT.'],
      ['active', 'Convention active.'],
      ['tenantIds', 'Locataires Entra ID des agents.'],
      ['group', 'Groupement dont le bénéficiaire est membre, le cas échéant.'],
      ['closingDays', 'Jours de fermeture propres au bénéficiaire.'],
    ],
  },
  {
    name: 'tickets.json',
    description: 'Les tickets complets, chacun avec son journal d’audit.',
    fields: [
      ...COMMON('ticket'),
      ['modality', 'Modalité de support figée à l’ouverture.'],
      ['closingDays', 'Jours de fermeture figés à l’ouverture.'],
      ['severity', 'Gravité, de 1 à 4.'],
      ['category', 'Catégorie.'],
      ['domain', 'Domaine technique.'],
      ['title', 'Titre.'],
      ['description', 'Description.'],
      ['phone', 'Téléphone de rappel (E.164).'],
      ['channel', 'Canal de réception : teams, phone ou email.'],
      ['receivedAt', 'Réception de la demande (UTC) : départ des délais.'],
      ['openedAt', 'Saisie dans Guichet (UTC).'],
      ['declaredBy', 'Qui a saisi le ticket : tenantId, objectId, name.'],
      ['policy', 'Politique de délais (SLA) en vigueur à l’ouverture.'],
      ['firstResponseDueAt', 'Échéance de la première réponse (UTC).'],
      ['firstResponse', 'Première réponse : by (qui), at (quand), onTime (dans le délai).'],
      ['assignee', 'Ingénieur en charge.'],
      ['pauses', 'Suspensions du délai de rétablissement (attente du bénéficiaire, ticket résolu).'],
      ['restoration', 'État du délai de rétablissement.'],
      ['resolution', "Rapport d'intervention : diagnostic, actions, cause, rétablissement."],
      ['closedAt', 'Clôture (UTC).'],
      ['reopenedCount', 'Nombre de réouvertures.'],
      ['nextAlertAt', 'Prochaine alerte de délai prévue (UTC).'],
      ['alertsSent', 'Alertes de délai déjà envoyées.'],
      ...EVENT_FIELDS('ticket', 'ticket'),
    ],
  },
  {
    name: 'devis.json',
    description: 'Les devis complets, avec toutes leurs versions et leur journal d’audit.',
    fields: [
      ...COMMON('devis'),
      ['closingDays', 'Jours de fermeture figés à la réception.'],
      [
        'request',
        'La demande : subject, need, wishedStart, domain, channel, receivedAt, requestedBy, recordedBy.',
      ],
      ['dueDate', "Date limite d'envoi (date locale)."],
      ['terms', 'Conditions figées : taux de TVA, validité, délai de réponse, règles de pénalité.'],
      [
        'versions',
        'Les versions : phases, livrables, charges chiffrées, profils anonymisés, totaux, envoi, décision.',
      ],
      ['timeliness', 'Respect du délai du premier envoi et pénalité calculée (montants en centimes).'],
      ['order', 'Le bon de commande émis à l’acceptation : id, number.'],
      ['createdAt', 'Enregistrement de la demande (UTC).'],
      ...EVENT_FIELDS('devis', 'quote'),
    ],
  },
  {
    name: 'commandes.json',
    description: 'Les bons de commande complets, avec leur journal d’audit.',
    fields: [
      ...COMMON('bon de commande'),
      ['quote', 'Le devis accepté : id, number, version, subject.'],
      ['scheduleVersion', 'Version du bordereau des prix (BPU).'],
      ['vatRateBp', 'Taux de TVA en points de base (2000 = 20 %).'],
      ['lines', 'Les lignes copiées du devis : phase, livrable, ligne BPU, quantité, profil, amountHtCents.'],
      ['totals', 'Totaux en centimes : htCents, vatCents, ttcCents.'],
      ['period', 'Premier et dernier jour du calendrier accepté.'],
      ['issuedAt', 'Émission (UTC).'],
      ['issuedBy', "L'approbateur qui a accepté le devis."],
      ['steps', 'Les étapes : status, at, by.'],
      ['invoiceReference', 'Référence de la facture.'],
      ['cancellation', 'Annulation : reason, at, by, from.'],
      ...EVENT_FIELDS('bon de commande', 'order'),
    ],
  },
  {
    name: 'contacts.json',
    description: 'Les personnes du bénéficiaire : approbateurs désignés, déclarants, demandeurs, acteurs.',
    fields: [
      ['name', 'Nom affiché.'],
      ['email', 'Adresse électronique, si connue.'],
      ['tenantId', 'Locataire Entra ID.'],
      ['objectId', "Identifiant d'objet Entra ID."],
      ['approver', 'Approbateur désigné dans Guichet.'],
      ['roles', 'Ce que la personne a fait.'],
      ['firstSeenAt', 'Première action enregistrée (UTC).'],
      ['lastSeenAt', 'Dernière action enregistrée (UTC).'],
      ['documents', 'Numéros des documents où elle apparaît.'],
    ],
  },
  {
    name: 'conversations.json',
    description: 'Les conversations Teams où Guichet écrit au bénéficiaire (sans leur adresse technique).',
    fields: [
      ['conversationId', 'Identifiant Teams de la conversation.'],
      ['scope', 'personal (conversation privée), groupChat ou channel.'],
      ['tenantId', 'Locataire Entra ID.'],
      ['teamId', 'Équipe Teams, pour un canal.'],
      ['channelId', 'Canal Teams.'],
      ['userObjectId', "Identifiant Entra ID de l'utilisateur, pour une conversation privée."],
      ['updatedAt', 'Dernier échange (UTC).'],
      ['inactive', 'Conversation devenue inaccessible (application retirée).'],
      ['inactiveSince', 'Depuis quand (UTC).'],
      ['inactiveReason', 'Pourquoi.'],
    ],
  },
  {
    name: 'notifications.json',
    description: 'Les messages que Guichet a envoyés (ou va envoyer) dans ces conversations.',
    fields: [
      ['id', 'Identifiant du message.'],
      ['conversationId', 'Conversation destinataire.'],
      ['createdAt', 'Création (UTC).'],
      ['status', 'pending (à envoyer), sent (envoyé) ou dead (abandonné).'],
      ['sentAt', 'Envoi (UTC).'],
      ['text', 'Texte du message.'],
      ['summary', 'Résumé (aperçu de notification).'],
    ],
  },
  {
    name: 'journal-confidentialite.json',
    description:
      'Les anonymisations de contacts faites à la demande (qui, quand, combien de documents) et les ' +
      'exports de vos données (qui, quand, par quel canal) ; un export figure dans les exports suivants.',
    fields: [
      ['id', "Identifiant de l'événement."],
      ['type', 'privacy-event.'],
      ['action', 'anonymise-contact (anonymisation) ou export-data (export des données).'],
      ['beneficiaryId', 'SIRET du bénéficiaire.'],
      ['at', 'Date (UTC).'],
      [
        'actor',
        'Qui a agi : tenantId, objectId, name, role, channel (api : onglet ou API ; cli : commande d’un opérateur).',
      ],
      ['archive', "Export seulement : l'archive remise, bytes (taille) et sha256 (empreinte du zip)."],
      ['pseudonym', 'Anonymisation : le pseudonyme qui remplace la personne, name et objectId.'],
      ['reference', 'Anonymisation : référence de la demande.'],
      ['documentIds', 'Anonymisation : documents modifiés.'],
      ['staffEntriesRemoved', "Anonymisation : désignations d'approbateur retirées."],
      ['conversationsRemoved', 'Anonymisation : conversations privées retirées.'],
    ],
  },
  {
    name: 'autres-documents.json',
    description: 'Tout autre document du bénéficiaire, tel quel (vide dans cette version de Guichet).',
    fields: [
      ['id', 'Identifiant.'],
      ['type', 'Nature du document.'],
    ],
  },
  {
    name: 'manifeste.json',
    description:
      "Description de l'export : bénéficiaire, date, et pour chaque fichier sa taille et son empreinte SHA-256.",
    fields: [
      ['format', 'guichet-export.'],
      ['version', 'Version du format.'],
      ['siret', 'SIRET du bénéficiaire.'],
      ['beneficiaryName', 'Nom du bénéficiaire.'],
      ['generatedAt', "Date de l'export (UTC)."],
      ['files', 'Chaque fichier : name, bytes, records (nombre d’éléments), sha256.'],
    ],
  },
];
