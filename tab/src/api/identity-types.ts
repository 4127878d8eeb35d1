/**
 * Who the caller is: GET /api/v1/me, visible beneficiaries, demo users.
 */
/** A beneficiary the caller may see. */
export interface VisibleBeneficiary {
  id: string;
  name: string;
  active: boolean;
  group?: string;
}

/** GET /api/v1/me. */
export interface Me {
  name: string;
  username?: string;
  tenantId: string;
  objectId: string;
  kind: 'titulaire' | 'canut' | 'beneficiary';
  roles: string[];
  readOnly: boolean;
  allBeneficiaries: boolean;
  beneficiaries: VisibleBeneficiary[];
}

/** A user of the local demonstration sign-in. */
export interface DemoUser {
  id: string;
  name: string;
  email: string;
  organisation: string;
  /** French label of the role(s). */
  role: string;
  roles: string[];
}
