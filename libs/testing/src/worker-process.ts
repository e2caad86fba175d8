import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Env } from '@claimdesk/config';

const ROOT = path.resolve(__dirname, '../../..');

// Runs a TypeScript entry point in a plain node process: @swc/core compiles each file as it is
// required (the .swcrc Jest uses) and @claimdesk/* resolve to libs/*/src, so no build is needed.
const REGISTER = `
const fs = require('fs'), path = require('path'), Module = require('module'), swc = require('@swc/core');
const root = process.argv[1];
const options = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete options.$schema; delete options.jsc.baseUrl; delete options.jsc.paths;
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@claimdesk\\/([a-z]+)$/.exec(request);
  return resolve.call(this, alias ? path.join(root, 'libs', alias[1], 'src') : request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename, swcrc: false, sourceMaps: 'inline' });
  module._compile(code, filename);
};
require(process.argv[2]);
`;

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves once the worker logged that it processes its queues. */
  ready: Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The environment variables an Env was parsed from (scalars; structured ones keep their defaults). */
function rawEnv(env: Env): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) raw[key] = String(value);
  }
  return raw;
}

/** A real worker process (apps/worker/src/main.ts) over this test file's database and queues, so it can be SIGKILLed. */
export function startWorkerProcess(env: Env, overrides: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['-e', REGISTER, ROOT, path.join(ROOT, 'apps/worker/src/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...rawEnv(env), LOG_LEVEL: 'log', ...overrides },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('processing queues')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`worker exited (${code ?? signal}) before it was ready:\n${output.slice(-2000)}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    ready,
    kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
  };
}
