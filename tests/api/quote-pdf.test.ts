/**
 * `GET /api/v1/quotes/:b/:q/pdf`: a real PDF (read back with a real parser) of the version asked
 * for, sent as application/pdf and never cached; another beneficiary's quote is a JSON 404 with no
 * byte of the document.
 */
import { extractPdf } from '../documents/pdf-text';
import { signIn, useApiService, USERS, type DemoRole } from './support/api-harness';
import { aDraft, BELLERIVE, LAMENTIN, QUIET, QuoteFactory, send } from './quote-harness';

type ErrorBody = { error: { code: string; message: string } };

describe('the quote PDF route', () => {
  const rig = useApiService(QUIET);
  const tokens = {} as Record<DemoRole, string>;
  let factory: QuoteFactory;
  const path = (siret: string, id: string) => `/api/v1/quotes/${siret}/${id}/pdf`;

  beforeAll(async () => {
    for (const role of Object.keys(USERS) as DemoRole[]) tokens[role] = await signIn(rig.svc, USERS[role]);
    factory = new QuoteFactory(rig.svc.store);
  });

  it('answers the PDF of the latest version, or of the version asked for', async () => {
    const quote = await factory.quote(BELLERIVE, 'sent');
    const revised = await send(rig.svc, 'PUT', `/api/v1/quotes/${BELLERIVE}/${quote.id}/draft`, {
      token: tokens.accountManager,
      body: aDraft(),
    });
    expect(revised.status).toBe(200);
    const latest = await send(rig.svc, 'GET', path(BELLERIVE, quote.id), { token: tokens.accountManager });
    expect(latest.status).toBe(200);
    expect(latest.headers.get('content-type')).toBe('application/pdf');
    expect(latest.headers.get('cache-control')).toBe('private, no-store');
    expect(latest.headers.get('content-disposition')).toBe(`inline; filename="${quote.number}-v2.pdf"`);
    expect(latest.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(extractPdf(latest.raw).text).toContain(`${quote.number} — version 2`);
    const first = await send(rig.svc, 'GET', `${path(BELLERIVE, quote.id)}?version=1`, {
      token: tokens.agent,
    });
    expect(first.status).toBe(200);
    const text = extractPdf(first.raw).text;
    expect(text).toContain(`${quote.number} — version 1`);
    expect(text).toContain('7 212,00 €');
    expect(text).not.toContain('Julien Bernard');
  });

  it('is a JSON 404 for another beneficiary’s quote, a missing version or a missing quote', async () => {
    const theirs = await factory.quote(LAMENTIN, 'sent');
    const hidden = await send<ErrorBody>(rig.svc, 'GET', path(LAMENTIN, theirs.id), { token: tokens.agent });
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('content-type')).toMatch(/application\/json/);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
    expect(hidden.raw.toString('latin1')).not.toContain('%PDF');
    const mine = await factory.quote(BELLERIVE, 'sent');
    const noVersion = await send<ErrorBody>(rig.svc, 'GET', `${path(BELLERIVE, mine.id)}?version=4`, {
      token: tokens.agent,
    });
    expect(noVersion.status).toBe(404);
    expect(noVersion.body.error.message).toBe(`Version 4 du devis ${mine.number} introuvable.`);
    const bad = await send<ErrorBody>(rig.svc, 'GET', `${path(BELLERIVE, mine.id)}?version=v1`, {
      token: tokens.agent,
    });
    expect(bad.status).toBe(400);
    const requested = await factory.quote(BELLERIVE, 'requested');
    expect((await send(rig.svc, 'GET', path(BELLERIVE, requested.id), { token: tokens.agent })).status).toBe(
      404,
    );
    expect((await send(rig.svc, 'GET', path(BELLERIVE, 'dev-absent'), { token: tokens.admin })).status).toBe(
      404,
    );
    expect((await send(rig.svc, 'GET', path(BELLERIVE, mine.id))).status).toBe(401);
  });
});
