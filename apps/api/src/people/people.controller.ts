import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ListsService, PeopleService, TokensService, type Principal } from '@claimdesk/core';
import { toPersonView } from '../views/person.view';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { uuidParam } from '../http/validation';
import { ListPeopleQuery } from './dto/list-people.query';
import { CreatePersonDto, CreateTokenDto, PatchPersonDto, PatchSelfDto } from './dto/create-person.dto';

const toDate = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));


@Controller()
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly tokens: TokensService,
    private readonly lists: ListsService,
  ) {}

  @Post('people')
  async create(@CurrentPrincipal() actor: Principal, @Body() dto: CreatePersonDto) {
    const defaultCapacity = dto.role === 'REVIEWER' ? 5 : 0;
    return toPersonView(
      await this.people.create(actor, {
        name: dto.name,
        email: dto.email,
        role: dto.role,
        topics: dto.topics ?? [],
        languages: dto.languages ?? ['en'],
        capacity: dto.capacity ?? defaultCapacity,
        maxCapacity: dto.maxCapacity,
        conflicts: dto.conflicts ?? [],
      }),
    );
  }

  /** Newest first, keyset-paginated like every list: pass `next` back as `cursor`. */
  @Get('people')
  async list(@CurrentPrincipal() actor: Principal, @Query() q: ListPeopleQuery) {
    const page = await this.lists.people(actor, { role: q.role, active: q.active, topic: q.topic, cursor: q.cursor, limit: q.limit });
    return { items: page.items.map(toPersonView), next: page.next };
  }

  @Patch('people/:id')
  async update(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() dto: PatchPersonDto) {
    const { availableFrom, availableUntil, ...rest } = dto;
    return toPersonView(
      await this.people.update(actor, id, { ...rest, availableFrom: toDate(availableFrom), availableUntil: toDate(availableUntil) }),
    );
  }

  /** Self-service: availability window (out of office), declared conflicts, capacity within maxCapacity. */
  @Patch('me')
  async updateSelf(@CurrentPrincipal() actor: Principal, @Body() dto: PatchSelfDto) {
    return toPersonView(
      await this.people.updateSelf(actor, {
        capacity: dto.capacity,
        conflicts: dto.conflicts,
        availableFrom: toDate(dto.availableFrom),
        availableUntil: toDate(dto.availableUntil),
      }),
    );
  }

  @Get('me')
  async me(@CurrentPrincipal() actor: Principal) {
    const person = await this.people.me(actor);
    return person ? toPersonView(person) : actor;
  }

  /** The token is in this response only; claimdesk keeps its hash. */
  @Post('people/:id/tokens')
  async createToken(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() dto: CreateTokenDto) {
    const expiresAt = dto?.expiresInDays ? new Date(Date.now() + dto.expiresInDays * 86_400_000) : undefined;
    const { id: tokenId, token } = await this.tokens.create(actor, id, dto?.name, expiresAt);
    return { id: tokenId, personId: id, token, expiresAt: expiresAt?.toISOString() ?? null };
  }
}
