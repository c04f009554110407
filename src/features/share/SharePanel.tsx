import { useEffect, useState } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import * as comparisons from '../../i18n/comparisons.ts';
import { useStrings, useWords } from '../../i18n/useStrings.ts';
import { downloadText } from './download.ts';
import { describeLinkProblems } from './linkProblems.ts';
import { type CompareLink, syncLink } from './linkSync.ts';
import { openingLink } from './openingLink.ts';
import { readPyTorchWeights } from './readRunFile.ts';
import { describeImportRefusal } from './runRefusal.ts';
import { RunStore } from './RunStore.tsx';
import type { LinkProblem } from './urlState.ts';
import './share.css';
import { fill } from '../../i18n/fill.ts';
import { describeProblem } from '../../i18n/reliability.ts';

type Strings = ReturnType<typeof useStrings>;

/** What the panel last did, worded when shown (a change of language rewords it); a problem is an alert. */
interface Status {
  say: (s: Strings['share'], strings: Strings) => string;
  problem?: boolean;
}

/** "Share & save": the link to this run (with run B in compare mode), and what a damaged link could not carry. */
export function SharePanel({ client, compare }: { client: TrainingClient; compare?: CompareLink }) {
  const strings = useStrings();
  const t = strings.share;
  const c = useWords(comparisons);
  const [problems, setProblems] = useState<LinkProblem[]>(() => openingLink().problems);
  const [status, setStatus] = useState<Status>();
  useEffect(() => syncLink(client, (parsed) => setProblems(parsed.problems), compare), [client, compare]);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus({ say: (s) => s.linkCopied });
    } catch {
      setStatus({ say: (s) => s.linkCopyFailed });
    }
  };

  const exportPython = async () => {
    // The script's writer (its Python text) loads on first use: the page's first screen does not wait for it.
    const { exportPyTorch } = await import('./pytorch.ts');
    const result = exportPyTorch(client.getSnapshot().config);
    if (!result.ok) {
      setStatus({ say: (s) => s.pythonNoDrawnData });
      return;
    }
    downloadText(result.filename, result.script, 'text/x-python');
    setStatus({ say: (s) => fill(s.pythonWritten, { file: result.filename }) });
  };

  /**
   * The exported script's weights file into this run: read and converted in the reader's worker,
   * matched against the run's model (its conversion code loads on first use), then continued like a
   * run file. Any refusal changes nothing.
   */
  const importWeights = async (file: File | undefined) => {
    if (!file) return;
    const source = file.name;
    const refused = (reason: (s: Strings['share'], all: Strings) => string) =>
      setStatus({ say: (s, all) => fill(s.loadRefused, { source, reason: reason(s, all) }), problem: true });
    const read = await readPyTorchWeights(file);
    if (!read.ok) return refused((s) => describeImportRefusal(read.refusal, s));
    const { weightsIntoRun } = await import('./pytorchWeights.ts');
    const merged = weightsIntoRun(read.weights, await client.exportRun());
    if (!merged.ok) return refused((s) => describeImportRefusal(merged.refusal, s));
    const problem = await client.importRun(merged.run, []);
    if (problem)
      return setStatus({
        say: (s, all) => fill(s.loadProblem, { source, problem: describeProblem(problem, all.reliability) }),
        problem: true,
      });
    setStatus({ say: (s) => fill(s.weightsLoaded, { source, iteration: merged.run.iteration }) });
  };

  return (
    <section className="share" aria-label={t.region}>
      <h2>{t.region}</h2>
      {problems.length > 0 ? <LinkProblems problems={problems} onDismiss={() => setProblems([])} /> : null}
      <div className="share-actions">
        <button type="button" onClick={() => void copyLink()}>
          {t.copyLink}
        </button>
        <button type="button" title={t.exportPythonHint} onClick={() => void exportPython()}>
          {t.exportPython}
        </button>
        <label className="file-button" title={t.importWeightsHint}>
          {t.importWeights}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared, so picking the same file again fires again.
              event.target.value = '';
              void importWeights(file);
            }}
          />
        </label>
      </div>
      {status ? (
        <p
          className={status.problem ? 'share-status problem' : 'share-status'}
          role={status.problem ? 'alert' : 'status'}
        >
          {status.say(t, strings)}
        </p>
      ) : null}
      {compare ? (
        <>
          <div className="run-files" role="group" aria-label={c.filesOf(c.runA)}>
            <h3>{c.filesOf(c.runA)}</h3>
            <RunStore client={client} run="A" />
          </div>
          <div className="run-files" role="group" aria-label={c.filesOf(c.runB)}>
            <h3>{c.filesOf(c.runB)}</h3>
            <RunStore client={compare.client} run="B" />
          </div>
        </>
      ) : (
        <RunStore client={client} />
      )}
    </section>
  );
}

function LinkProblems({ problems, onDismiss }: { problems: LinkProblem[]; onDismiss: () => void }) {
  const t = useStrings();
  return (
    <div className="share-problems" role="alert" aria-label={t.share.linkProblems}>
      <ul>
        {/* Two long keys cut to the same text word the same sentence: the place tells them apart. */}
        {describeLinkProblems(problems, t.share).map((sentence, i) => (
          <li key={i}>{sentence}</li>
        ))}
      </ul>
      <button type="button" aria-label={t.playground.dismiss} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
