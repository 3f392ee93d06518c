import type { FaqAnswer } from './answer.ts';
import type { FaqIndex } from './search-index.ts';

/**
 * A FaqAnswer as it crosses from an answer worker to the event loop: entries by id, so that the receiving side
 * answers with its own knowledge-base objects (the same index, built from the same files) and nothing larger than
 * the ids and texts is copied between threads.
 */
export interface WireAnswer {
  topic: FaqAnswer['topic'];
  entryId: string | null;
  confidence: number;
  answer: string;
  alternatives: FaqAnswer['alternatives'];
  kind: FaqAnswer['kind'];
  parts: { entryId: string; lead?: string }[];
  clarify: FaqAnswer['clarify'];
}

export function toWire(a: FaqAnswer): WireAnswer {
  return {
    topic: a.topic,
    entryId: a.entryId,
    confidence: a.confidence,
    answer: a.answer,
    alternatives: a.alternatives,
    kind: a.kind,
    parts: a.parts.map((p) => (p.lead === undefined ? { entryId: p.entry.id } : { entryId: p.entry.id, lead: p.lead })),
    clarify: a.clarify,
  };
}

/** The answer with this index's entries, or null when an id is not in it (a worker on other files: not used). */
export function fromWire(index: FaqIndex, w: WireAnswer): FaqAnswer | null {
  const entry = w.entryId === null ? null : (index.entries.get(w.entryId) ?? undefined);
  if (entry === undefined) return null;
  const parts: FaqAnswer['parts'] = [];
  for (const p of w.parts) {
    const e = index.entries.get(p.entryId);
    if (!e) return null;
    parts.push(p.lead === undefined ? { entry: e } : { entry: e, lead: p.lead });
  }
  return { ...w, entry, parts };
}
