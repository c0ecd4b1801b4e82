import type { INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from '@docscreen/observability';
import { ProblemFilter } from './problem.filter.js';
import { readRequestBodies, RequestBodyInterceptor, type RequestBodyOptions } from './request-bodies.js';
import { createValidationPipe } from './validation.pipe.js';

export interface HttpAppOptions {
  logger: Logger;
  title: string;
  description: string;
  version: string;
  /** Time given to in-flight work on SIGTERM/SIGINT before the process gives up and exits 1. */
  shutdownGraceMs: number;
  /** Body size limit and text media types; JSON only, body-parser's 100 KiB, when not given. */
  bodies?: RequestBodyOptions;
}

/**
 * What every docscreen HTTP service shares: request bodies read alike (415 for a media type a route
 * does not read, UTF-8 JSON), validation (control characters refused in every field), one error
 * shape, OpenAPI at /docs, clean shutdown. Call it before anything else reads a body.
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  exitCleanlyOnSignals(app, options);
  readRequestBodies(app, options.bodies);
  app.useGlobalInterceptors(new RequestBodyInterceptor(app.get(Reflector)));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter(options.logger));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion(options.version)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}

/**
 * On SIGTERM or SIGINT: stop taking work, let in-flight requests and events finish, commit consumer
 * offsets, flush telemetry (Nest's shutdown hooks), then exit 0 — or exit 1 if that takes longer than
 * the grace period. Nest's own `enableShutdownHooks` re-raises the signal, which orchestrators and tests
 * cannot tell from a crash.
 */
function exitCleanlyOnSignals(app: INestApplication, options: HttpAppOptions): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    options.logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      options.logger.error({ graceMs: options.shutdownGraceMs }, 'shutdown grace period exceeded');
      process.exit(1);
    }, options.shutdownGraceMs);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        options.logger.error({ error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
