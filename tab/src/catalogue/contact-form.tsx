import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Body1,
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { requestQuote } from '../api/catalogue';
import type { ApiIssue } from '../api/http-client';
import type { QuoteDetail, VisibleBeneficiary } from '../api/types';
import { useSession } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import { quoteHref } from '../navigation/routes';
import { formatLocalDate } from '../quotes/quote-format';
import { useIdempotentCall } from '../hooks/use-idempotent-call';
import { ContactFields } from './contact-fields';
import { blankContact, CONTACT_FIELDS, contactFieldId, type ContactValues } from './contact-form-model';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '720px' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  done: { ':focus': { outlineStyle: 'none' } },
});

const CHOOSE_BENEFICIARY = 'Choisissez le bénéficiaire pour lequel vous demandez un devis.';

type RequestCall = { type: 'request'; values: ContactValues };

/**
 * "Nous écrire": a subject, a domain and a message become a quote request received now, recorded
 * through the same service as the bot's "devis" form. The API's French messages show next to their
 * input and nothing is recorded until the form is valid; a retried submission records one request.
 */
export function ContactForm({ beneficiaries }: { beneficiaries: readonly VisibleBeneficiary[] }) {
  const styles = useStyles();
  const { api } = useSession();
  const [values, setValues] = useState<ContactValues>(() => blankContact(beneficiaries));
  const [localIssues, setLocalIssues] = useState<ApiIssue[]>([]);
  const [recorded, setRecorded] = useState<QuoteDetail['quote']>();

  const send = useCallback(
    ({ values: v }: RequestCall, key: string, signal: AbortSignal) => requestQuote(api, v, key, signal),
    [api],
  );
  const onDone = useCallback(
    (detail: QuoteDetail) => {
      setRecorded(detail.quote);
      setValues(blankContact(beneficiaries));
    },
    [beneficiaries],
  );
  const { submit, pending, failure } = useIdempotentCall<RequestCall, QuoteDetail>(send, onDone, noop);

  useEffect(() => {
    // After each refused submission (not at each keystroke), focus goes to the first input to fix.
    const refused = localIssues.length > 0 ? localIssues : (failure?.issues ?? []);
    const first = CONTACT_FIELDS.find((name) => refused.some((issue) => issue.path === name));
    if (first) document.getElementById(contactFieldId(first))?.focus();
  }, [failure, localIssues]);

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    setRecorded(undefined);
    if (!values.beneficiaryId) {
      setLocalIssues([{ path: 'beneficiaryId', message: CHOOSE_BENEFICIARY }]);
      return;
    }
    setLocalIssues([]);
    void submit({ type: 'request', values });
  };

  return (
    <>
      {recorded && <RequestRecorded quote={recorded} />}
      {/* noValidate: the service's French messages, not the browser's, say what is missing. */}
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Demander un devis">
        <Body1>
          Décrivez votre besoin : votre message devient une demande de devis, à laquelle le Titulaire répond
          sous 10 jours ouvrés.
        </Body1>
        {failure && localIssues.length === 0 && (
          <ErrorMessage title="Demande non enregistrée." message={failure.message} />
        )}
        <ContactFields
          beneficiaries={beneficiaries}
          values={values}
          issues={localIssues.length > 0 ? localIssues : (failure?.issues ?? [])}
          onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        />
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabledFocusable={pending !== undefined}>
            {pending ? 'Envoi…' : 'Envoyer la demande'}
          </Button>
        </div>
      </form>
    </>
  );
}

/** The recorded request's number and due date, focused so that it is read out at once. */
function RequestRecorded({ quote }: { quote: QuoteDetail['quote'] }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [quote]);
  return (
    <div ref={ref} tabIndex={-1} className={styles.done} data-request-recorded>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Demande {quote.number} enregistrée.</MessageBarTitle> Le Titulaire vous enverra son
          devis au plus tard le {formatLocalDate(quote.dueDate)} (10 jours ouvrés).{' '}
          <Link href={quoteHref(quote.beneficiaryId, quote.id)}>Voir la demande {quote.number}</Link>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

/** A new request cannot be stale: there is nothing to reread. */
function noop(): void {}
