/**
 * Every message between the page and the training worker, as two discriminated unions tagged by
 * `type` (comlink's and tldraw's protocol files are the model). Switches over them are exhaustive
 * (`unreachable`), payloads are never cast, and float arrays travel as transferables.
 */
import type { RunConfig } from '../gan/config.ts';
import type { Evaluation, StepTarget, UpdateResult } from '../gan/trainer.ts';
import type { ClassifierMetrics } from '../gan/metrics/classifier.ts';
import type { StatPoint } from '../gan/stats.ts';
import type { TheoryView } from '../gan/theory/theory.ts';
import type { SerializedRun } from './serialize.ts';
import type { DivergenceReport } from './divergence.ts';
import { type LatentQuery, type LatentReply, queryBuffers } from './latent-answers.ts';
import { type IterationTrace, traceBuffers } from '../gan/trace-shape.ts';
import type {
  AdapterInfo,
  BackendName,
  BackendPreference,
  BackendReason,
  CandidateReport,
  FailoverReport,
  Floats,
  LiveMarker,
  RealSamples,
  Schedule,
  Sources,
  WorkerProblem,
  WorkerWarning,
} from './payloads.ts';

export { BACKEND_NAMES, DEFAULT_SCHEDULE } from './payloads.ts';
export type {
  AdapterInfo,
  BackendFailure,
  BackendName,
  BackendNote,
  BackendPreference,
  BackendReason,
  BackendWarning,
  CandidateReport,
  FailoverReport,
  Floats,
  GradientCheckName,
  LiveMarker,
  MemoryAdvice,
  MemorySetting,
  RealSamples,
  RunMismatch,
  Schedule,
  Sources,
  WorkerProblem,
  WorkerWarning,
} from './payloads.ts';

/** Bumped whenever a message changes shape; the worker refuses an init from another version. */
export const PROTOCOL_VERSION = 6;

// ─── Commands: page → worker ────────────────────────────────────────────────────────────────────

export interface InitCommand {
  type: 'init';
  version: number;
  config: RunConfig;
  sources?: Sources;
  backend: BackendPreference;
  schedule?: Partial<Schedule>;
}

/** Rebuilds the run (new weights); `backend` changes the preference, else the current one holds. */
export interface ResetCommand {
  type: 'reset';
  config: RunConfig;
  sources?: Sources;
  backend?: BackendPreference;
  /** Changes to the schedule; the rest stays as it was. */
  schedule?: Partial<Schedule>;
}

/** Trains until paused; `speed` caps iterations per second (slow motion), absent = as fast as it goes. */
export interface PlayCommand {
  type: 'play';
  speed?: number;
}

export interface StepCommand {
  type: 'step';
  /** Iterations to run, then pause. */
  count: number;
  which: StepTarget;
}

/** Live settings; fields that need a reset are refused in the `updated` reply. */
export interface UpdateCommand {
  type: 'update';
  requestId: number;
  patch: Partial<Record<keyof RunConfig, unknown>>;
}

/**
 * G(z, c) in inference mode for the given noise, [n × latentSize]; `labels` picks each sample's label
 * (CGAN) or categorical code value (InfoGAN), else they cycle through the values.
 */
export interface SampleCommand {
  type: 'sample';
  requestId: number;
  latent: Floats;
  labels?: Int32Array<ArrayBuffer>;
}

/**
 * Measures the training loop without the worker's loop around it (scripts/bench/worker.ts):
 * `trainer` runs Trainer.step back to back; `bare` runs the same model in plain tfjs.
 */
export interface BenchmarkCommand {
  type: 'benchmark';
  requestId: number;
  mode: 'bare' | 'trainer';
  seconds: number;
}

/** Asks for the run's weights, optimiser state, configuration and iteration (src/worker/serialize.ts). */
export interface ExportRunCommand {
  type: 'exportRun';
  requestId: number;
}

/** Rebuilds the run from a saved one; a run that does not fit its model leaves the current run as it was. */
export interface ImportRunCommand {
  type: 'importRun';
  requestId: number;
  run: SerializedRun;
}

/** A question for the latent-space explorer (src/worker/latent-answers.ts), answered between training chunks. */
export interface LatentCommand {
  type: 'latent';
  requestId: number;
  query: LatentQuery;
}

