import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import { fill } from '../../i18n/fill.ts';
import { describeProblem } from '../../i18n/reliability.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { download, downloadText } from './download.ts';
import { readRunFile } from './readRunFile.ts';
import { encodeRunFile, type Loaded, statsCsv } from './runFile.ts';
import { describeRunRefusal } from './runRefusal.ts';
import { samplesPng } from './samplePng.ts';
import { generatorModel } from './tfjsModel.ts';
import { type SavedRunInfo, savedRuns, StorageError } from './savedRuns.ts';

type Strings = ReturnType<typeof useStrings>;
type ShareStrings = Strings['share'];

const storage = savedRuns();

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * What an action reports, shown at the button that caused it and worded when shown, so a change of
 * language rewords it.
 */
interface Note {
  /** `strings`: the whole language, for what the training worker reports (reliability.ts). */
  say: (s: ShareStrings, strings: Strings) => string;
  problem: boolean;
  /** The button that caused it; that button is described by the note. */
  at: string;
  /** The saved run whose row shows the note; without one it shows under the actions (or at the list, for 'list'). */
  row?: string;
}
type Place = Pick<Note, 'at' | 'row'>;

/** Why storage failed, in the page's language. */
function storageReason(error: unknown, s: ShareStrings): string {
  if (!(error instanceof StorageError)) return String(error);
  switch (error.problem) {
    case 'unavailable':
      return s.storageUnavailable;
    case 'full':
      return s.storageFull;
    case 'refused':
      return fill(s.storageRefused, { detail: error.detail });
  }
}

const rowKey = (run: SavedRunInfo) => String(run.id);
const runLabel = (run: SavedRunInfo, s: ShareStrings) =>
  run.damaged ? s.damagedRunName : `${run.name} · ${s.iterationShort} ${run.iteration}`;

/**
 * Saved runs in this browser, and the run as files: JSON (re-importable by drag and drop) and chart
 * CSV. In compare mode each run has its own (`run`: "A" or "B"), its name in the files it writes and
 * the runs it saves.
 */
