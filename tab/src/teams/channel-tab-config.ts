/**
 * The channel (or group chat) tab's settings: which page of Guichet it opens. Teams shows our
 * configuration page when the tab is added (manifest `configurableTabs`), then saves what
 * `pages.config.setConfig` received; the tab itself is the same single-page app at that page's hash.
 */
import type { pages } from '@microsoft/teams-js';

/** A page a channel tab may open on. */
export interface ChannelTabPage {
  id: string;
  /** Hash path: "/" for the dashboard, "/tickets"… */
  path: string;
  label: string;
}

/** The pages offered, in the nav's order. */
export const CHANNEL_TAB_PAGES: readonly ChannelTabPage[] = [
  { id: 'dashboard', path: '/', label: 'Tableau de bord' },
  { id: 'tickets', path: '/tickets', label: 'Tickets' },
  { id: 'quotes', path: '/devis', label: 'Devis' },
  { id: 'orders', path: '/commandes', label: 'Commandes' },
  { id: 'reports', path: '/rapports', label: 'Rapports' },
];

/**
 * The tab's address without its hash: the configuration page is served by the same service, at
 * the public address the manifest names, so the tab's own URL is where it runs now.
 */
export function publicTabUrl(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}`;
}

/** What Teams stores for a tab opening on `page`. */
export function channelTabSettings(page: ChannelTabPage, tabUrl: string): pages.InstanceConfig {
  const url = `${tabUrl}#${page.path}`;
  return {
    entityId: `guichet-${page.id}`,
    contentUrl: url,
    websiteUrl: url,
    suggestedDisplayName: page.id === 'dashboard' ? 'Guichet' : `Guichet — ${page.label}`,
  };
}

/**
 * Saves the chosen page when the user presses "Enregistrer" in Teams: the settings first, then the
 * save event's outcome, which closes the dialog (success) or keeps it open with Teams' error.
 */
export function registerChannelTabSave(
  config: typeof pages.config,
  chosen: () => ChannelTabPage | undefined,
  tabUrl: string,
): void {
  config.registerOnSaveHandler((saveEvent) => {
    const page = chosen();
    if (!page) {
      saveEvent.notifyFailure('Choisissez la page que l’onglet ouvre.');
      return;
    }
    config.setConfig(channelTabSettings(page, tabUrl)).then(
      () => saveEvent.notifySuccess(),
      (error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
    );
  });
}
