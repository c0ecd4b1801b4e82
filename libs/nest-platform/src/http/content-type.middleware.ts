import { UnsupportedMediaTypeException, type NestMiddleware } from '@nestjs/common';

interface RequestLike {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * 415 for a request body in a media type the route does not read. Runs before body parsing and
 * validation, so a carrier that sends XML is told that, not that its "JSON" is invalid.
 */
export function requireContentType(...accepted: string[]): new () => NestMiddleware {
  return class RequireContentTypeMiddleware implements NestMiddleware {
    use(request: RequestLike, _response: unknown, next: (error?: unknown) => void): void {
      if (!['POST', 'PUT', 'PATCH'].includes(request.method)) return next();
      const header = request.headers['content-type'];
      const mediaType = (typeof header === 'string' ? header : '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (accepted.includes(mediaType)) return next();
      next(
        new UnsupportedMediaTypeException(
          `Content-Type ${mediaType ? `"${mediaType}"` : '(none)'} is not accepted here; send ${accepted.join(' or ')}`,
        ),
      );
    }
  };
}
