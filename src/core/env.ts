/**
 * zod field types for environment variables, shared by the core's configuration (src/config.ts) and each
 * channel's own configuration schema (bots/<name>/config.ts). Empty values count as unset.
 */
import { z } from 'zod';

/** `true|false|1|0|yes|no`, empty = false. */
export const envBool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A trimmed string; empty or blank is undefined. */
export const envString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** An optional URL. */
export const envUrl = envString.pipe(z.url({ message: 'must be a URL such as http://127.0.0.1:9001' }).optional());

/** Messages per second a channel may send: 0 means unlimited. */
export const envRate = z.coerce.number().min(0, 'must be 0 (unlimited) or a positive number of messages per second');

/** One problem with the environment, named by its variable. */
export interface EnvIssue {
  variable: string;
  message: string;
}

/** A channel's configuration: its variables (a zod shape) and the checks that span several of them. */
export interface ChannelEnv<Shape extends z.ZodRawShape> {
  shape: Shape;
  /** Problems a combination of values makes (e.g. a provider chosen without its credentials). */
  check(env: z.infer<z.ZodObject<Shape>>): EnvIssue[];
}

/** Declare a channel's environment variables, and optionally the checks that span several of them. */
export function defineChannelEnv<Shape extends z.ZodRawShape>(
  shape: Shape,
  check: (env: z.infer<z.ZodObject<Shape>>) => EnvIssue[] = () => [],
): ChannelEnv<Shape> {
  return { shape, check };
}

/** The parsed values of a channel's variables. */
export type EnvOf<T> = T extends ChannelEnv<infer Shape> ? z.infer<z.ZodObject<Shape>> : never;
