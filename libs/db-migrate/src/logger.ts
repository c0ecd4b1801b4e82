/** The one thing this library needs from a logger; pino, Nest's Logger or a test spy all fit. */
export interface MigrationLogger {
  info(msg: string, fields?: object): void;
}

export const silentLogger: MigrationLogger = { info: () => undefined };
