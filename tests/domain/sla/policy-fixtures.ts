/** A policy with restoration targets (the contract sets none), for restoration and alert tests. */
import {
  businessTarget as business,
  CONTRACT_POLICY,
  elapsedTarget as allHours,
  type SlaPolicy,
} from '../../../bot/src/domain/sla/policy';

export const WITH_RESTORATION: SlaPolicy = {
  ...CONTRACT_POLICY,
  id: 'test/restoration',
  restoration: {
    1: { 1: business(4), 2: allHours(4) },
    3: { 1: business(16), 2: business(16) },
  },
};
