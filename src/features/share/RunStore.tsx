import { useCallback, useEffect, useState } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { download, downloadText } from './download.ts';
import { decodeRunFile, encodeRunFile, type Loaded, runFileSizeProblem, statsCsv } from './runFile.ts';
import { samplesPng } from './samplePng.ts';
import { generatorModel } from './tfjsModel.ts';
import { deleteRun, listRuns, loadRun, saveRun, type SavedRunInfo } from './savedRuns.ts';

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Saved runs in this browser, and the run as files: JSON (re-importable by drag and drop) and chart CSV. */
export function RunStore({ client }: { client: TrainingClient }) {
  const t = useStrings().share;
  const [runs, setRuns] = useState<SavedRunInfo[]>([]);
  const [message, setMessage] = useState<{ text: string; problem: boolean }>();
  const [dragging, setDragging] = useState(false);

  const refresh = useCallback(() => listRuns().then(setRuns, (error: unknown) => setMessage({ text: `${t.storageFailed} ${String(error)}`, problem: true })), [t]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const current = async () => ({ snapshot: await client.exportRun(), stats: [...client.getSnapshot().stats] });

  const save = async () => {
    const run = await current();
    const { config, iteration } = run.snapshot;
    await saveRun(`${config.dataset} · ${config.objective} · ${config.architecture}`, run);
    setMessage({ text: t.saved.replace('{iteration}', String(iteration)), problem: false });
    await refresh();
  };

  /** Continues a checked run; the worker refuses one that does not fit its model, and then nothing changes. */
  const continueRun = async (loaded: Loaded, source: string) => {
    const refuse = (reason: string) => setMessage({ text: t.loadRefused.replace('{source}', source).replace('{reason}', reason), problem: true });
    if (!loaded.ok) return refuse(loaded.error);
    const error = await client.importRun(loaded.run.snapshot, loaded.run.stats);
    if (error) return refuse(error);
    setMessage({ text: t.loaded.replace('{source}', source).replace('{iteration}', String(loaded.run.snapshot.iteration)), problem: false });
  };

  /** A dropped or picked file: its size is checked before it is read, then its text like any run file. */
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const tooLarge = runFileSizeProblem(file.size);
    if (tooLarge) return continueRun({ ok: false, error: tooLarge }, file.name);
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return continueRun({ ok: false, error: `it could not be read (${String(error)})` }, file.name);
    }
    await continueRun(decodeRunFile(text), file.name);
  };

  const downloadRun = async () => {
    const run = await current();
    downloadText(`nash-run-${run.snapshot.config.dataset}-${run.snapshot.iteration}.json`, encodeRunFile(run), 'application/json');
  };

  const downloadGenerator = async () => {
    const snapshot = await client.exportRun();
    const base = `nash-generator-${snapshot.config.dataset}-${snapshot.iteration}`;
    const model = generatorModel(snapshot, base);
    if (!model.ok) return setMessage({ text: t.generatorUnsupported, problem: true });
    download(`${base}.json`, new Blob([model.modelJson], { type: 'application/json' }));
    download(model.weightsName, new Blob([model.weights], { type: 'application/octet-stream' }));
    setMessage({ text: t.generatorSaved.replace('{file}', `${base}.json`), problem: false });
  };

  const downloadSamples = async () => {
    const { plane, samples, iteration } = client.getSnapshot();
    const png = await samplesPng(plane, samples);
    if (png) download(`nash-samples-${iteration}.png`, png);
    else setMessage({ text: t.noSamplesYet, problem: true });
  };

  return (
    <div
      className={dragging ? 'run-store dragging' : 'run-store'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        void importFile(event.dataTransfer.files[0]);
      }}
    >
      <div className="share-actions">
        <button type="button" onClick={() => void save()}>{t.saveRun}</button>
        <button type="button" onClick={() => void downloadRun()}>{t.downloadRun}</button>
        <button type="button" onClick={() => download(`nash-charts-${client.getSnapshot().iteration}.csv`, new Blob([statsCsv(client.getSnapshot().stats)], { type: 'text/csv' }))}>
          {t.downloadCsv}
        </button>
        <button type="button" onClick={() => void downloadSamples()}>{t.downloadSamples}</button>
        <button type="button" onClick={() => void downloadGenerator()}>{t.downloadGenerator}</button>
        <label className="file-button">
          {t.importRun}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared, so picking the same file again (after fixing it) fires again.
              event.target.value = '';
              void importFile(file);
            }}
          />
        </label>
      </div>
      <small className="hint">{t.dropHint}</small>
      {message ? <p className={message.problem ? 'share-status problem' : 'share-status'} role={message.problem ? 'alert' : 'status'}>{message.text}</p> : null}
      <ul className="saved-runs" aria-label={t.savedRuns}>
        {runs.map((run) => (
          <li key={run.id}>
            <span>
              {run.name} · {t.iterationShort} {run.iteration} · {kilobytes(run.bytes)} · {new Date(run.savedAt).toLocaleString()}
            </span>
            <button type="button" aria-label={`${t.load} ${run.name} ${run.iteration}`} onClick={() => void loadRun(run.id).then((loaded) => continueRun(loaded, run.name))}>
              {t.load}
            </button>
            <button type="button" aria-label={`${t.delete} ${run.name} ${run.iteration}`} onClick={() => void deleteRun(run.id).then(refresh)}>
              {t.delete}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
