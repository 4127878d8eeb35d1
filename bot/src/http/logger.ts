/**
 * Structured JSON logs (pino). Secrets and tokens never reach the log: the authorization header and
 * anything called secret are redacted.
 */
import pino, { type Logger } from 'pino';

/** The service's root logger. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'guichet' },
    redact: {
      paths: ['req.headers.authorization', '*.clientSecret', '*.secret', '*.password'],
      censor: '[masqué]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
