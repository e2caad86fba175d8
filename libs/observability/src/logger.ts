import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { currentLogFields } from './request-context';

export type LogLevel = Level | 'silent';
export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  /** The process's name, on every line (`api`, `worker`). */
  name: string;
  level: LogLevel;
  /** Unset: pretty on a terminal, JSON lines otherwise. */
  format?: LogFormat;
  /** Where lines go; stdout when unset. Tests pass a stream to read the lines back. */
  destination?: DestinationStream;
}

/**
 * The root logger of a process: one JSON object per line (pino), or pino-pretty when asked or when
 * stdout is a terminal. Colours only on a terminal: a file or a collector never gets ANSI codes.
 * Every line written inside a request or a job carries that request's id (and the job's queue and
 * id) from the async context, without each caller passing them along.
 */
export function createLogger(options: LoggerOptions): Logger {
  const isTty = !options.destination && process.stdout.isTTY === true;
  const format = options.format ?? (isTty ? 'pretty' : 'json');
  // Silent (most tests): no stream on stdout at all, so nothing is left open when the app closes.
  const destination =
    options.level === 'silent'
      ? { write: () => undefined }
      : format === 'pretty'
        ? pretty({
            colorize: isTty,
            sync: true,
            destination: options.destination ?? 1,
            ignore: 'pid,hostname',
          })
        : (options.destination ?? pino.destination({ dest: 1, sync: false }));
  return pino(
    {
      name: options.name,
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => currentLogFields() ?? {},
    },
    destination,
  );
}

/** How a test or an entry point asks for an app's logs. */
export interface AppLogOptions {
  /** false: no log output at all (most tests). */
  logger?: false;
  /** Where the JSON lines go instead of stdout (a test reading them back). */
  logDestination?: DestinationStream;
}

/** The root logger of the api or the worker, from LOG_LEVEL, LOG_FORMAT and the app's options. */
export function appLogger(
  name: string,
  env: { LOG_LEVEL: LogLevel; LOG_FORMAT?: LogFormat },
  options: AppLogOptions,
): Logger {
  return createLogger({
    name,
    level: options.logger === false ? 'silent' : env.LOG_LEVEL,
    format: env.LOG_FORMAT,
    destination: options.logDestination,
  });
}
