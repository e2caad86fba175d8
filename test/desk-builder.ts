import type { HttpClient } from '@claimdesk/testing';

export interface DeskMember {
  id: string;
  name: string;
  token: string;
}

/** Creates a person through the API (as the admin) and a token for them. */
export async function addPerson(
  admin: HttpClient,
  person: { name: string; email: string; role: string; languages?: string[]; topics?: string[]; capacity?: number },
): Promise<DeskMember> {
  // Through the client typed from the OpenAPI document: a body or answer the document does not describe fails to compile.
  const created = await admin.api.ok('post', '/people', { body: { ...person, role: person.role as 'ADMIN' | 'EDITOR' | 'REVIEWER' | 'VIEWER' } });
  const token = await admin.api.ok('post', '/people/{id}/tokens', { path: { id: created.id }, body: {} });
  return { id: created.id, name: person.name, token: token.token };
}
