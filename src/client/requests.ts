/**
 * Requests to the worker and their answers, matched by id: each request gets the next id, the
 * worker's answer carries it back, and the promise made for it resolves with the answer. One helper
 * for every kind of request (samples, live updates, exports, imports, latent questions, benchmarks).
 */
export class Requests<T> {
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: T) => void>();

  /** Sends a request with a fresh id; resolves with the answer that carries that id back. */
  ask(send: (requestId: number) => void): Promise<T> {
    const requestId = this.nextId++;
    return new Promise<T>((resolve) => {
      this.waiting.set(requestId, resolve);
      send(requestId);
    });
  }

  /** Resolves the request with `requestId`; false when none waits for it. */
  answer(requestId: number, answer: T): boolean {
    const resolve = this.waiting.get(requestId);
    if (!resolve) return false;
    this.waiting.delete(requestId);
    resolve(answer);
    return true;
  }
}
