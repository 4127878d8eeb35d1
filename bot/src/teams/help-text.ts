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
  '- **mes tickets**, **mes devis**, **mes commandes** : suivre vos demandes',
  '- **aide** : ce message',
  '',
  "Vous pouvez aussi utiliser l'onglet Guichet de votre équipe pour le tableau de bord.",
].join('\n');

/** Menu entries whose feature is not delivered yet: the bot says so plainly instead of pretending. */
export const NOT_YET_AVAILABLE: Record<string, string> = {
  'incident.start':
    "La déclaration d'incidents dans Teams arrive dans la prochaine version de Guichet. " +
    'En attendant, appelez le support du Titulaire au numéro indiqué dans votre convention.',
  'quote.start':
    'La demande de devis dans Teams arrive dans une prochaine version de Guichet. ' +
    'En attendant, adressez votre demande par courriel à votre interlocuteur commercial.',
  'tickets.list':
    'Le suivi des tickets arrive avec la déclaration d’incidents, dans la prochaine version de Guichet.',
  'quotes.list':
    'Le suivi des devis arrive avec les demandes de devis, dans une prochaine version de Guichet.',
  'orders.list':
    'Le suivi des bons de commande arrive avec les devis, dans une prochaine version de Guichet.',
};
