import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './local-services';

// What `prisma migrate deploy` prints once every migration is applied and recorded.
const DONE = /All migrations have been successfully applied\.|No pending migrations to apply\./;
// After it, the JS-engine CLI lingers ~10 s on an idle pg pool timer (STACK.md): give it a moment to exit
// by itself, then end it. The work is committed by then; only the idle connection is dropped.
const LINGER_MS = 300;

/** Applies the committed migrations (`prisma migrate deploy`), streaming the CLI's output through `out`. */
export function runMigrations(
  databaseUrl: string,
  out: (line: string) => void = (line) => console.log(`[migrate] ${line}`),
): Promise<void> {
  const root = repoRoot();
  const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let succeeded = false;
    let timer: NodeJS.Timeout | undefined;
    const recent: string[] = [];
    const onOutput = (stream: NodeJS.ReadableStream) => {
      let partial = '';
      stream.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? '';
        lines.forEach(emit);
        // The last line may come without a newline, and the CLI then idles: do not wait for one.
        if (DONE.test(partial)) {
          emit(partial);
          partial = '';
        }
      });
      stream.on('end', () => partial && emit(partial));
    };
    const emit = (line: string) => {
      out(line);
      recent.push(line);
      if (recent.length > 30) recent.shift();
      if (!succeeded && DONE.test(line)) {
        succeeded = true;
        timer = setTimeout(() => child.kill('SIGTERM'), LINGER_MS);
      }
    };
    onOutput(child.stdout!);
    onOutput(child.stderr!);
    child.once('error', (err) => reject(new Error(`could not run the Prisma CLI (${cli}): ${err.message}`)));
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (succeeded || code === 0) return resolve();
      reject(
        new Error(
          `prisma migrate deploy failed (${signal ?? `exit code ${code}`}); the database was not migrated.\n` +
            recent
              .filter((l) => l.trim())
              .slice(-10)
              .join('\n'),
        ),
      );
    });
  });
}
