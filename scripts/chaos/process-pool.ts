import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The api and worker as real OS processes, so they can be SIGKILLed like in production. */
export class ProcessPool {
  private readonly children = new Map<string, ChildProcess>();

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
    child.stderr?.on('data', () => undefined);
    this.children.set(name, child);
    return child;
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
