import { useEffect, useRef, useState } from 'react';
import type { pages } from '@microsoft/teams-js';
import { Body1, Field, Link, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { AppHeader } from '../components/app-header';
import { PageFrame } from '../components/page-frame';
import {
  CHANNEL_TAB_PAGES,
  publicTabUrl,
  registerChannelTabSave,
  type ChannelTabPage,
} from '../teams/channel-tab-config';
import type { HostInfo } from '../teams/detect-host';

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalXL,
    paddingInline: tokens.spacingHorizontalXXL,
    maxWidth: '720px',
    '@media (max-width: 600px)': { paddingInline: tokens.spacingHorizontalM },
  },
});

/**
 * `#/configuration`, outside the sign-in: Teams opens it when Guichet is added as a channel or group
 * chat tab. Inside Teams the user picks the page the tab opens on, and "Enregistrer" saves it; in a
 * browser it only explains what it is for.
 */
export default function ConfigurationPage({ host }: { host: HostInfo }) {
  const styles = useStyles();
  return (
    <>
      <AppHeader />
      <main className={styles.main}>
        <PageFrame title="Configurer l’onglet Guichet">
          {host.kind === 'teams' ? <PageChoice /> : <OutsideTeams />}
        </PageFrame>
      </main>
    </>
  );
}

function OutsideTeams() {
  return (
    <>
      <Body1>
        Teams ouvre cette page lorsque vous ajoutez Guichet comme onglet d’un canal ou d’une conversation de
        groupe : vous y choisissez la page que l’onglet affiche (tableau de bord, tickets, devis, commandes ou
        rapports).
      </Body1>
      <Body1>
        Pour ajouter l’onglet, ouvrez le canal dans Teams, choisissez « + » (Ajouter un onglet), puis Guichet.
      </Body1>
      <Link href="#/">Ouvrir Guichet</Link>
    </>
  );
}

/** The choice of page, wired to Teams' save button once teams-js is at hand. */
function PageChoice() {
  const [choice, setChoice] = useState<ChannelTabPage>();
  const chosen = useRef<ChannelTabPage | undefined>(undefined);
  const config = useRef<typeof pages.config | undefined>(undefined);

  useEffect(() => {
    let active = true;
    // Already loaded and initialised by the host detection: this import only hands the module over.
    void import('@microsoft/teams-js').then(({ pages: teamsPages }) => {
      if (!active) return;
      config.current = teamsPages.config;
      registerChannelTabSave(teamsPages.config, () => chosen.current, publicTabUrl(window.location));
      if (chosen.current) teamsPages.config.setValidityState(true);
    });
    return () => {
      active = false;
    };
  }, []);

  const choose = (id: string): void => {
    const page = CHANNEL_TAB_PAGES.find((p) => p.id === id);
    chosen.current = page;
    setChoice(page);
    // Teams enables its "Enregistrer" button only once the settings are valid.
    if (page) config.current?.setValidityState(true);
  };

  return (
    <>
      <Body1>
        Cet onglet donne à l’équipe un accès direct à Guichet : chacun y voit ce que son rôle lui permet de
        voir. Choisissez la page qu’il ouvre, puis enregistrez.
      </Body1>
      <Field label="Page d’accueil de l’onglet" required>
        <RadioGroup value={choice?.id ?? ''} onChange={(_e, data) => choose(data.value)}>
          {CHANNEL_TAB_PAGES.map((page) => (
            <Radio key={page.id} value={page.id} label={page.label} />
          ))}
        </RadioGroup>
      </Field>
    </>
  );
}