/**
 * One iteration in slow motion (src/gan/trace.ts): the run pauses, trains exactly one iteration while
 * recording its sub-steps, and settles as after a Step; the `trace` event answers.
 */
/** Changes to how often the worker does each kind of work (the rest stays as it was), without a rebuild. */
export interface ScheduleCommand {
  type: 'schedule';
  schedule: Partial<Schedule>;
}

export interface TraceCommand {
  type: 'trace';
  requestId: number;
}

export type TrainerCommand =
  | InitCommand
  | ResetCommand
  | PlayCommand
  | { type: 'pause' }
  | StepCommand
  | UpdateCommand
  | SampleCommand
  | BenchmarkCommand
  | ExportRunCommand
  | ImportRunCommand
  | LatentCommand
  | TraceCommand
  | ScheduleCommand
  | { type: 'dispose' };

// ─── Events: worker → page ──────────────────────────────────────────────────────────────────────

export interface ReadyEvent {
  type: 'ready';
  version: number;
  backend: BackendName;
  /** Why this backend won, for the badge's note. */
  reason: BackendReason;
  adapter?: AdapterInfo;
  candidates: CandidateReport[];
  config: RunConfig;
  /** Whether the model has a 2D view. */
  planar: boolean;
  /** A few real images (image datasets), in label order where the data has labels, to show next to G's. */
  real?: RealSamples;
}

export interface StatsEvent {
  type: 'stats';
  points: StatPoint[];
  markers: LiveMarker[];
}

export interface SamplesEvent {
  type: 'samples';
  iteration: number;
  /** Set when answering a `sample` command; absent for the fixed-noise samples. */
  requestId?: number;
  count: number;
  /** Values per sample: 2 for points, height·width·channels for images. */
  dimension: number;
  imageShape?: [number, number, number];
  values: Floats;
}

export interface PlaneEvent {
  type: 'plane';
  iteration: number;
  radius: number;
  resolution: number;
  discriminator: Floats;
  /** The objective's reading of `discriminator`: a probability, or a raw score. */
  output: 'probability' | 'score';
  real: Floats;
  fake: Floats;
  descent: Floats;
  manifold: Floats;
  latticeRows: number;
  latticeCols: number;
  /** D*, JS, V(D, G), the critic's Lipschitz constant and the transport (src/gan/theory), where the data's density is known. */
  theory?: TheoryView;
}

export type RunState = 'paused' | 'playing' | 'stepping';

export interface StatusEvent {
  type: 'status';
  state: RunState;
  iteration: number;
  /** Measured over the last stats period while playing; 0 when paused. */
  iterationsPerSecond: number;
  /** tf.memory().numTensors in the worker, at a point where no step is in flight. */
  tensors: number;
}

export interface MetricsEvent {
  type: 'metrics';
  evaluation: Evaluation;
  /** The digit classifier's reading of G's samples (MNIST), where the classifier could be loaded. */
  classifier?: ClassifierMetrics;
}

export interface UpdatedEvent extends UpdateResult {
  type: 'updated';
  requestId: number;
  /** The first iteration that runs with the new settings. */
  iteration: number;
}

export interface BenchmarkEvent {
  type: 'benchmark';
  requestId: number;
  mode: BenchmarkCommand['mode'];
  iterations: number;
  milliseconds: number;
}

export interface WarningEvent {
  type: 'warning';
  warning: WorkerWarning;
}

/** Training produced NaN or ±∞: the run is paused and rolled back to its last finite state (src/worker/divergence.ts). */
export interface DivergedEvent {
  type: 'diverged';
  report: DivergenceReport;
}

/** The answer to a `ping` (see isPing): the worker's message loop is alive (src/client/recovery.ts). */
export interface PongEvent {
  type: 'pong';
  id: number;
}

export interface ErrorEvent {
  type: 'error';
  /** What went wrong, for the page to word (memory running out names the settings to lower). */
  problem: WorkerProblem;
  /** The command being handled when it happened. */
  during: TrainerCommand['type'] | 'loop';
}

/** The backend failed; the run goes on on another one from its last good weights, in the same play state. */
export interface FailoverEvent {
  type: 'failover';
  report: FailoverReport;
}

