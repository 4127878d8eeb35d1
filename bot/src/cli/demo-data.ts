/**
 * The demo data set seeded on the first `npm start`: fictitious public bodies across zones and
 * modalities (SIRETs are Luhn-valid but invented), a groupement, an inactive convention, and one
 * demo user per role. The Agents Playground config and the local sign-in use the same identities.
 */
import { DEMO_TENANTS } from '../config/config';
import type { BeneficiaryInput } from '../domain/beneficiaries/beneficiary';
import { DEMO_PRICE_SCHEDULE } from '../domain/catalogue/demo-price-schedule';
import type { PriceSchedule } from '../domain/catalogue/price-schedule';
import type { StaffMember } from '../store/staff-repository';

const tenant = (n: number) => `b0a1c2d3-0000-4000-8000-${String(n).padStart(12, '0')}`;
const user = (n: number) => `a1b2c3d4-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Tenants of the demo beneficiaries the Playground and tests talk from. */
export const DEMO_BENEFICIARY_TENANT = tenant(1);
export const DEMO_GROUPEMENT_TENANT = tenant(11);
export const DEMO_INACTIVE_TENANT = tenant(13);

export const DEMO_BENEFICIARIES: BeneficiaryInput[] = [
  {
    siret: '21690012300029',
    name: 'Ville de Bellerive-sur-Rhône',
    kind: 'commune',
    zone: 'metropole',
    modality: 1,
    conventionDate: '2024-09-02',
    tenantIds: [tenant(1)],
  },
  {
    siret: '22010045600015',
    name: 'Département de la Haute-Vallée',
    kind: 'departement',
    zone: 'metropole',
    modality: 2,
    conventionDate: '2024-10-15',
    tenantIds: [tenant(2)],
  },
  {
    siret: '20006789000018',
    name: "Communauté d'agglomération du Val de Moselle",
    kind: 'epci',
    zone: 'alsace-moselle',
    modality: 1,
    conventionDate: '2025-01-06',
    tenantIds: [tenant(3)],
  },
  {
    siret: '21680023400017',
    name: 'Ville de Colmar-les-Vignes',
    kind: 'commune',
    zone: 'alsace-moselle',
    modality: 2,
    conventionDate: '2025-02-03',
    tenantIds: [tenant(4)],
  },
  {
    siret: '21972234500028',
    name: 'Ville du Lamentin-Caraïbes',
    kind: 'commune',
    zone: 'martinique',
    modality: 1,
    conventionDate: '2025-03-10',
    tenantIds: [tenant(5)],
  },
  {
    siret: '28974056700028',
    name: "Service départemental d'incendie et de secours de l'Est réunionnais",
    kind: 'sdis',
    zone: 'la-reunion',
    modality: 2,
    conventionDate: '2024-11-18',
    tenantIds: [tenant(6)],
  },
  {
    siret: '19974067800016',
    name: 'Lycée Bourbon-des-Hauts',
    kind: 'etablissement-scolaire',
    zone: 'la-reunion',
    modality: 1,
    conventionDate: '2025-04-01',
    tenantIds: [tenant(7)],
  },
  {
    siret: '20988078900018',
    name: 'Province des Îles — direction du numérique',
    kind: 'collectivite',
    zone: 'nouvelle-caledonie',
    modality: 1,
    conventionDate: '2025-05-12',
    tenantIds: [tenant(8)],
    closingDays: ['2026-09-24', '2027-09-24'],
  },
  {
    siret: '21971089000019',
    name: 'Commune de Pointe-Verte',
    kind: 'commune',
    zone: 'guadeloupe',
    modality: 1,
    conventionDate: '2025-06-02',
    tenantIds: [tenant(9)],
  },
  {
    siret: '26973090100015',
    name: 'Centre hospitalier de Cayenne-Ouest',
    kind: 'etablissement-sante',
    zone: 'guyane',
    modality: 2,
    conventionDate: '2025-06-30',
    tenantIds: [tenant(10)],
  },
  {
    siret: '21650011200018',
    name: "Commune de Val-d'Argent",
    kind: 'commune',
    zone: 'metropole',
    modality: 1,
    conventionDate: '2025-09-01',
    tenantIds: [tenant(11)],
    group: 'Groupement numérique des Vallées',
  },
  {
    siret: '21650022300013',
    name: 'Commune de Haute-Brèche',
    kind: 'commune',
    zone: 'metropole',
    modality: 1,
    conventionDate: '2025-09-01',
    tenantIds: [tenant(11)],
    group: 'Groupement numérique des Vallées',
  },
  {
    siret: '21650033400018',
    name: 'Syndicat des eaux des Vallées',
    kind: 'etablissement-public',
    zone: 'metropole',
    modality: 1,
    conventionDate: '2025-09-01',
    tenantIds: [tenant(12)],
    group: 'Groupement numérique des Vallées',
  },
  {
    siret: '21975044500013',
    name: 'Commune de Miquelon-Langlade',
    kind: 'commune',
    zone: 'saint-pierre-et-miquelon',
    modality: 1,
    conventionDate: '2024-12-01',
    tenantIds: [tenant(13)],
    active: false,
  },
];

/** One demo person per role; object ids are what the Playground config uses. */
export const DEMO_STAFF: StaffMember[] = [
  {
    tenantId: DEMO_TENANTS.titulaire,
    objectId: user(1),
    displayName: 'Camille Martin',
    email: 'camille.martin@titulaire.example',
    roles: ['Support.Engineer'],
  },
  {
    tenantId: DEMO_TENANTS.titulaire,
    objectId: user(2),
    displayName: 'Julien Bernard',
    email: 'julien.bernard@titulaire.example',
    roles: ['Account.Manager'],
  },
  {
    tenantId: DEMO_TENANTS.titulaire,
    objectId: user(3),
    displayName: 'Nadia Haddad',
    email: 'nadia.haddad@titulaire.example',
    roles: ['Admin'],
  },
  {
    tenantId: DEMO_TENANTS.canut,
    objectId: user(4),
    displayName: 'Sophie Laurent',
    email: 'sophie.laurent@canut.example',
    roles: ['Canut.Staff'],
  },
  {
    tenantId: tenant(1),
    objectId: user(6),
    displayName: 'Marc Petit',
    email: 'marc.petit@bellerive.example',
    roles: ['Beneficiary.Approver'],
    beneficiaryId: '21690012300029',
  },
];

/** Demo agents of beneficiaries (no role: anyone from a beneficiary tenant is an agent). */
export const DEMO_AGENTS = [
  {
    tenantId: tenant(1),
    objectId: user(5),
    displayName: 'Léa Dubois',
    email: 'lea.dubois@bellerive.example',
  },
  {
    tenantId: tenant(1),
    objectId: user(7),
    displayName: 'Thomas Girard',
    email: 'thomas.girard@bellerive.example',
  },
  {
    tenantId: tenant(1),
    objectId: user(8),
    displayName: 'Inès Moreau',
    email: 'ines.moreau@bellerive.example',
  },
  {
    tenantId: tenant(1),
    objectId: user(10),
    displayName: 'Paul Lefèvre',
    email: 'paul.lefevre@bellerive.example',
  },
  {
    tenantId: tenant(1),
    objectId: user(11),
    displayName: 'Chloé Roux',
    email: 'chloe.roux@bellerive.example',
  },
  {
    tenantId: tenant(5),
    objectId: user(9),
    displayName: 'Joël Célestine',
    email: 'joel.celestine@lamentin.example',
  },
];

/** The price schedule (BPU) versions of the demo: quotes are priced with the one in force. */
export const DEMO_PRICE_SCHEDULES: readonly PriceSchedule[] = [DEMO_PRICE_SCHEDULE];
