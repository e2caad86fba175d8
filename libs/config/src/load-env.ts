import { envSchema, type Env } from './env.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; a wrong or missing variable throws with every bad variable named. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const message = issue.code === 'invalid_type' && cleaned[name] === undefined ? 'is required' : issue.message;
      return `${name} ${message}`;
    }),
  );
}

/** For a process entry point: the validated env, or a message naming each bad variable and exit 2. */
export function loadEnvOrExit(processName: string, source: NodeJS.ProcessEnv = process.env): Env {
  try {
    return loadEnv(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`claimdesk ${processName}: ${error.message}`);
    process.exit(2);
  }
}
