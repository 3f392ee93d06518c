import express, { type Application } from 'express';
import { z } from 'zod';
import { measureSms, prepareSms } from '../../text/sms.ts';
import { HttpError } from '../errors.ts';
import { documentedRoute } from './openapi.ts';
import type { GuardDeps } from './route.ts';

const MeasureBody = z.object({ text: z.string().max(4000), keepDiacritics: z.boolean().optional() }).strict();
const Measure = z.object({ encoding: z.enum(['GSM-7', 'UCS-2']), segments: z.number(), characters: z.number() });
const MeasureAnswer = z.object({
  sms: Measure.extend({ text: z.string().describe('the text as the SMS channel will send it (unaccented unless keepDiacritics)') }),
  asWritten: Measure.describe('the text exactly as typed'),
});

/**
 * What a text costs as SMS while someone types it: the text the SMS channel would send, its encoding and segments
 * (Twilio's sms-segments-calculator), beside the text as written. Pure: nothing is stored.
 */
export function mountSmsMeasureRoute(app: Application, deps: GuardDeps): void {
  documentedRoute(
    app,
    deps,
    { method: 'post', path: '/admin/sms/measure', summary: 'SMS encoding and segments of a text, as sent and as written', body: MeasureBody, response: MeasureAnswer },
    'broadcasts.write',
    express.json({ limit: '32kb' }),
    (req, res) => {
      const body = MeasureBody.safeParse(req.body);
      if (!body.success) throw new HttpError(400, 'body must be {"text": "…"} (at most 4,000 characters)');
      const text = body.data.text.normalize('NFC');
      const sent = prepareSms(text, { keepDiacritics: body.data.keepDiacritics ?? false });
      const written = measureSms(text);
      res.json({
        sms: { text: sent.text, encoding: sent.encoding, segments: sent.segments, characters: [...sent.text].length },
        asWritten: { ...written, characters: [...text].length },
      });
    },
  );
}
