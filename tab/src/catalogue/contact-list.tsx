import { Body1, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { CatalogueContact } from '../api/types';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  email: { overflowWrap: 'anywhere' },
});

/** The Titulaire's account managers: a name and, when known, an e-mail link. */
export function ContactList({ contacts }: { contacts: readonly CatalogueContact[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Chargés de compte du Titulaire">
      {contacts.map((contact) => (
        <li key={`${contact.name} ${contact.email ?? ''}`} className={styles.item}>
          <Body1>{contact.name}</Body1>
          {contact.email && (
            <Link className={styles.email} href={`mailto:${contact.email}`}>
              {contact.email}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
