import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Env } from '@claimdesk/config';

const root = path.resolve(__dirname, '..');

/**
 * The worker as a real OS process, so a test can SIGKILL it mid-job the way production loses one.
 * Compiled with the project's swc config into a folder of its own (dist/ belongs to `npm start`).
 */
export class WorkerProcess {
  private child?: ChildProcess;
  output = '';

  private constructor(private readonly dir: string) {}

  static build(): WorkerProcess {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-worker-'));
    execFileSync(path.join(root, 'node_modules', '.bin', 'swc'), ['apps/worker', 'libs', '-d', dir, '--copy-files', '-q'], {
      cwd: root,
      stdio: 'pipe',
    });
    return new WorkerProcess(dir);
  }

  start(env: Env): ChildProcess {
    const entry = path.join(this.dir, 'apps', 'worker', 'src', 'main.js');
    this.child = spawn(process.execPath, [entry], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_PATH: path.join(root, 'node_modules'),
        DATABASE_URL: env.DATABASE_URL,
        REDIS_URL: env.REDIS_URL,
        CLAIMDESK_QUEUE_PREFIX: env.CLAIMDESK_QUEUE_PREFIX,
        CLAIMDESK_RECONCILE_SECONDS: String(env.CLAIMDESK_RECONCILE_SECONDS),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk) => (this.output += String(chunk)));
    this.child.stderr?.on('data', (chunk) => (this.output += String(chunk)));
    return this.child;
  }

  kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  async dispose(): Promise<void> {
    await this.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
