/**
 * What the page keeps so that a run survives the death of its training worker: the last build
 * command's sources, schedule and backend, and a recent copy of the run's weights (exported on a
 * timer while the run moves), plus a heartbeat that notices a worker that no longer answers. A worker
 * that throws reports itself through its `error` event; one that was terminated or hangs says
 * nothing, so silence past `deadAfterMs` counts as death too.
 */
import type {
  BackendPreference,
  InitCommand,
  PingMessage,
  Schedule,
  Sources,
  TrainerCommand,
} from '../worker/protocol.ts';
import type { SerializedRun } from '../worker/serialize.ts';

export interface RecoveryOptions {
  /** How often a moving run's weights are copied to the page, to restart from. */
  checkpointMs: number;
  /** How often the worker is asked whether it is alive. */
  pingMs: number;
  /**
   * Silence after which the worker is presumed dead. Generous: one DCGAN step on the cpu backend
   * blocks the worker for ~30 s (BROWSER.md), and it cannot answer meanwhile.
   */
  deadAfterMs: number;
}

export const DEFAULT_RECOVERY: RecoveryOptions = { checkpointMs: 5_000, pingMs: 2_000, deadAfterMs: 90_000 };

/** Restarts allowed within RESTART_WINDOW_MS: a worker that dies on start would otherwise restart forever. */
export const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/** A run's copy whose arrays can be transferred without emptying the kept one. */
export function copyRun(run: SerializedRun): SerializedRun {
  return {
    ...run,
    config: { ...run.config },
    tensors: run.tensors.map((tensor) => ({ ...tensor, shape: [...tensor.shape], values: tensor.values.slice() })),
  };
}

export class Recovery {
  /** The latest weights seen from the worker, and how to rebuild its run. */
  saved?: SerializedRun;
  private sources: Sources = {};
  private schedule: Partial<Schedule> = {};
  private backend: BackendPreference = 'auto';
  private lastHeard = Date.now();
  private timers: ReturnType<typeof setInterval>[] = [];
  private restarts: number[] = [];
  private exporting = false;

  constructor(readonly options: RecoveryOptions) {}

  /** Notes what a command changes about how to rebuild the run; called for every command sent. */
  record(command: TrainerCommand): void {
    if (command.type === 'init' || command.type === 'reset') {
      this.sources = command.sources ?? this.sources;
      this.schedule = { ...this.schedule, ...command.schedule };
      this.backend = command.backend ?? this.backend;
      this.saved = undefined;
    }
    if (command.type === 'schedule') this.schedule = { ...this.schedule, ...command.schedule };
    if (command.type === 'importRun') this.saved = copyRun(command.run);
  }

  /** Any event from the worker proves it alive. */
  heard(): void {
    this.lastHeard = Date.now();
  }

  /**
   * Starts the heartbeat and the weight copies. `exportRun` is asked only when `moved` says the run
   * changed since the last copy.
   */
  start(hooks: {
    ping: (message: PingMessage) => void;
    dead: () => void;
    moved: (saved?: SerializedRun) => boolean;
    exportRun: () => Promise<SerializedRun>;
  }): void {
    this.stop();
    this.lastHeard = Date.now();
    let id = 0;
    this.timers.push(
      setInterval(() => {
        if (Date.now() - this.lastHeard > this.options.deadAfterMs) return hooks.dead();
        hooks.ping({ type: 'ping', id: id++ });
      }, this.options.pingMs),
      setInterval(() => {
        if (this.exporting || !hooks.moved(this.saved)) return;
        this.exporting = true;
        void hooks.exportRun().then(
          (run) => {
            this.saved = run;
            this.exporting = false;
          },
          () => {
            this.exporting = false;
          },
        );
      }, this.options.checkpointMs),
    );
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    // An export in flight when the worker died never answers.
    this.exporting = false;
  }

  /** Whether another restart is allowed now; counts this one. */
  allowRestart(now = Date.now()): boolean {
    this.restarts = [...this.restarts.filter((at) => now - at < RESTART_WINDOW_MS), now];
    return this.restarts.length <= MAX_RESTARTS;
  }

  /** The init command that rebuilds the run in a fresh worker. */
  initFor(base: Omit<InitCommand, 'sources' | 'schedule' | 'backend'>): InitCommand {
    return { ...base, sources: this.sources, schedule: this.schedule, backend: this.backend };
  }
}