export interface RunExportedEvent {
  type: 'runExported';
  requestId: number;
  run: SerializedRun;
}

/** The answer to importRun: no error means the saved run is now the current one. */
export interface RunImportedEvent {
  type: 'runImported';
  requestId: number;
  error?: WorkerProblem;
}

/** The explorer's answer, or why there is none: a bad query is reported to its asker and training goes on. */
export interface LatentAnswerEvent extends LatentReply {
  type: 'latentAnswer';
  requestId: number;
}

/** The traced iteration, or why there is none (the run is then where it was). */
export interface TraceEvent {
  type: 'trace';
  requestId: number;
  trace?: IterationTrace;
  error?: WorkerProblem;
}

export type TrainerEvent =
  | ReadyEvent
  | StatsEvent
  | SamplesEvent
  | PlaneEvent
  | StatusEvent
  | MetricsEvent
  | UpdatedEvent
  | BenchmarkEvent
  | RunExportedEvent
  | RunImportedEvent
  | LatentAnswerEvent
  | TraceEvent
  | WarningEvent
  | DivergedEvent
  | FailoverEvent
  | PongEvent
  | ErrorEvent;

/** The buffers of an event or command to transfer rather than copy. */
export function transferables(message: TrainerCommand | TrainerEvent): Transferable[] {
  switch (message.type) {
    case 'samples':
      return [message.values.buffer];
    case 'plane':
      return [
        message.discriminator.buffer,
        message.real.buffer,
        message.fake.buffer,
        message.descent.buffer,
        message.manifold.buffer,
        ...(message.theory ? theoryBuffers(message.theory) : []),
      ];
    case 'sample':
      return message.labels ? [message.latent.buffer, message.labels.buffer] : [message.latent.buffer];
    case 'latent':
      return queryBuffers(message.query);
    case 'latentAnswer':
      return message.answer ? [message.answer.values.buffer] : [];
    case 'trace':
      return 'trace' in message && message.trace ? traceBuffers(message.trace) : [];
    case 'exportRun':
    case 'runImported':
      return [];
    case 'importRun':
    case 'runExported':
      return message.run.tensors.map((tensor) => tensor.values.buffer);
    case 'init':
    case 'reset':
    case 'play':
    case 'pause':
    case 'step':
    case 'update':
    case 'benchmark':
    case 'schedule':
    case 'dispose':
    case 'ready':
    case 'stats':
    case 'status':
    case 'metrics':
    case 'updated':
    case 'warning':
    case 'diverged':
    case 'failover':
    case 'pong':
    case 'error':
      return [];
    default:
      return unreachable(message);
  }
}

function theoryBuffers({ optimal, transport }: TheoryView): ArrayBuffer[] {
  return transport
    ? [optimal.buffer, transport.real.buffer, transport.fake.buffer, transport.assignment.buffer]
    : [optimal.buffer];
}

/** Every command type once; a Record over the union fails to compile when one is missing. */
const COMMAND_TYPES: Record<TrainerCommand['type'], true> = {
  init: true,
  reset: true,
  play: true,
  pause: true,
  step: true,
  update: true,
  sample: true,
  benchmark: true,
  exportRun: true,
  importRun: true,
  latent: true,
  trace: true,
  schedule: true,
  dispose: true,
};

/**
 * Tells a command from anything else that arrives on the port (the session validates its fields).
 * An own key of the table: `in` would also accept what every object inherits ('toString', 'constructor').
 */
export function isCommand(value: unknown): value is TrainerCommand {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    typeof value.type === 'string' &&
    Object.hasOwn(COMMAND_TYPES, value.type)
  );
}

/**
 * A liveness probe, answered by the worker's message listener itself rather than queued behind the
 * session's commands, so a long command does not look like a dead worker. Not a TrainerCommand: the
 * session never sees it.
 */
export interface PingMessage {
  type: 'ping';
  id: number;
}

export function isPing(value: unknown): value is PingMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    value.type === 'ping' &&
    'id' in value &&
    typeof value.id === 'number'
  );
}

/** Compile-time exhaustiveness: a switch that misses a member fails to type-check here. */
export function unreachable(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}

/** Epoch milliseconds with sub-millisecond precision, comparable between the page and the worker. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
