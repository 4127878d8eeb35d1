/**
 * Typed domain errors with stable codes and French messages.
 *
 * Every failure a user can meet is one of these. Adapters map them once: to an HTTP response
 * (`api/error-response.ts`) and to a card or text (`teams/`). Codes are part of the public API
 * contract of `/api/v1`: never rename one, add a new one.
 */

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_A_BENEFICIARY'
  | 'BENEFICIARY_INACTIVE'
  | 'IMPORT_REJECTED'
  | 'STORE_UNAVAILABLE'
  | 'INTERNAL'
  | 'INVALID_TRANSITION'
  | 'QUOTE_SUPERSEDED'
  | 'QUOTE_EXPIRED'
  | 'QUOTE_ALREADY_DECIDED'
  | 'UPSTREAM_FAILED';

/** One problem of an input, located by field path or file line. */
export interface Issue {
  path?: string;
  line?: number;
  message: string;
}

/** Base class of every error Guichet reports to a user. */
export class GuichetError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule; `issues` say which field and why. */
export class ValidationError extends GuichetError {
  constructor(message: string, issues: Issue[] = []) {
    super('VALIDATION_FAILED', message, issues);
  }
}

/** A document or resource that does not exist (or that the caller may not see). */
export class NotFoundError extends GuichetError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} introuvable.`);
  }
}

/** A document with the same id already exists. */
export class ConflictError extends GuichetError {
  constructor(message = 'Cet élément existe déjà.') {
    super('CONFLICT', message);
  }
}

/** Optimistic concurrency: someone changed the document since it was read. */
export class PreconditionFailedError extends GuichetError {
  constructor(message = 'Cet élément a été modifié entre-temps : rechargez-le puis recommencez.') {
    super('PRECONDITION_FAILED', message);
  }
}

/** No valid identity on the request. */
export class UnauthenticatedError extends GuichetError {
  constructor(message = 'Authentification requise.') {
    super('UNAUTHENTICATED', message);
  }
}

/** A known identity without the right to do this. */
export class ForbiddenError extends GuichetError {
  constructor(message = "Vous n'avez pas les droits nécessaires pour cette action.") {
    super('FORBIDDEN', message);
  }
}

/** The caller's tenant maps to no beneficiary of the agreement. */
export class NotABeneficiaryError extends GuichetError {
  constructor() {
    super(
      'NOT_A_BENEFICIARY',
      "Votre organisation n'est pas encore bénéficiaire de l'accord-cadre AOO_2024_PSTM. " +
        "Pour y adhérer, votre service achats peut signer une convention avec le CANUT, la centrale d'achat " +
        "qui porte l'accord : une fois la convention enregistrée, Guichet vous sera ouvert.",
    );
  }
}

/** The beneficiary exists but its convention is not active. */
export class BeneficiaryInactiveError extends GuichetError {
  constructor(name: string) {
    super(
      'BENEFICIARY_INACTIVE',
      `La convention de ${name} avec le CANUT n'est pas active : aucune demande ne peut être ouverte. ` +
        'Contactez le CANUT pour la réactiver.',
    );
  }
}

/** A file that cannot be imported; `issues` list every bad line. Nothing was written. */
export class ImportRejectedError extends GuichetError {
  constructor(issues: Issue[]) {
    super('IMPORT_REJECTED', `Fichier refusé : ${issues.length} erreur(s). Rien n'a été importé.`, issues);
  }
}

/** The store cannot be reached. */
export class StoreUnavailableError extends GuichetError {
  constructor(message = 'Le stockage est momentanément indisponible. Réessayez dans un instant.') {
    super('STORE_UNAVAILABLE', message);
  }
}

/** A Microsoft cloud service Guichet calls for the user (Entra ID, Graph) refused or failed. */
export class UpstreamFailedError extends GuichetError {
  constructor(message: string) {
    super('UPSTREAM_FAILED', message);
  }
}

/** Wraps anything unexpected so that users never see a stack trace. */
export function toGuichetError(err: unknown): GuichetError {
  if (err instanceof GuichetError) return err;
  return new GuichetError('INTERNAL', 'Une erreur inattendue est survenue. Elle a été journalisée.');
}

/** An action that the current status of a document does not allow (e.g. taking a closed ticket). */
export class InvalidTransitionError extends GuichetError {
  constructor(
    message: string,
    readonly status: string,
    readonly action: string,
  ) {
    super('INVALID_TRANSITION', message);
  }
}

/** A quote version that a newer revision replaced: only the latest version can be sent or accepted. */
export class QuoteSupersededError extends GuichetError {
  constructor(
    message: string,
    readonly version: number,
    readonly latestVersion: number,
  ) {
    super('QUOTE_SUPERSEDED', message);
  }
}

/** A sent quote past its validity period: it can no longer be accepted. */
export class QuoteExpiredError extends GuichetError {
  constructor(
    message: string,
    readonly validUntil: string,
  ) {
    super('QUOTE_EXPIRED', message);
  }
}

/** A quote already accepted or declined: the beneficiary's decision is final. */
export class QuoteAlreadyDecidedError extends GuichetError {
  constructor(
    message: string,
    readonly status: string,
  ) {
    super('QUOTE_ALREADY_DECIDED', message);
  }
}
