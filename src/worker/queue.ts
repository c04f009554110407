/**
 * The order in which the session's work runs: commands one at a time in arrival order on a promise
 * chain, the training loop's chunks on the same chain between them, and questions (`sample`,
 * `latent`) beside it. A question is answered as soon as it arrives, between two chunks, waiting only
 * for the last command that rebuilds the run (issue 6: answers within 100 ms while training); a
 * rebuild waits for the questions being answered before it frees the trainer (`quiet`).
 */
export class WorkQueue {
  private tail: Promise<void> = Promise.resolve();
  /** The last rebuild queued: questions wait for it. */
  private rebuilt: Promise<void> = Promise.resolve();
  /** Questions being answered. */
  private readonly questions = new Set<Promise<void>>();

  /**
   * Runs `work` after everything queued before it; an error goes to `failed` and the queue goes on.
   * `rebuild`: questions asked after this wait for it.
   */
  push(work: () => Promise<void> | void, failed: (error: unknown) => void, rebuild = false): Promise<void> {
    this.tail = this.tail.then(work).catch(failed);
    if (rebuild) this.rebuilt = this.tail;
    return this.tail;
  }

  /** Answers a question ahead of the queue, behind the last rebuild only. */
  ask(work: () => Promise<void>, failed: (error: unknown) => void): Promise<void> {
    // Counted once started: a rebuild that this question waits for must not wait for it in turn.
    return this.rebuilt
      .then(() => {
        const answer = work();
        this.questions.add(answer);
        return answer.finally(() => this.questions.delete(answer));
      })
      .catch(failed);
  }

  /**
   * Replaces the queue with a rebuild made from it (a failover, which decides itself how long to
   * wait for the work before it): everything queued after it, questions included, waits for it.
   */
  takeOver(rebuild: (before: Promise<void>) => Promise<void>): void {
    this.tail = rebuild(this.tail);
    this.rebuilt = this.tail;
  }

  /** Waits for the questions being answered, so that none uses a tensor. */
  quiet(): Promise<unknown> {
    return Promise.all(this.questions);
  }

  /** Stops waiting for the questions in flight: after a backend failure they may never finish. */
  forget(): void {
    this.questions.clear();
  }
}
