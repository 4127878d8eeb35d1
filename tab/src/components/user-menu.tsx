import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Me } from '../api/types';
import { useAuth, useSession } from '../auth/auth-context';
import { USER_ROLE_LABELS } from '../format/labels';

const useStyles = makeStyles({
  user: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
});

/** Who is signed in, for whom, and (local sign-in only: Teams owns its identity) the way out. */
export function UserMenu() {
  const styles = useStyles();
  const { signOut } = useAuth();
  const { me, source } = useSession();
  return (
    <div className={styles.user}>
      <div className={styles.who}>
        <Text weight="semibold">{me.name}</Text>
        <Caption1>{describe(me)}</Caption1>
      </div>
      {source === 'local' && (
        <Button size="small" onClick={signOut}>
          Se déconnecter / changer d'utilisateur
        </Button>
      )}
    </div>
  );
}

/** "Ville de Bellerive-sur-Rhône — Agent du bénéficiaire", "Titulaire — Ingénieur support". */
function describe(me: Me): string {
  const organisation =
    me.kind === 'titulaire'
      ? 'Titulaire'
      : me.kind === 'canut'
        ? 'CANUT'
        : me.beneficiaries.map((b) => b.name).join(' / ');
  const roles = me.roles.map((role) => USER_ROLE_LABELS[role] ?? role);
  const role =
    roles.length > 0 ? roles.join(', ') : me.kind === 'beneficiary' ? 'Agent du bénéficiaire' : 'Aucun rôle';
  return organisation ? `${organisation} — ${role}` : role;
}
