import { useCallback, useMemo, type ReactNode } from 'react';
import { Body1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { listCatalogueContacts } from '../api/catalogue';
import { getPriceSchedule } from '../api/quotes';
import { useSession } from '../auth/auth-context';
import { AsyncContent } from '../components/async-content';
import { ContactForm } from '../catalogue/contact-form';
import { requestableBeneficiaries } from '../catalogue/contact-form-model';
import { ContactList } from '../catalogue/contact-list';
import { OfferSummary } from '../catalogue/offer-summary';
import { PriceScheduleTable } from '../catalogue/price-schedule-table';
import { useAsync } from '../hooks/use-async';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXL },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
});

/**
 * Catalogue et contacts: the offer and its price schedule in force, the Titulaire's account
 * managers, and for a beneficiary's users a form whose message becomes a quote request.
 */
export default function CataloguePage() {
  const styles = useStyles();
  const { api, me } = useSession();
  const loadSchedule = useCallback((signal: AbortSignal) => getPriceSchedule(api, signal), [api]);
  const [schedule, reloadSchedule] = useAsync(loadSchedule);
  const loadContacts = useCallback((signal: AbortSignal) => listCatalogueContacts(api, signal), [api]);
  const [contacts, reloadContacts] = useAsync(loadContacts);
  const beneficiaries = useMemo(() => requestableBeneficiaries(me.beneficiaries), [me.beneficiaries]);

  return (
    <div className={styles.page}>
      <Section id="offre" title="L’offre et ses prix">
        <AsyncContent
          state={schedule}
          loading="Chargement du bordereau des prix…"
          failed="Bordereau des prix indisponible."
          onRetry={reloadSchedule}
          empty={{ when: (s) => s.lines.length === 0, text: 'Le bordereau des prix en vigueur est vide.' }}
        >
          {(s) => (
            <>
              <OfferSummary schedule={s} />
              <PriceScheduleTable schedule={s} />
            </>
          )}
        </AsyncContent>
      </Section>
      <Section id="contacts" title="Vos contacts commerciaux">
        <AsyncContent
          state={contacts}
          loading="Chargement des contacts…"
          failed="Contacts indisponibles."
          onRetry={reloadContacts}
          empty={{
            when: (list) => list.length === 0,
            text: 'Aucun chargé de compte n’est encore désigné : écrivez-nous par le formulaire.',
          }}
        >
          {(list) => <ContactList contacts={list} />}
        </AsyncContent>
      </Section>
      {me.kind === 'beneficiary' && (
        <Section id="nous-ecrire" title="Nous écrire">
          {beneficiaries.length > 0 ? (
            <ContactForm beneficiaries={beneficiaries} />
          ) : (
            <Body1>
              Aucun de vos bénéficiaires n’a de convention active : contactez la CANUT pour adhérer à
              l’accord-cadre.
            </Body1>
          )}
        </Section>
      )}
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={`${id}-titre`}>
      <Subtitle1 as="h3" id={`${id}-titre`} className={styles.heading}>
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}
