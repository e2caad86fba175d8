import { Injectable } from '@nestjs/common';
import { Prisma, type Person } from '@prisma/client';
import { ConflictError, PrismaService } from '@claimdesk/database';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { RoutingService } from '../routing/routing.service';
import type { PersonInput } from './person-input';

@Injectable()
export class PeopleService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly routing: RoutingService,
  ) {}

  async create(actor: Principal, input: PersonInput): Promise<Person> {
    authorize(actor, 'person.manage');
    let person: Person;
    try {
      person = await this.prisma.person.create({ data: { ...input, email: input.email.toLowerCase() } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConflictError(`a person with email ${input.email} exists`, { field: 'email' });
      }
      throw error;
    }
    // A new reviewer is new capacity: waiting claims need not wait for the reconciler.
    if (person.role === 'REVIEWER') await this.routing.routeWaitingFor(person.id);
    return person;
  }

  async list(actor: Principal, role?: Person['role']): Promise<Person[]> {
    authorize(actor, 'person.read');
    return this.prisma.person.findMany({ where: role ? { role } : {}, orderBy: { createdAt: 'asc' }, take: 500 });
  }

  async me(actor: Principal): Promise<Person | null> {
    return this.prisma.person.findUnique({ where: { id: actor.id } });
  }
}
