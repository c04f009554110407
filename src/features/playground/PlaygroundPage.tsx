import { useStrings } from '../../i18n/useStrings.ts';
import { SharePanel } from '../share/SharePanel.tsx';
import { BackendControl } from './BackendControl.tsx';
import { NoticeList } from './NoticeList.tsx';
import { NumberSetting } from './NumberSetting.tsx';
import { PlaneCanvas } from './PlaneCanvas.tsx';
import { TransportBar } from './TransportBar.tsx';
import { useTrainingClient } from './useTrainingClient.ts';
import './playground.css';

/**
 * The bare playground: start, pause, step and retune a run that trains in a worker, and watch the
 * 2D view learn. The full playground (issue 5) grows from these pieces.
 */
export function PlaygroundPage() {
  const t = useStrings().playground;
  const client = useTrainingClient();
  return (
    <section className="playground" aria-label={t.region}>
      {client ? (
        <>
          <TransportBar client={client} />
          <div className="playground-body">
            <PlaneCanvas client={client} />
            <div className="settings">
              <BackendControl client={client} />
              <NumberSetting client={client} field="generatorLearningRate" label={t.generatorLearningRate} />
              <NumberSetting client={client} field="discriminatorLearningRate" label={t.discriminatorLearningRate} />
              <NoticeList client={client} />
              <SharePanel client={client} />
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}
