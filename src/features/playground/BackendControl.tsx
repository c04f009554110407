import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import { describeBackendReason } from '../../i18n/backend.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { BACKEND_NAMES, type BackendPreference } from '../../worker/protocol.ts';
import { saveBackend } from './useTrainingClient.ts';

const backendOf = (s: TrainingState) => s.backend;
const preferenceOf = (s: TrainingState) => s.preference;
const phaseOf = (s: TrainingState) => s.phase;

const isPreference = (value: string): value is BackendPreference =>
  value === 'auto' || BACKEND_NAMES.some((name) => name === value);

/** The backend badge (what runs, and why) and the setting that forces one. */
export function BackendControl({ client }: { client: TrainingClient }) {
  const strings = useStrings();
  const t = strings.playground;
  const backend = useTraining(client, backendOf);
  const preference = useTraining(client, preferenceOf);
  const phase = useTraining(client, phaseOf);
  const adapter = backend?.adapter;
  const why =
    backend &&
    [
      describeBackendReason(backend.reason, strings.backend),
      adapter && `${adapter.vendor} ${adapter.architecture} ${adapter.description}`.trim(),
    ]
      .filter(Boolean)
      .join(' · ');
  const badge = phase === 'starting' ? t.choosingBackend : phase === 'failed' ? t.backendFailed : backend?.name;
  return (
    <div className="backend">
      <span className="backend-badge">
        {t.backend}:{' '}
        <output aria-label={t.backend} title={why}>
          {badge}
        </output>
      </span>
      {phase === 'ready' && why ? <small className="backend-why">{why}</small> : null}
      <label>
        {t.backendPreference}
        <select
          value={preference}
          disabled={phase === 'starting'}
          onChange={(event) => {
            const value = event.target.value;
            if (!isPreference(value)) return;
            saveBackend(value);
            client.setBackend(value);
          }}
        >
          <option value="auto">{t.backendAuto}</option>
          {BACKEND_NAMES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
