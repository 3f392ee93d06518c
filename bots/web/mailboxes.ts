/** One web chat reply as the page receives it. */
export interface WebReply {
  text: string;
  quickReplies: string[];
}

/** Replies kept per session until the page collects them; older ones are dropped first. */
const MAILBOX_LIMIT = 50;
/** Sessions with uncollected replies kept in memory. */
const MAX_SESSIONS = 10_000;

/** Replies waiting for a web chat session (broadcasts, reminders), bounded in sessions and per session. */
export interface Mailboxes {
  deposit(session: string, reply: WebReply): void;
  /** Take (and forget) every reply waiting for a session, oldest first. */
  collect(session: string): WebReply[];
}

export function createMailboxes(): Mailboxes {
  const boxes = new Map<string, WebReply[]>();
  return {
    deposit(session, reply) {
      let box = boxes.get(session);
      if (!box) {
        if (boxes.size >= MAX_SESSIONS) {
          const oldest = boxes.keys().next().value;
          if (oldest !== undefined) boxes.delete(oldest);
        }
        box = [];
        boxes.set(session, box);
      }
      box.push(reply);
      if (box.length > MAILBOX_LIMIT) box.shift();
    },
    collect(session) {
      const box = boxes.get(session) ?? [];
      boxes.delete(session);
      return box;
    },
  };
}
