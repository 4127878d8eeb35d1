/**
 * The calendar zones of the agreement (DESIGN.md, "Calendar zones"): slug → IANA time zone.
 * Holiday rules per zone live in `holidays.ts`.
 */

export const ZONES = {
  metropole: { tz: 'Europe/Paris', label: 'métropole', timeName: 'heure de Paris' },
  'alsace-moselle': { tz: 'Europe/Paris', label: 'Alsace-Moselle', timeName: 'heure de Paris' },
  guadeloupe: { tz: 'America/Guadeloupe', label: 'Guadeloupe', timeName: 'heure de la Guadeloupe' },
  martinique: { tz: 'America/Martinique', label: 'Martinique', timeName: 'heure de la Martinique' },
  guyane: { tz: 'America/Cayenne', label: 'Guyane', timeName: 'heure de la Guyane' },
  'la-reunion': { tz: 'Indian/Reunion', label: 'La Réunion', timeName: 'heure de La Réunion' },
  mayotte: { tz: 'Indian/Mayotte', label: 'Mayotte', timeName: 'heure de Mayotte' },
  'saint-barthelemy': {
    tz: 'America/St_Barthelemy',
    label: 'Saint-Barthélemy',
    timeName: 'heure de Saint-Barthélemy',
  },
  'saint-martin': { tz: 'America/Marigot', label: 'Saint-Martin', timeName: 'heure de Saint-Martin' },
  'nouvelle-caledonie': {
    tz: 'Pacific/Noumea',
    label: 'Nouvelle-Calédonie',
    timeName: 'heure de la Nouvelle-Calédonie',
  },
  'polynesie-francaise': { tz: 'Pacific/Tahiti', label: 'Polynésie française', timeName: 'heure de Tahiti' },
  'saint-pierre-et-miquelon': {
    tz: 'America/Miquelon',
    label: 'Saint-Pierre-et-Miquelon',
    timeName: 'heure de Saint-Pierre-et-Miquelon',
  },
  'wallis-et-futuna': {
    tz: 'Pacific/Wallis',
    label: 'Wallis-et-Futuna',
    timeName: 'heure de Wallis-et-Futuna',
  },
} as const;

export type ZoneSlug = keyof typeof ZONES;

export const ZONE_SLUGS = Object.keys(ZONES) as ZoneSlug[];

/** True when `value` names one of the agreement's zones. */
export function isZoneSlug(value: string): value is ZoneSlug {
  return Object.prototype.hasOwnProperty.call(ZONES, value);
}
