import { Injectable } from '@nestjs/common';
import { Prisma, type Person } from '@prisma/client';
import { ConflictError, NotFoundError, PrismaService, ValidationError } from '@claimdesk/database';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { RoutingService } from '../routing/routing.service';
import type { PersonInput, PersonPatch, SelfPatch } from './person-input';

/** Whether `p` could take work at `now` as far as their own settings go (load aside). */
function canWork(p: Person, now: Date): boolean {
  return (
    p.role === 'REVIEWER' &&
    p.active &&
    (p.availableFrom === null || p.availableFrom <= now) &&
    (p.availableUntil === null || now < p.availableUntil)
  );
}

@Injectable()
export class PeopleService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly routing: RoutingService,
  ) {}

  async create(actor: Principal, input: PersonInput): Promise<Person> {
    authorize(actor, 'person.manage');
    const maxCapacity = Math.max(input.maxCapacity ?? input.capacity, input.capacity);
    let person: Person;
    try {
      person = await this.prisma.person.create({
        data: { ...input, maxCapacity, email: input.email.toLowerCase() },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConflictError(`a person with email ${input.email} exists`, { field: 'email' });
      }
      throw error;
    }
    // A new reviewer is new capacity: waiting claims need not wait for the reconciler.
    await this.afterChange(null, person);
    return person;
  }

  async me(actor: Principal): Promise<Person | null> {
    authorize(actor, 'person.self');
    return this.prisma.person.findUnique({ where: { id: actor.id } });
  }

  /**
   * An admin's change to a person. Raising capacity above the self-service ceiling raises the
   * ceiling with it. Capacity lowered below the open load takes nothing back: the reviewer finishes
   * what they hold and gets no more until under it.
   */
  async update(actor: Principal, id: string, patch: PersonPatch): Promise<Person> {
    authorize(actor, 'person.manage');
    const before = await this.prisma.person.findUnique({ where: { id } });
    if (!before) throw new NotFoundError('person', id);
    checkWindow(patch, before);
    const capacity = patch.capacity ?? before.capacity;
    const maxCapacity = Math.max(patch.maxCapacity ?? before.maxCapacity, capacity);
    const after = await this.prisma.person.update({ where: { id }, data: { ...patch, maxCapacity } });
    await this.afterChange(before, after);
    return after;
  }

  /** Self-service: availability window (out of office), declared conflicts, capacity up to maxCapacity. */
  async updateSelf(actor: Principal, patch: SelfPatch): Promise<Person> {
    authorize(actor, 'person.self');
    const before = await this.prisma.person.findUnique({ where: { id: actor.id } });
    if (!before) throw new NotFoundError('person', actor.id);
    checkWindow(patch, before);
    if (patch.capacity !== undefined) {
      if (before.role !== 'REVIEWER') {
        throw new ValidationError([{ field: 'capacity', message: 'only reviewers have a capacity' }]);
      }
      if (patch.capacity > before.maxCapacity) {
        throw new ValidationError([
          { field: 'capacity', message: `must be at most ${before.maxCapacity} (the bound an admin set)` },
        ]);
      }
    }
    const after = await this.prisma.person.update({ where: { id: actor.id }, data: patch });
    await this.afterChange(before, after);
    return after;
  }

  /**
   * Capacity may have appeared: a new or reactivated reviewer, one back from out of office, more
   * capacity, fewer conflicts or more languages. Waiting claims are routed now, and a window that
   * opens later gets a delayed job at that moment (event-driven; the reconciler is the safety net).
   */
  private async afterChange(before: Person | null, after: Person, now = new Date()): Promise<void> {
    if (after.role !== 'REVIEWER' || !after.active) return;
    if (after.availableFrom && after.availableFrom > now && (after.availableUntil === null || after.availableFrom < after.availableUntil)) {
      await this.routing.scheduleReviewerReturn(after.id, after.availableFrom);
    }
    if (!canWork(after, now)) return;
    const gained =
      before === null ||
      !canWork(before, now) ||
      after.capacity > before.capacity ||
      after.conflicts.length < before.conflicts.length ||
      after.languages.some((l) => !before.languages.includes(l)) ||
      after.topics.some((t) => !before.topics.includes(t));
    if (gained) await this.routing.routeWaitingFor(after.id);
  }
}

function checkWindow(patch: Pick<PersonPatch, 'availableFrom' | 'availableUntil'>, before: Person): void {
  const from = patch.availableFrom === undefined ? before.availableFrom : patch.availableFrom;
  const until = patch.availableUntil === undefined ? before.availableUntil : patch.availableUntil;
  if (from && until && until <= from) {
    throw new ValidationError([{ field: 'availableUntil', message: 'must be after availableFrom' }]);
  }
}
