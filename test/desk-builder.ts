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
  const created = await admin.post('/people', person);
  if (created.status !== 201) throw new Error(`POST /people ${created.status}: ${JSON.stringify(created.body)}`);
  const token = await admin.post(`/people/${created.body.id}/tokens`, {});
  if (token.status !== 201) throw new Error(`POST /people/:id/tokens ${token.status}: ${JSON.stringify(token.body)}`);
  return { id: created.body.id, name: person.name, token: token.body.token };
}
