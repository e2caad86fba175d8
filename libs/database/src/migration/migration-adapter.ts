import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';

/**
 * Driver adapter for the Prisma CLI's wasm schema engine (migrate deploy/dev/diff/status), with the two
 * workarounds for @prisma/adapter-pg 6.19.3 that STACK.md records:
 * 1. prisma/orm#27403: the adapter rejects the `name` (19) and `char` (18) column types that the
 *    migration engine's catalogue queries return; they are reported as `text` (and their arrays as
 *    `text[]`), which is what they are to JavaScript anyway.
 * 2. The stock shadow database either reuses the main database or is dropped while its pool is still
 *    open; ours is a fresh database whose pool is closed before it is dropped.
 */
const OID_REMAP: Record<number, number> = { 19: 25, 18: 25, 1003: 1009, 1002: 1009 };

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };
type Queryable = { performIO: (query: unknown) => Promise<QueryResultLike> };

let patched = false;
function patchColumnTypes(adapter: object): void {
  if (patched) return;
  // performIO lives on the shared base class of the adapter and its transactions.
  let proto: object | null = Object.getPrototypeOf(adapter);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'performIO')) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error('adapter-pg layout changed: performIO not found; revisit the oid workaround');
  const target = proto as Queryable;
  const original = target.performIO;
  target.performIO = async function (this: Queryable, query: unknown) {
    const result = await original.call(this, query);
    for (const field of result?.fields ?? []) {
      const mapped = OID_REMAP[field.dataTypeID];
      if (mapped) field.dataTypeID = mapped;
    }
    return result;
  };
  patched = true;
}

class MigrationPg extends PrismaPg {
  constructor(private readonly url: string) {
    super({ connectionString: url });
  }

  override async connect() {
    const adapter = await super.connect();
    patchColumnTypes(adapter);
    return adapter;
  }

  override async connectToShadowDb() {
    const name = `claimdesk_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new Pool({ connectionString: this.url });
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${name}`;
    const shadow = await new PrismaPg({ connectionString: shadowUrl.toString() }).connect();
    patchColumnTypes(shadow);
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return shadow;
  }
}

export function migrationAdapter(url: string): PrismaPg {
  return new MigrationPg(url);
}
