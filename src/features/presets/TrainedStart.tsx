import { useState } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import { defaultConfig, FIELD_NAMES, LIVE_FIELDS, type RunConfig } from '../../gan/config.ts';
import { PRESETS, type PresetId } from '../../gan/presets.ts';
import { fill } from '../../i18n/fill.ts';
import { formatSettingValue } from '../../i18n/format.ts';
import { describeProblem } from '../../i18n/reliability.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import type { Playground } from '../controls/usePlayground.ts';
import { describeImportRefusal } from '../share/runRefusal.ts';
import type { TrainedModelRefusal } from './trainedModel.ts';
import { fetchTrainedModel, hasTrainedModel } from './trainedModels.ts';
import './presets.css';

type Strings = ReturnType<typeof useStrings>;

/** A refusal in the page's language: the model file's own reasons, or a weights file's (runRefusal.ts). */
function describeModelRefusal(refusal: TrainedModelRefusal, strings: Strings): string {
  const own = strings.presets.trained.refusals;
  if (Object.hasOwn(own, refusal.code)) return fill(own[refusal.code as keyof typeof own], refusal as never);
  return describeImportRefusal(refusal as Parameters<typeof describeImportRefusal>[0], strings.share);
}

/**
 * The live settings the model was trained with where the run's differ (the manifest's configuration
 * is the training one: mnistDefault and dcganMnist train longer at lower rates than the presets'
 * class-time ones): the run goes on with them, as a fresh optimiser at the preset's higher rate
 * jolts a trained G (DCGAN's score 8.0 → 6.4 within 140 iterations at 3e-3, back to 7.5 by 770).
 */
function trainedSettings(model: RunConfig, run: RunConfig): Partial<Record<keyof RunConfig, unknown>> {
  return Object.fromEntries(
    LIVE_FIELDS.filter((field) => model[field] !== run[field]).map((field) => [field, model[field]]),
  );
}

interface Note {
  say: (strings: Strings) => string;
  problem: boolean;
}

/**
 * "Start from trained weights", beside the Preset menu for a preset that ships a trained model: the
 * preset loads paused (unless the run already has its settings), its model (trainedModels.ts) replaces G's and D's weights through the same
 * path as "Import PyTorch weights" (weightsIntoRun, then importRun), the iteration carried and the
 * optimisers fresh. A model that is missing, damaged or no longer fits the preset's networks is
 * refused with its reason, and the preset's fresh run stays.
 */
export function TrainedStart({ client, playground }: { client: TrainingClient; playground: Playground }) {
  const strings = useStrings();
  const t = strings.presets.trained;
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState(false);
  const preset = playground.preset;
  if (!preset || !hasTrainedModel(preset)) return null;

  const start = async (id: PresetId) => {
    setBusy(true);
    setNote({ say: (s) => s.presets.trained.loading, problem: false });
    const began = performance.now();
    const refused = (reason: (s: Strings) => string) =>
      setNote({ say: (s) => fill(s.presets.trained.refused, { preset: id, reason: reason(s) }), problem: true });
    try {
      const base = new URL(import.meta.env.BASE_URL, window.location.href);
      const [model, current, { weightsIntoRun }] = await Promise.all([
        fetchTrainedModel(id, base),
        client.exportRun(),
        import('../share/pytorchWeights.ts'),
      ]);
      if (!model.ok) return refused((s) => describeModelRefusal(model.refusal, s));
      // A run with the preset's settings as they are (the preset was just chosen) takes the weights
      // at once: one rebuild of the worker's run instead of two. Any other loads the preset first.
      const preset = { ...defaultConfig(), ...PRESETS[id].config } as RunConfig;
      const asPreset = FIELD_NAMES.every((field) => current.config[field] === preset[field]);
      if (!asPreset) playground.loadPreset(id, { play: false });
      const merged = weightsIntoRun(model.weights, asPreset ? current : await client.exportRun());
      if (!merged.ok) return refused((s) => describeModelRefusal(merged.refusal, s));
      const problem = await client.importRun(merged.run, []);
      if (problem) return refused((s) => describeProblem(problem, s.reliability));
      const patch = trainedSettings(model.weights.config, merged.run.config);
      const { applied } = Object.keys(patch).length > 0 ? await client.update(patch) : { applied: [] };
      const seconds = ((performance.now() - began) / 1000).toFixed(1);
      setNote({
        say: (s) => {
          const loaded = fill(s.presets.trained.loaded, { iteration: merged.run.iteration, seconds });
          if (applied.length === 0) return loaded;
          const settings = applied
            .map(({ field, to }) => `${s.controls.fields[field]} ${formatSettingValue(to)}`)
            .join(', ');
          return `${loaded} ${fill(s.presets.trained.settings, { settings })}`;
        },
        problem: false,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="trained-start">
      <button type="button" title={t.hint} disabled={busy} onClick={() => void start(preset)}>
        {t.start}
      </button>
      {note ? (
        <p className={note.problem ? 'trained-note problem' : 'trained-note'} role={note.problem ? 'alert' : 'status'}>
          {note.say(strings)}
        </p>
      ) : null}
    </div>
  );
}
