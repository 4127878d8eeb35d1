/** A policy with restoration targets (the contract sets none), for restoration and alert tests. */
import { CONTRACT_POLICY, HOUR_MS, type SlaPolicy, type SlaTarget } from '../../../bot/src/domain/sla/policy';

const business = (hours: number): SlaTarget => ({
  targetMs: hours * HOUR_MS,
  clock: 'business',
  alertHours: 'business',
});
const allHours = (hours: number): SlaTarget => ({
  targetMs: hours * HOUR_MS,
  clock: 'elapsed',
  alertHours: 'any',
});

export const WITH_RESTORATION: SlaPolicy = {
  ...CONTRACT_POLICY,
  id: 'test/restoration',
  restoration: {
    1: { 1: business(4), 2: allHours(4) },
    3: { 1: business(16), 2: business(16) },
  },
};
