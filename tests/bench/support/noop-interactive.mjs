// The interactive benchmark's baseline: a NestJS (express) endpoint of the same shape as
// POST /v1/interactive — JSON body parsed, a directive answer returned — that does no work: no
// authentication, no archive, no broker, no screening. Plain JavaScript (no decorator transform), so
// the decorators are applied as the functions they are.
//
//   node tests/bench/support/noop-interactive.mjs <port>     prints "ready" when listening
import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

class NoopInteractiveController {
  check(body) {
    return {
      submissionId: null,
      correlationId: 'baseline',
      flightKey: 'XX0/2026-01-01',
      answeredBy: 'screening',
      directives: (body?.travellers ?? []).map((t) => ({
        travellerRef: t.travellerRef ?? '1',
        directive: 'board',
        reason: '',
        screeningId: null,
      })),
    };
  }
}
const check = Object.getOwnPropertyDescriptor(NoopInteractiveController.prototype, 'check');
Body()(NoopInteractiveController.prototype, 'check', 0);
HttpCode(200)(NoopInteractiveController.prototype, 'check', check);
Post()(NoopInteractiveController.prototype, 'check', check);
Controller('v1/interactive')(NoopInteractiveController);

class NoopModule {}
Module({ controllers: [NoopInteractiveController] })(NoopModule);

const app = await NestFactory.create(NoopModule, { logger: false });
await app.listen(Number(process.argv[2]), '127.0.0.1');
process.stdout.write('ready\n');
