/**
 * The staff registry: people identified by tenant id + Entra object id, with their Guichet roles.
 * Titulaire and CANUT staff live in the system partition; a beneficiary's approvers live in that
 * beneficiary's partition, so a beneficiary's export carries its own approvers and nothing else.
 */
import type { Role } from '../domain/identity/requester';
import { NotFoundError } from '../domain/errors';
import { SYSTEM_PARTITION, type BatchOperation, type Container, type Doc, type Store } from './port';
import { PEOPLE_VIEW } from './views/view-projections';
import { sourceOf, type ViewRow } from './views/view-row';

const APPROVER: Role = 'Beneficiary.Approver';

export interface StaffMember {
  tenantId: string;
  objectId: string;
  displayName: string;
  email?: string;
  roles: Role[];
  /** Set for beneficiary approvers: the SIRET they approve for. */
  beneficiaryId?: string;
}

type StaffDoc = Doc & StaffMember & { type: 'staff' };

/** The stored entry of a member: keyed by person, in the partition of the beneficiary it serves. */
function entryOf(member: StaffMember): StaffDoc {
  const tenantId = member.tenantId.toLowerCase();
  const objectId = member.objectId.toLowerCase();
  return {
    ...member,
    tenantId,
    objectId,
    id: `${tenantId}:${objectId}`,
    pk: member.beneficiaryId ?? SYSTEM_PARTITION,
    type: 'staff',
  };
}

/** Creations of `docs`, for a batch. */
function created(docs: readonly Doc[]): BatchOperation<Doc>[] {
  return docs.map((doc) => ({ op: 'create', doc }));
}

/** Reads and writes the staff registry. */
export class StaffRepository {
  private readonly container: Container<StaffDoc>;
  private readonly people: Container<ViewRow>;

  constructor(store: Store) {
    this.container = store.container<StaffDoc>('staff');
    this.people = store.container<ViewRow>('views');
  }

  /** Creates or replaces a staff member's entry. */
  async save(member: StaffMember): Promise<void> {
    await this.container.upsert(entryOf(member));
  }

  /**
   * Creates or replaces a staff member's entry with `alongside` (documents of the same partition),
   * in one atomic batch.
   */
  async saveWith(member: StaffMember, alongside: readonly Doc[]): Promise<void> {
    const entry = entryOf(member);
    await this.batch(entry.pk, [{ op: 'upsert', doc: entry }, ...created(alongside)]);
  }

  /**
   * Removes a person's entry from a beneficiary's partition with `alongside`, in one atomic batch;
   * false (and nothing written) when there was no entry.
   */
  async removeWith(
    beneficiaryId: string,
    tenantId: string,
    objectId: string,
    alongside: readonly Doc[],
  ): Promise<boolean> {
    const id = `${tenantId.toLowerCase()}:${objectId.toLowerCase()}`;
    try {
      await this.batch(beneficiaryId, [{ op: 'delete', id }, ...created(alongside)]);
      return true;
    } catch (err) {
      if (err instanceof NotFoundError) return false;
      throw err;
    }
  }

  private batch(pk: string, operations: BatchOperation<Doc>[]): Promise<void> {
    return (this.container as unknown as Container<Doc>).batch(pk, operations);
  }

  /** Every role recorded for this person, across partitions (staff roles and approver roles). */
  async rolesOf(tenantId: string, objectId: string): Promise<Role[]> {
    const entries = await this.entriesOf(tenantId, objectId);
    return [...new Set(entries.flatMap((m) => m.roles))];
  }

  /** The Titulaire's support engineers (reassignment choices), by name. */
  async engineers(): Promise<StaffMember[]> {
    const page = await this.container.query({
      pk: SYSTEM_PARTITION,
      filters: [{ field: 'roles', op: 'arrayContains', value: 'Support.Engineer' }],
      orderBy: [{ field: 'displayName' }],
      limit: 1000,
    });
    return page.items;
  }

  /** The approvers designated for this beneficiary, by name. */
  async approvers(beneficiaryId: string): Promise<StaffMember[]> {
    const page = await this.container.query({
      pk: beneficiaryId,
      filters: [{ field: 'roles', op: 'arrayContains', value: APPROVER }],
      orderBy: [{ field: 'displayName' }],
      limit: 1000,
    });
    return page.items;
  }

  /** The SIRETs this person is designated approver for in the registry. */
  async approvedBy(tenantId: string, objectId: string): Promise<string[]> {
    const entries = await this.entriesOf(tenantId, objectId);
    return entries.filter((m) => m.pk !== SYSTEM_PARTITION && m.roles.includes(APPROVER)).map((m) => m.pk);
  }

  /**
   * Every registry entry of a person (one per partition), asked on every request and turn: read
   * from the people view's one partition, not from every beneficiary's.
   */
  private async entriesOf(tenantId: string, objectId: string): Promise<StaffDoc[]> {
    const page = await this.people.query({
      pk: PEOPLE_VIEW,
      filters: [
        { field: 'personId', op: 'eq', value: `${tenantId.toLowerCase()}:${objectId.toLowerCase()}` },
      ],
      // One person's entries; the order is the one the index is kept in (lookup-view-indexes.ts).
      orderBy: [{ field: 'personId' }],
      limit: 1000,
    });
    return page.items.map((row) => sourceOf<StaffDoc>(row));
  }

  /** Removes a person's entry from a beneficiary's partition; false when there was none. */
  async remove(beneficiaryId: string, tenantId: string, objectId: string): Promise<boolean> {
    return this.container.delete(beneficiaryId, `${tenantId.toLowerCase()}:${objectId.toLowerCase()}`);
  }
}
