import { Avatar, Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { getMyPhotoUrl, getMyProfile, type MyProfile } from '../api/me';
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
  const { me, source, api } = useSession();
  const { profile, photoUrl } = useProfile(api);
  const name = profile?.displayName ?? me.name;
  return (
    <div className={styles.user}>
      <Avatar
        name={name}
        image={photoUrl ? { src: photoUrl, alt: '' } : undefined}
        color="colorful"
        size={32}
        aria-hidden
      />
      <div className={styles.who}>
        <Text weight="semibold">{name}</Text>
        {profile?.jobTitle && <Caption1>{profile.jobTitle}</Caption1>}
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

/**
 * The Microsoft 365 profile and photo, read after the menu is shown: until they come, and if they
 * never do (Graph unreachable, no photo), the menu keeps the session's name and the initials.
 */
function useProfile(api: ApiClient): { profile?: MyProfile; photoUrl?: string } {
  const [profile, setProfile] = useState<MyProfile>();
  const [photoUrl, setPhotoUrl] = useState<string>();
  useEffect(() => {
    const controller = new AbortController();
    let url: string | undefined;
    (async () => {
      const read = await getMyProfile(api, controller.signal);
      if (controller.signal.aborted) return;
      setProfile(read);
      // Only Graph has photos: the token-only profile would answer 404 anyway.
      if (read.source !== 'graph') return;
      url = await getMyPhotoUrl(api, controller.signal);
      // Once aborted, the cleanup below has run already: it could not revoke this URL.
      if (controller.signal.aborted) {
        if (url) URL.revokeObjectURL(url);
      } else setPhotoUrl(url);
    })().catch(() => undefined);
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [api]);
  return { profile, photoUrl };
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
