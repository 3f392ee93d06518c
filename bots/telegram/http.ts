import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { HttpError } from '../../src/http/errors.ts';

/** Compare two secrets in constant time (hashing first so that the length does not leak either). */
export function secretsEqual(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** express.json with a size limit whose failures become HttpErrors (400 malformed, 413 too large). */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: true, type: () => true });
  return (req, res, next) => {
    parse(req, res, (err?: unknown) => next(err === undefined ? undefined : toHttpError(err)));
  };
}

function toHttpError(err: unknown): unknown {
  const type = (err as { type?: unknown }).type;
  if (type === 'entity.too.large') return new HttpError(413, 'body too large');
  if (type === 'entity.parse.failed') return new HttpError(400, 'malformed JSON body');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new HttpError(415, 'unsupported encoding');
  return err;
}
