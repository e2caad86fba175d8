import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The api and worker as real OS processes, so they can be SIGKILLed like in production. */
export class ProcessPool {
  private readonly children = new Map<string, ChildProcess>();
  private readonly stderrTails = new Map<string, string>();

  constructor(
    private readonly repoRoot: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  start(name: string, app: 'api' | 'worker', extraEnv: NodeJS.ProcessEnv = {}): ChildProcess {
    const entry = path.join(this.repoRoot, 'dist', 'apps', app, 'src', 'main.js');
    const child = spawn(process.execPath, [entry], {
      cwd: this.repoRoot,
      // Several workers on one machine: none opens the metrics port (it would be taken by the first).
      env: { ...this.env, CLAIMDESK_WORKER_METRICS_PORT: '0', ...extraEnv, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // The last few kB of what it said, for the report when something does not come up.
    child.stderr?.on('data', (chunk) => this.stderrTails.set(name, ((this.stderrTails.get(name) ?? '') + String(chunk)).slice(-4_000)));
    this.children.set(name, child);
    return child;
  }

  stderrOf(name: string): string {
    return this.stderrTails.get(name) ?? '';
  }

  kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.children.get(name);
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.children.keys()].map((name) => this.kill(name, 'SIGTERM')));
  }
}