export function RunStore({ client, run: runName }: { client: TrainingClient; run?: string }) {
  /** A file name's or saved run's mark of the run it came from, in compare mode. */
  const tag = runName ? `${runName}-` : '';
  const strings = useStrings();
  const t = strings.share;
  const noteId = useId();
  const [runs, setRuns] = useState<SavedRunInfo[]>([]);
  const [listFailure, setListFailure] = useState<{ error: unknown }>();
  const [note, setNote] = useState<Note>();
  const [dragging, setDragging] = useState(false);
  const lastAsked = useRef(0);

  /** Reads the list again; a read that finishes after a later one is dropped. */
  const refresh = useCallback(async () => {
    const asked = ++lastAsked.current;
    try {
      const listed = await storage.list();
      if (asked !== lastAsked.current) return;
      setRuns(listed);
      setListFailure(undefined);
    } catch (error) {
      if (asked === lastAsked.current) setListFailure({ error });
    }
  }, []);
  useEffect(() => {
    void refresh();
    // Another tab's save or deletion.
    return storage.watch(() => void refresh());
  }, [refresh]);

  const describedBy = (at: string) => (note?.at === at ? noteId : undefined);
  const noteLine = (shown: Note, Tag: 'p' | 'span'): ReactNode => (
    <Tag
      id={noteId}
      className={shown.problem ? 'share-status problem' : 'share-status'}
      role={shown.problem ? 'alert' : 'status'}
    >
      {shown.say(t, strings)}
    </Tag>
  );
  const gone = (run: SavedRunInfo): Note => ({
    at: 'list',
    problem: true,
    say: (s) => fill(s.runGone, { name: runLabel(run, s) }),
  });

  const current = async () => ({ snapshot: await client.exportRun(), stats: [...client.getSnapshot().stats] });

  const save = async () => {
    try {
      const run = await current();
      const { config, iteration } = run.snapshot;
      await storage.save(
        `${runName ? `${runName} · ` : ''}${config.dataset} · ${config.objective} · ${config.architecture}`,
        run,
      );
      setNote({ at: 'save', problem: false, say: (s) => fill(s.saved, { iteration }) });
    } catch (error) {
      setNote({ at: 'save', problem: true, say: (s) => fill(s.saveFailed, { reason: storageReason(error, s) }) });
    }
    await refresh();
  };

  /**
   * Continues a checked run; the training worker refuses one that does not fit its model (its
   * problem is worded as a sentence of its own), and then nothing changes. The file's name and
   * values go in with fill's replacer: `$&` in them stays as written (String.replace read it as a pattern).
   */
  const continueRun = async (loaded: Loaded, source: string, place: Place) => {
    if (!loaded.ok)
      return setNote({
        ...place,
        problem: true,
        say: (s) => fill(s.loadRefused, { source, reason: describeRunRefusal(loaded.refusal, s) }),
      });
    const problem = await client.importRun(loaded.run.snapshot, loaded.run.stats);
    if (problem)
      return setNote({
        ...place,
        problem: true,
        say: (s, all) => fill(s.loadProblem, { source, problem: describeProblem(problem, all.reliability) }),
      });
    const { iteration } = loaded.run.snapshot;
    setNote({ ...place, problem: false, say: (s) => fill(s.loaded, { source, iteration }) });
  };

  /** A dropped or picked file, read and checked off the page's thread (readRunFile.ts). */
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    await continueRun(await readRunFile(file), file.name, { at: 'import' });
  };

  const loadSaved = async (run: SavedRunInfo & { damaged: false }) => {
    const place = { at: `load ${rowKey(run)}`, row: rowKey(run) };
    let loaded: Loaded | 'gone';
    try {
      loaded = await storage.load(run.id);
    } catch (error) {
      return setNote({
        ...place,
        problem: true,
        say: (s) => fill(s.loadRefused, { source: run.name, reason: storageReason(error, s) }),
      });
    }
    if (loaded === 'gone') {
      setNote(gone(run));
      return refresh();
    }
    await continueRun(loaded, run.name, place);
  };

  const remove = async (run: SavedRunInfo) => {
    try {
      if ((await storage.remove(run.id)) === 'gone') setNote(gone(run));
    } catch (error) {
      setNote({
        at: `delete ${rowKey(run)}`,
        row: rowKey(run),
        problem: true,
        say: (s) => fill(s.deleteFailed, { reason: storageReason(error, s) }),
      });
    }
    await refresh();
  };

  const downloadRun = async () => {
    const run = await current();
    downloadText(
      `nash-run-${tag}${run.snapshot.config.dataset}-${run.snapshot.iteration}.json`,
      encodeRunFile(run),
      'application/json',
    );
  };

  const downloadGenerator = async () => {
    const snapshot = await client.exportRun();
    const base = `nash-generator-${tag}${snapshot.config.dataset}-${snapshot.iteration}`;
    const model = generatorModel(snapshot, base);
    if (!model.ok) return setNote({ at: 'generator', problem: true, say: (s) => s.generatorUnsupported });
    download(`${base}.json`, new Blob([model.modelJson], { type: 'application/json' }));
    download(model.weightsName, new Blob([model.weights], { type: 'application/octet-stream' }));
    setNote({ at: 'generator', problem: false, say: (s) => fill(s.generatorSaved, { file: `${base}.json` }) });
  };

  const downloadSamples = async () => {
    const { plane, samples, iteration } = client.getSnapshot();
    const png = await samplesPng(plane, samples);
    if (png) download(`nash-samples-${tag}${iteration}.png`, png);
    else setNote({ at: 'samples', problem: true, say: (s) => s.noSamplesYet });
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
        <button type="button" aria-describedby={describedBy('save')} onClick={() => void save()}>
          {t.saveRun}
        </button>
        <button type="button" onClick={() => void downloadRun()}>
          {t.downloadRun}
        </button>
        <button
          type="button"
          onClick={() =>
            download(
              `nash-charts-${tag}${client.getSnapshot().iteration}.csv`,
              new Blob([statsCsv(client.getSnapshot().stats)], { type: 'text/csv' }),
            )
          }
        >
          {t.downloadCsv}
        </button>
        <button type="button" aria-describedby={describedBy('samples')} onClick={() => void downloadSamples()}>
          {t.downloadSamples}
        </button>
        <button type="button" aria-describedby={describedBy('generator')} onClick={() => void downloadGenerator()}>
          {t.downloadGenerator}
        </button>
        <label className="file-button">
          {t.importRun}
          <input
            type="file"
            accept=".json,application/json"
            aria-describedby={describedBy('import')}
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared, so picking the same file again (after fixing it) fires again.
              event.target.value = '';
              void importFile(file);
            }}
          />
        </label>
      </div>
      {note && note.row === undefined && note.at !== 'list' ? noteLine(note, 'p') : null}
      <small className="hint">{t.dropHint}</small>
      {listFailure ? (
        <p className="share-status problem" role="alert">
          {fill(t.listFailed, { reason: storageReason(listFailure.error, t) })}
        </p>
      ) : null}
      {note?.at === 'list' ? noteLine(note, 'p') : null}
      <ul className="saved-runs" aria-label={t.savedRuns}>
        {runs.map((run) => {
          const row = rowKey(run);
          const rowNote =
            note?.row === row ? (
              <>
                <br />
                {noteLine(note, 'span')}
              </>
            ) : null;
          if (run.damaged) {
            return (
              <li key={row}>
                <span>
                  {t.damagedRun}
                  {rowNote}
                </span>
                <button
                  type="button"
                  aria-label={t.deleteDamaged}
                  aria-describedby={describedBy(`delete ${row}`)}
                  onClick={() => void remove(run)}
                >
                  {t.delete}
                </button>
              </li>
            );
          }
          return (
            <li key={row}>
              <span>
                {run.name} · {t.iterationShort} {run.iteration} · {kilobytes(run.bytes)} ·{' '}
                {new Date(run.savedAt).toLocaleString()}
                {rowNote}
              </span>
              <button
                type="button"
                aria-label={`${t.load} ${run.name} ${run.iteration}`}
                aria-describedby={describedBy(`load ${row}`)}
                onClick={() => void loadSaved(run)}
              >
                {t.load}
              </button>
              <button
                type="button"
                aria-label={`${t.delete} ${run.name} ${run.iteration}`}
                aria-describedby={describedBy(`delete ${row}`)}
                onClick={() => void remove(run)}
              >
                {t.delete}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
