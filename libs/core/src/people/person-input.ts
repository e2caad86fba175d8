import type { Role } from '@prisma/client';

export interface PersonInput {
  name: string;
  email: string;
  role: Role;
  topics: string[];
  languages: string[];
  capacity: number;
}
