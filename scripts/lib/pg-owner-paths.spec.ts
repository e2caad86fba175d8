import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathsReachableBy, reachableBy } from './pg-owner-paths';

// As root, the embedded Postgres runs as `postgres`; a checkout under a private folder (a
// `mktemp -d` clone, /root) is out of its reach. As root these tests check as a second OS user,
// `nobody`; anyone else can only act as themselves, who can reach their own private folders.
const asRoot = process.getuid?.() === 0;
const nobody = (() => {
  if (!asRoot) return { uid: process.getuid!(), gid: process.getgid!() };
  const id = (flag: string) => spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' });
  return { uid: Number(id('-u').stdout), gid: Number(id('-g').stdout) };
})();

describe('paths the embedded Postgres user can reach', () => {
  let base: string;
  let privateCheckout: string;
  let shared: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-pg-paths-'));
    fs.chmodSync(base, 0o755);
    // A fake native tree: bin/pg_ctl and a versioned library behind a relative symlink.
    privateCheckout = path.join(base, 'private');
    const native = path.join(privateCheckout, 'node_modules', 'native');
    fs.mkdirSync(path.join(native, 'bin'), { recursive: true });
    fs.mkdirSync(path.join(native, 'lib'));
    fs.writeFileSync(path.join(native, 'bin', 'pg_ctl'), '#!/bin/sh\necho ok\n', { mode: 0o755 });
    fs.writeFileSync(path.join(native, 'lib', 'libpq.so.5.16'), 'lib');
    fs.symlinkSync('libpq.so.5.16', path.join(native, 'lib', 'libpq.so.5'));
    fs.chmodSync(privateCheckout, 0o700);
    shared = path.join(base, 'shared');
    fs.mkdirSync(path.join(shared, 'bin'), { recursive: true });
    fs.mkdirSync(path.join(shared, 'data'), { recursive: true });
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  const roots = () => ({ binaries: path.join(shared, 'bin'), data: path.join(shared, 'data') });
  const binDir = () => path.join(privateCheckout, 'node_modules', 'native', 'bin');

  it('tells a folder another user can reach from one it cannot', () => {
    expect(reachableBy(nobody, shared)).toBe(true);
    expect(reachableBy(nobody, binDir())).toBe(!asRoot);
  });

  it('stages unreachable binaries (symlinks kept) and moves an unreachable cluster, once', () => {
    const lines: string[] = [];
    const wantedData = path.join(privateCheckout, 'data', 'postgres');
    const got = pathsReachableBy(nobody, binDir(), wantedData, (m) => lines.push(m), roots());
    if (!asRoot) {
      expect(got).toEqual({ binDir: binDir(), dataDir: wantedData });
      return;
    }
    expect(got.binDir.startsWith(roots().binaries)).toBe(true);
    expect(got.dataDir.startsWith(roots().data)).toBe(true);
    expect(reachableBy(nobody, path.join(got.binDir, 'pg_ctl'))).toBe(true);
    expect(spawnSync(path.join(got.binDir, 'pg_ctl'), { uid: nobody.uid, gid: nobody.gid, encoding: 'utf8' }).stdout).toBe('ok\n');
    expect(fs.readlinkSync(path.join(got.binDir, '..', 'lib', 'libpq.so.5'))).toBe('libpq.so.5.16');
    expect(lines).toHaveLength(2);
    // A second start finds the same places and copies nothing.
    const again = pathsReachableBy(nobody, binDir(), wantedData, (m) => lines.push(m), roots());
    expect(again).toEqual(got);
    expect(lines.filter((l) => l.includes('copying'))).toHaveLength(1);
  });

  it('leaves reachable paths as they are', () => {
    fs.chmodSync(privateCheckout, 0o755);
    const wantedData = path.join(privateCheckout, 'data', 'postgres');
    fs.mkdirSync(path.dirname(wantedData), { recursive: true });
    expect(pathsReachableBy(nobody, binDir(), wantedData, () => undefined, roots())).toEqual({ binDir: binDir(), dataDir: wantedData });
  });
});
