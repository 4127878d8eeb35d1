/**
 * The bot's help message, in French, and the answers for menu entries that later versions add.
 */

/** What the bot says for "aide". */
export const HELP_TEXT = [
  '**Guichet — ce que vous pouvez me demander**',
  '',
  '- **bonjour** ou **menu** : afficher le menu',
  '- **incident** : déclarer un incident (sévérité 1 à 4, délai de première réponse contractuel)',
  '- **devis** : demander un devis (réponse sous 10 jours ouvrés)',
  '- **mes tickets** : vos tickets ouverts ; **ticket INC-2026-000042** : un ticket',
  '- **mes devis**, **mes commandes** : suivre vos devis et bons de commande',
  '- **devis DEV-2026-0042**, **commande BC-2026-0042** : un devis, un bon de commande',
  '- **incident pour <SIRET>** (équipe support) : saisir un appel ou un courriel',
  '- **aide** : ce message',
  '',
  "Vous pouvez aussi utiliser l'onglet Guichet de votre équipe pour le tableau de bord.",
].join('\n');

/** Menu entries whose feature is not delivered yet: the bot says so plainly instead of pretending. */
export const NOT_YET_AVAILABLE: Record<string, string> = {};
