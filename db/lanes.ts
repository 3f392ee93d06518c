// In-process ordering: one key's work at a time (a person's messages, a contact's lock), other keys side by side.
/** Work queued per key runs one at a time, in the order it was queued; different keys run side by side. */
export function createLanes(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const lanes = new Map<string, Promise<unknown>>();
  return (key, work) => {
    const run = (lanes.get(key) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => undefined);
    lanes.set(key, settled);
    void settled.then(() => {
      if (lanes.get(key) === settled) lanes.delete(key);
    });
    return run;
  };
}
