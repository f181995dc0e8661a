/**
 * Asks `probe` every `intervalMs` until `done` holds for its answer, and returns that answer. Past
 * `timeoutMs` it throws the error `failure` makes of the last answer, so the error can say how far
 * things got. For waiting on what arrives over NATS, where nothing says when it has arrived.
 */
export async function pollUntil<T>(
  probe: () => Promise<T>,
  done: (answer: T) => boolean,
  failure: (last: T) => Error,
  { timeoutMs, intervalMs = 250 }: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (done(answer)) return answer;
    if (Date.now() > deadline) throw failure(answer);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
