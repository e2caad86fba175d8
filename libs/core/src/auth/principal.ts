import type { Role } from '@prisma/client';

/** Who is calling: the person a bearer token belongs to. Services decide with this, never the edge. */
export interface Principal {
  id: string;
  name: string;
  role: Role;
}

/** The router and the workers act as the system: no person, every permission. */
export const SYSTEM: Principal = { id: '00000000-0000-0000-0000-000000000000', name: 'system', role: 'ADMIN' };
