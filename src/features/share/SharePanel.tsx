import { useEffect, useState } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { downloadText } from './download.ts';
import { describeLinkProblems } from './linkProblems.ts';
import { syncLink } from './linkSync.ts';
import { openingLink } from './openingLink.ts';
import { exportPyTorch } from './pytorch.ts';
import { RunStore } from './RunStore.tsx';
import type { LinkProblem } from './urlState.ts';
import './share.css';
import { fill } from '../../i18n/fill.ts';

/** "Share & save": the link to this run, and what a damaged link could not carry. */
export function SharePanel({ client }: { client: TrainingClient }) {
  const t = useStrings().share;
  const [problems, setProblems] = useState<LinkProblem[]>(() => openingLink().problems);
  const [status, setStatus] = useState<string>();
  useEffect(() => syncLink(client, (parsed) => setProblems(parsed.problems)), [client]);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus(t.linkCopied);
    } catch {
      setStatus(t.linkCopyFailed);
    }
  };

  const exportPython = () => {
    const result = exportPyTorch(client.getSnapshot().config);
    if (!result.ok) {
      setStatus(t.pythonNoDrawnData);
      return;
    }
    downloadText(result.filename, result.script, 'text/x-python');
    setStatus(fill(t.pythonWritten, { file: result.filename }));
  };

  return (
    <section className="share" aria-label={t.region}>
      <h2>{t.region}</h2>
      {problems.length > 0 ? <LinkProblems problems={problems} onDismiss={() => setProblems([])} /> : null}
      <div className="share-actions">
        <button type="button" onClick={() => void copyLink()}>
          {t.copyLink}
        </button>
        <button type="button" title={t.exportPythonHint} onClick={exportPython}>
          {t.exportPython}
        </button>
      </div>
      {status ? (
        <p className="share-status" role="status">
          {status}
        </p>
      ) : null}
      <RunStore client={client} />
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
