import { useMemo } from 'react';
import type { VisibleBeneficiary } from '../api/types';
import { useSession } from '../auth/auth-context';

/** The beneficiaries the caller sees, by name in French order (what the filters offer). */
export function useBeneficiariesByName(): readonly VisibleBeneficiary[] {
  const { me } = useSession();
  return useMemo(
    () => [...me.beneficiaries].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    [me.beneficiaries],
  );
}
