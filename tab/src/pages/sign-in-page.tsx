import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { DemoUser } from '../api/types';
import { useAuth } from '../auth/auth-context';
import { fetchDemoUsers } from '../auth/local-sign-in';
import type { Notice } from '../auth/use-auth-machine';
import { ErrorMessage } from '../components/error-message';
import { useAsync } from '../hooks/use-async';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 260px), 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  user: {
    width: '100%',
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalM,
    textAlign: 'start',
  },
});

/**
 * Outside Teams, with the service's local sign-in on: pick one of the demo users (one per role and
 * organisation) to see the tab as they would.
 */
export default function SignInPage({ notice }: { notice?: Notice }) {
  const styles = useStyles();
  const [users, reload] = useAsync(fetchDemoUsers);
  return (
    <div className={styles.page}>
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {users.status === 'loading' && <Spinner label="Chargement des utilisateurs de démonstration…" />}
      {users.status === 'error' && (
        <>
          <ErrorMessage title="Liste des utilisateurs indisponible." message={users.message} />
          <div>
            <Button onClick={reload}>Réessayer</Button>
          </div>
        </>
      )}
      {users.status === 'success' &&
        (users.data ? (
          <UserList users={users.data} className={styles.list} itemClassName={styles.user} />
        ) : (
          <Body1>
            Ce service ne propose pas la connexion de démonstration : ouvrez Guichet dans Microsoft Teams.
          </Body1>
        ))}
    </div>
  );
}

function UserList(props: { users: DemoUser[]; className: string; itemClassName: string }) {
  const { signInAs } = useAuth();
  return (
    <>
      <Body1>Guichet s'affichera comme pour cette personne, avec ses droits et ses tickets.</Body1>
      <ul className={props.className} aria-label="Utilisateurs de démonstration">
        {props.users.map((user) => (
          <li key={user.id}>
            <Button className={props.itemClassName} onClick={() => signInAs(user.id)}>
              <Text weight="semibold">{user.name}</Text>
              <Caption1>{user.organisation}</Caption1>
              <Caption1>{user.role}</Caption1>
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}
