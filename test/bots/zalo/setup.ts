/** The Zalo channel's test data: the app's credentials, the named person's Zalo id, captured payloads. */
import { readFileSync } from 'node:fs';
import { PEOPLE } from '../../support/seed.ts';

/** A captured payload from test/fixtures/zalo/ as raw text: the signature covers the exact bytes. */
export const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/zalo/${name}.json`, import.meta.url), 'utf8');

export const APP_ID = '1234567890123456789';
export const APP_SECRET = 'app-secret-XYZ987abc';
export const OA_SECRET = 'oa-secret-key-ABCdef123';
export const USER_ID = PEOPLE.lan.zaloId;
export const USER = `zalo:${USER_ID}` as const;
export const KEYS = { appId: APP_ID, oaSecretKey: OA_SECRET };
