/**
 * The notices the page shows about its run, as data: what each is about, in the codes and numbers
 * the worker (or the page itself) reported. The page words them in its language
 * (src/i18n/reliability.ts describeNotice); switching the language rewords them.
 */
import type { Refusal } from '../gan/config.ts';
import type { UpdateNote } from '../gan/trainer.ts';
import type { DivergenceReport } from '../worker/divergence.ts';
import type { FailoverReport, WorkerProblem, WorkerWarning } from '../worker/protocol.ts';

/** Notices shown at once; older ones scroll away. */
export const MAX_NOTICES = 20;

/** Why the page restarted its worker: it stopped answering, or it crashed (`detail`: the browser's error text, where it gave one). */
export type RestartCause = { code: 'unresponsive' } | { code: 'crashed'; detail?: string };

/** A worker restarted by the page (src/client/recovery.ts), or given up on. */
export interface RestartNotice {
  cause: RestartCause;
  /** The iteration of the weights it continues from (0: none had been saved yet). */
  iteration: number;
  gaveUp?: boolean;
}

/**
 * A problem the page itself meets with its worker: the worker failed before its first run was
 * ready (`detail`: the browser's error text, where it gave one), or a restarted worker refused the
 * run it was to continue.
 */
export type PageProblem = { code: 'workerFailed'; detail?: string } | { code: 'restoreFailed'; problem: WorkerProblem };

/** What a notice is about, as the data the worker (or the page) reported. */
export type NoticeSubject =
  | { about: 'divergence'; divergence: DivergenceReport }
  | { about: 'restart'; restart: RestartNotice }
  /** The backend failed and the run moved to another (issue 9). */
  | { about: 'failover'; failover: FailoverReport }
  /** An error; memory running out names the settings to lower. */
  | { about: 'problem'; problem: WorkerProblem | PageProblem }
  /** A note on the backend choice, or a missing digit classifier. */
  | { about: 'warning'; warning: WorkerWarning }
  /** A live setting the worker refused. */
  | { about: 'refusal'; refusal: Refusal }
  /** What a live change did besides applying (an optimiser whose state starts from zero). */
  | { about: 'update'; update: UpdateNote };

export interface Notice {
  id: number;
  kind: 'warning' | 'error' | 'note';
  subject: NoticeSubject;
}
