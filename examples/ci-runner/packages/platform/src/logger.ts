import pino = require('pino');

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['req.headers.authorization', '*.token', '*.secret'],
});

export function childLogger(component: string): pino.Logger {
  return logger.child({ component });
}
