import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BadRequestException,
  Injectable,
  UnsupportedMediaTypeException,
  type CallHandler,
  type ExecutionContext,
  type HttpException,
  type INestApplication,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';

// How every service reads request bodies. A body is read once by the parser of its media type, and
// judged only once its route is known: a route reads the media types it declares with @ApiConsumes
// (what OpenAPI documents), JSON when it declares none; anything else is 415 — also when the body is
// not even valid JSON, so a CSV sent as application/json is told its media type is wrong, not that
// its "JSON" is broken. JSON must be UTF-8 (RFC 8259): other bytes are 400, never stored as U+FFFD.

export interface RequestBodyOptions {
  /** Largest body read, in bytes; body-parser's 100 KiB when not set. Over it: 413 naming both. */
  limitBytes?: number;
  /** Text media types (besides JSON) read into a string, e.g. the gateway's PAXLST. */
  textTypes?: string[];
}

const BODY_ERROR = Symbol('docscreen.bodyError');

/** A request as the parsers leave it: the bytes as received, and a body error kept for its route. */
interface BodyRequest extends IncomingMessage {
  rawBody?: Buffer;
  [BODY_ERROR]?: HttpException;
}

/** Where @nestjs/swagger's @ApiConsumes keeps a route's media types. */
const API_CONSUMES = 'swagger/apiConsumes';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function mediaTypeOf(header: string | string[] | undefined): string {
  return ((typeof header === 'string' ? header : '').split(';')[0] ?? '').trim().toLowerCase();
}

function hasBody(request: IncomingMessage): boolean {
  const length = Number(request.headers['content-length'] ?? 0);
  return request.headers['transfer-encoding'] !== undefined || length > 0;
}

const keepRawBody = (request: BodyRequest, _response: ServerResponse, body: Buffer): void => {
  request.rawBody = body;
};

/** `Unexpected token … in JSON at position 17` without the quoted body V8 adds (it may hold names). */
function jsonSyntaxProblem(error: { message?: unknown }): string {
  const position = /position (\d+)/.exec(String(error.message ?? ''))?.[1];
  return position === undefined
    ? 'the body is not valid JSON'
    : `the body is not valid JSON: the error is at character ${Number(position) + 1}`;
}

/**
 * Registers the body parsers (JSON, and `textTypes`), before Nest's own, which it then leaves out.
 * The raw bytes are kept on `request.rawBody` (the gateway archives them as received).
 */
export function readRequestBodies(app: INestApplication, options: RequestBodyOptions = {}): void {
  const express = app as NestExpressApplication;
  const limit = options.limitBytes;
  express.useBodyParser('json', { ...(limit ? { limit } : {}), verify: keepRawBody });
  if (options.textTypes?.length) {
    express.useBodyParser('text', {
      type: options.textTypes,
      ...(limit ? { limit } : {}),
      verify: keepRawBody,
    });
  }
  // A JSON body that does not parse waits for its route: the route's media types are checked first.
  express.use(
    (error: unknown, request: BodyRequest, _response: ServerResponse, next: (error?: unknown) => void) => {
      const type = (error as { type?: unknown } | null)?.type;
      if (type !== 'entity.parse.failed') return next(error);
      request[BODY_ERROR] = new BadRequestException(jsonSyntaxProblem(error as { message?: unknown }));
      next();
    },
  );
  express.use((request: BodyRequest, _response: ServerResponse, next: () => void) => {
    const raw = request.rawBody;
    if (raw && mediaTypeOf(request.headers['content-type']) === 'application/json' && !isUtf8(raw)) {
      request[BODY_ERROR] = new BadRequestException(
        `the body is not valid UTF-8 (at byte ${firstInvalidByte(raw) + 1}); JSON is read as UTF-8 only`,
      );
    }
    next();
  });
}

/** Offset of the first byte that does not start (or continue) a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Buffer): number {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] ?? 0;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0 || !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return 0;
}

/**
 * 415 for a body in a media type its route does not read (its @ApiConsumes, or JSON), then the
 * body's own error (400: not JSON, not UTF-8) — after authentication, before validation.
 */
@Injectable()
export class RequestBodyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<BodyRequest>();
    if (BODY_METHODS.has(request.method ?? '') && hasBody(request)) {
      const accepted = this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, [
        context.getHandler(),
        context.getClass(),
      ]) ?? ['application/json'];
      const mediaType = mediaTypeOf(request.headers['content-type']);
      if (!accepted.includes(mediaType)) {
        throw new UnsupportedMediaTypeException({
          message: `Content-Type ${mediaType ? `"${mediaType}"` : '(none)'} is not accepted here; send ${accepted.join(' or ')}`,
          accepted,
        });
      }
    }
    const error = request[BODY_ERROR];
    if (error) throw error;
    return next.handle();
  }
}
