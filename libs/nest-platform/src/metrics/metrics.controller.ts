import { Controller, Get, Req, Res } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentTelemetry } from '@docscreen/observability';

/** Prometheus scrape endpoint, served on the service's own HTTP port. */
@Controller('metrics')
export class MetricsController {
  @Get()
  scrape(@Req() request: IncomingMessage, @Res() response: ServerResponse): void {
    const telemetry = currentTelemetry();
    if (!telemetry) {
      response.statusCode = 503;
      response.end('# telemetry not started: run the service with --import ./dist/instrument.js\n');
      return;
    }
    telemetry.prometheus.getMetricsRequestHandler(request, response);
  }
}
