/**
 * `guichet anonymise --siret <SIRET> --name "<nom>" [--email …] [--object-id …] --operator "<nom>"
 * [--reference …]`: an operator anonymises a contact on the person's request (DESIGN.md, "Data
 * duties"). The history is kept under a pseudonym and an audit event records who did it and why.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { ValidationError } from '../domain/errors';
import { anonymiseContact } from '../services/anonymise-contact';
import { checkedSiret, withCommandStore, type CommandDeps } from './export-command';

export const ANONYMISE_USAGE =
  'guichet anonymise --siret SIRET --name "Prénom Nom" [--email ADRESSE] [--object-id ID] --operator "Votre nom" [--reference RÉF]';

/** Runs `guichet anonymise`; resolves to the exit code (errors are thrown for `runCli` to report). */
export async function runAnonymise(
  args: string[],
  out: NodeJS.WritableStream,
  deps: CommandDeps = {},
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      siret: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      'object-id': { type: 'string' },
      operator: { type: 'string' },
      reference: { type: 'string' },
    },
    strict: true,
  });
  const siret = checkedSiret(values.siret, ANONYMISE_USAGE);
  const name = values.name?.trim();
  if (!name || name.length < 2) throw new ValidationError(`Indiquez le nom du contact : ${ANONYMISE_USAGE}`);
  const operator = values.operator?.trim();
  if (!operator)
    throw new ValidationError(`Indiquez votre nom (l'opérateur, pour le journal) : ${ANONYMISE_USAGE}`);
  const { titulaireTenantId } = loadConfig();
  return withCommandStore(deps, async (store) => {
    const result = await anonymiseContact(store, {
      siret,
      contact: { name, email: values.email, objectId: values['object-id'] },
      actor: { tenantId: titulaireTenantId, name: operator, role: 'Admin', channel: 'cli' },
      reference: values.reference,
      now: deps.now?.(),
    });
    out.write(
      `Contact anonymisé sous « ${result.pseudonym.name} » : ${result.documentIds.length} document(s) réécrit(s), ` +
        `${result.staffEntriesRemoved} désignation(s) et ${result.conversationsRemoved} conversation(s) retirées ; ` +
        `journal : ${result.eventId}.\n`,
    );
    return 0;
  });
}
