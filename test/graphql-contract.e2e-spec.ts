import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isNonNullType, isObjectType } from 'graphql';
import { startTestDesk, type TestDesk } from '@claimdesk/testing';
import { SCHEMAS } from '../apps/api/src/openapi/schemas';

const run = promisify(execFile);
const bin = (name: string) => join(__dirname, '..', 'node_modules', '.bin', name);

// The GraphQL schema as outside tools see it: fetched from the running app with graphql-inspector's
// standard introspection (no token), then linted by graphql-schema-linter with its default rules.
describe('GraphQL schema: introspected by graphql-inspector, linted by graphql-schema-linter', () => {
  let desk: TestDesk;
  let dir: string;
  let sdlFile: string;
  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0 });
    await desk.api.listen({ port: 0, host: '127.0.0.1' });
    dir = await mkdtemp(join(tmpdir(), 'claimdesk-graphql-'));
    sdlFile = join(dir, 'schema.graphql');
  });
  afterAll(async () => {
    await desk?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('graphql-inspector introspect works against the running app without a token', async () => {
    const address = desk.api.getHttpServer().address() as { port: number };
    await run(bin('graphql-inspector'), ['introspect', `http://127.0.0.1:${address.port}/graphql`, '--write', sdlFile], { env: { ...process.env, NO_COLOR: '1' } });
    const sdl = await readFile(sdlFile, 'utf8');
    expect(sdl).toContain('type Claim');
    expect(sdl).toContain('scalar DateTime');
  });

  it('graphql-schema-linter (default rules but relay-page-info-spec, see its config) reports nothing', async () => {
    const config = join(__dirname, '..', 'apps/api/src/graphql');
    const { stdout } = await run(bin('graphql-schema-linter'), [sdlFile, '--format', 'json', '--config-directory', config], { cwd: dir }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const { errors } = JSON.parse(stdout) as { errors: Array<{ message: string; rule: string }> };
    expect(errors.map((e) => `${e.rule}: ${e.message}`)).toEqual([]);
  });

  it('pairs each GraphQL object type with its REST schema: the same fields, the same nullability', () => {
    const schema = desk.api.get(GraphQLSchemaHost).schema;
    // GraphQL type -> REST schema. A GraphQL Claim carries its verdicts like REST's ClaimDetail, and an
    // Assignment its reviewer like REST's LiveAssignment.
    const pairs: Record<string, string> = {
      Article: 'Article', ArticlePage: 'ArticlePage', ArticleStatusView: 'ArticleStatus', Assignment: 'LiveAssignment',
      Claim: 'ClaimDetail', ClaimCommandResult: 'ClaimCommandResult', ClaimCounts: 'ClaimCounts', ClaimPage: 'ClaimPage',
      Dashboard: 'Dashboard', Event: 'Event', EventPage: 'EventPage', Evidence: 'Evidence', Person: 'Person',
      ReviewerLoad: 'ReviewerLoad', Verdict: 'Verdict', DeskStory: 'DeskStory', Rating: 'Rating',
    };
    // Where GraphQL deliberately has more: a claim's ClaimReview document, which REST serves at its own route (GET /claims/{id}/claim-review).
    const onlyInGraphQL = new Set(['Claim.claimReview']);
    // Where GraphQL deliberately differs: a person's email is redacted (null) for callers without person.read.
    const nullableOnlyInGraphQL = new Set(['Person.email']);
    const drift: string[] = [];
    for (const [typeName, schemaName] of Object.entries(pairs)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`no GraphQL object type ${typeName}`);
      const rest = SCHEMAS[schemaName] as { properties: Record<string, { nullable?: boolean }>; required: string[] };
      const fields = Object.fromEntries(Object.entries(type.getFields()).filter(([name]) => !onlyInGraphQL.has(`${typeName}.${name}`)));
      const names = (list: string[]) => [...list].sort().join(', ');
      if (names(Object.keys(fields)) !== names(Object.keys(rest.properties))) {
        drift.push(`${typeName} {${names(Object.keys(fields))}} vs REST ${schemaName} {${names(Object.keys(rest.properties))}}`);
        continue;
      }
      for (const [name, field] of Object.entries(fields)) {
        const restNullable = rest.properties[name].nullable === true || !rest.required.includes(name);
        const gqlNullable = !isNonNullType(field.type);
        if (restNullable !== gqlNullable && !nullableOnlyInGraphQL.has(`${typeName}.${name}`)) drift.push(`${typeName}.${name}: GraphQL nullable ${gqlNullable}, REST ${restNullable}`);
        if (!field.description) drift.push(`${typeName}.${name}: no description`);
      }
    }
    expect(drift).toEqual([]);
  });
});
