import { useEffect, useState } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { openingLink, syncLink } from './linkSync.ts';
import type { LinkProblem } from './urlState.ts';
import './share.css';

/** "Share & save": the link to this run, and what a damaged link could not carry. */
export function SharePanel({ client }: { client: TrainingClient }) {
  const t = useStrings().share;
  const [problems, setProblems] = useState<LinkProblem[]>(() => openingLink().problems);
  const [copied, setCopied] = useState<string>();
  useEffect(() => syncLink(client, (parsed) => setProblems(parsed.problems)), [client]);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setCopied(t.linkCopied);
    } catch {
      setCopied(t.linkCopyFailed);
    }
  };

  return (
    <section className="share" aria-label={t.region}>
      <h2>{t.region}</h2>
      {problems.length > 0 ? <LinkProblems problems={problems} onDismiss={() => setProblems([])} /> : null}
      <div className="share-actions">
        <button type="button" onClick={() => void copyLink()}>{t.copyLink}</button>
      </div>
      {copied ? <p className="share-status" role="status">{copied}</p> : null}
    </section>
  );
}

function LinkProblems({ problems, onDismiss }: { problems: LinkProblem[]; onDismiss: () => void }) {
  const t = useStrings();
  return (
    <div className="share-problems" role="alert" aria-label={t.share.linkProblems}>
      <ul>
        {problems.map((p) => (
          <li key={`${p.field}=${p.value}:${p.reason}`}>
            {p.field === 'configuration'
              ? t.share.badCombination.replace('{reason}', p.reason)
              : t.share.badValue.replace('{field}', p.field).replace('{value}', p.value).replace('{reason}', p.reason)}
          </li>
        ))}
      </ul>
      <button type="button" aria-label={t.playground.dismiss} onClick={onDismiss}>×</button>
    </div>
  );
}
