/**
 * POST /api/v1/beneficiaries/{siret}/contacts/anonymise (DESIGN.md, "Data duties"; issue 7): an
 * admin of the Titulaire anonymises a contact on the person's request — personal fields replaced by
 * a pseudonym, history kept, the act audited (`anonymiseContact`, the same as `guichet anonymise`).
 *
 * - Only the Titulaire's `Admin` role. A beneficiary's user asking for another beneficiary gets the
 *   404 of a SIRET that does not exist; anyone else a 403.
 * - The contact is named in the body, never in the URL, so that no access log keeps the name.
 * - Idempotent through the required `Idempotency-Key`: the pseudonym derives from the key, so a
 *   replay finds the audit event of the first call and answers the same, writing nothing. Without
 *   the key a retry could not be told from a new request: once anonymised, a contact cannot be
 *   recognised any more, by design.
 * - A contact Guichet holds nothing about is a 404, and nothing is written.
 */
import { z } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  GuichetError,
  NotFoundError,
  ValidationError,
} from '../domain/errors';
import {
  anonymiseContact,
  recordedAnonymisation,
  type AnonymiseContactResult,
} from '../services/anonymise-contact';
import type { Store } from '../store/port';
import type { ApiCaller } from './api-caller';
import { bearerRoute, type ApiRoute } from './api-route';
import { callerIdempotencyKey, keyDigest } from './quote-access';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const anonymisePath = z.object({
  siret: z
    .string()
    .regex(/^\d{14}$/)
    .describe('Le SIRET du bénéficiaire'),
});

const anonymiseBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(3)
    .max(200)
    .describe('Nom complet du contact, tel que Guichet le connaît (« Prénom Nom »)'),
  email: z.email().max(254).optional().describe('Son adresse e-mail, si connue'),
  objectId: z.string().regex(GUID).optional().describe("Son identifiant d'objet Entra ID, si connu"),
  reference: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Référence de la demande (ticket, courrier), gardée dans le journal'),
});

const anonymisationAnswer = z.object({
  pseudonym: z.string().describe('Le nom qui remplace désormais le contact dans les données du bénéficiaire'),
  documentsRewritten: z
    .number()
    .int()
    .describe('Documents réécrits (tickets, devis, commandes, événements…)'),
  approverDesignationsRemoved: z.number().int().describe("Désignations d'approbateur retirées"),
  conversationsRemoved: z.number().int().describe('Conversations privées avec le bot retirées'),
  eventId: z.string().describe("L'événement du journal de confidentialité qui trace l'anonymisation"),
});

/** Refuses anyone but an admin of the Titulaire; 404 for a beneficiary's user asking for another SIRET. */
export function checkAnonymiseAccess(caller: ApiCaller, siret: string): void {
  const { requester } = caller;
  if (requester.kind === 'titulaire' && requester.roles.includes('Admin')) return;
  if (requester.kind === 'beneficiary' && !requester.beneficiaries.some((b) => b.siret === siret))
    throw new NotFoundError(`Le bénéficiaire de SIRET ${siret}`);
  throw new ForbiddenError(
    "L'anonymisation d'un contact est réservée aux administrateurs du Titulaire : adressez la demande au Titulaire.",
  );
}

function answerOf(result: AnonymiseContactResult): z.input<typeof anonymisationAnswer> {
  return {
    pseudonym: result.pseudonym.name,
    documentsRewritten: result.documentIds.length,
    approverDesignationsRemoved: result.staffEntriesRemoved,
    conversationsRemoved: result.conversationsRemoved,
    eventId: result.eventId,
  };
}

/** POST /api/v1/beneficiaries/{siret}/contacts/anonymise. */
export function anonymiseRoutes(store: Store, now = () => new Date()): ApiRoute[] {
  return [
    bearerRoute(
      {
        method: 'post',
        path: '/api/v1/beneficiaries/:siret/contacts/anonymise',
        operationId: 'anonymiseContact',
        summary: "Anonymiser un contact d'un bénéficiaire à sa demande (historique conservé, journalisé)",
        tag: 'Données personnelles',
        params: anonymisePath,
        body: anonymiseBody,
        idempotencyKey: 'required',
        response: anonymisationAnswer,
        errors: [400, 403, 404],
      },
      async (caller, { req, params, body }) => {
        checkAnonymiseAccess(caller, params.siret);
        const key = callerIdempotencyKey(req, caller);
        if (!key) {
          const message = "En-tête Idempotency-Key obligatoire : il permet de rejouer l'appel sans risque.";
          throw new ValidationError(message, [{ path: 'Idempotency-Key', message }]);
        }
        const token = keyDigest(key);
        const earlier = await recordedAnonymisation(store, params.siret, token);
        if (earlier) return answerOf(earlier);
        const { tenantId, objectId } = caller.actor;
        try {
          const result = await anonymiseContact(store, {
            siret: params.siret,
            contact: { name: body.name, email: body.email, objectId: body.objectId },
            actor: { tenantId, objectId, name: caller.name, role: 'Admin', channel: 'api' },
            reference: body.reference,
            token,
            requireContact: true,
            now: now(),
          });
          return answerOf(result);
        } catch (err) {
          // The same key sent twice at once: the other call did the work; answer what it recorded.
          const raced =
            err instanceof ConflictError || (err instanceof GuichetError && err.code === 'NOT_FOUND');
          const recorded = raced ? await recordedAnonymisation(store, params.siret, token) : undefined;
          if (recorded) return answerOf(recorded);
          throw err;
        }
      },
    ),
  ];
}
