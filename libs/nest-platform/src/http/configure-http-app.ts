import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from '@docscreen/observability';
import { ProblemFilter } from './problem.filter.js';
import { createValidationPipe } from './validation.pipe.js';

export interface HttpAppOptions {
  logger: Logger;
  title: string;
  description: string;
  version: string;
}

/** What every docscreen HTTP service shares: validation, one error shape, OpenAPI at /docs, clean shutdown. */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  app.enableShutdownHooks();
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
