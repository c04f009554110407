import { memo } from 'react';
import type { RunConfig } from '../../gan/config.ts';
import { isCritic, OBJECTIVE_MODULES } from '../../gan/objectives/modules.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { Tex, useRenderTex } from './Tex.tsx';
import { objectiveTex } from './tex.ts';
import { THEORY_TEX } from './theory.ts';
import './formulas.css';

/** The objective being trained, in the course's notation, with the live a, b, c, clip c and λ written in. */
export const FormulaCard = memo(function FormulaCard({ config }: { config: RunConfig }) {
  const t = useStrings().formulas;
  const tex = objectiveTex(config);
  const render = useRenderTex();
  const critic = isCritic(OBJECTIVE_MODULES[config.objective]);
  return (
    <section className="formulas" aria-label={t.region}>
      <h2>{t.region}</h2>
      <p className="formula-label">{critic ? t.critic : t.discriminator}</p>
      <Tex tex={tex.discriminator} render={render} />
      <p className="formula-label">{t.generator}</p>
      <Tex tex={tex.generator} render={render} />
      {tex.extra ? (
        <>
          <p className="formula-label">{t.extras[config.objective]}</p>
          <Tex tex={tex.extra} render={render} />
        </>
      ) : null}
      {tex.information ? (
        <>
          <p className="formula-label">{t.information}</p>
          <Tex tex={tex.information} render={render} />
        </>
      ) : null}
      {config.conditioning === 'label' ? <p className="formula-note">{t.conditioned}</p> : null}
      <p className="formula-note">{t.notes[config.objective]}</p>
      <Theory config={config} render={render} />
    </section>
  );
});

/**
 * What the losses come from, folded under the formulas: the game's value and its Nash equilibrium
 * for the log-losses (a logit output), the transport picture and its dual for a Wasserstein critic.
 * LSGAN and the hinge loss are games without one value both players share, so they have neither.
 */
function Theory({ config, render }: { config: RunConfig; render: ReturnType<typeof useRenderTex> }) {
  const t = useStrings().formulas;
  const module = OBJECTIVE_MODULES[config.objective];
  if (module.output === 'logit')
    return (
      <details className="theory">
        <summary>{t.gameSummary}</summary>
        <Tex tex={THEORY_TEX.value} render={render} />
        <p className="formula-note">{t.gameText}</p>
        <Tex tex={THEORY_TEX.nash} render={render} />
        <p className="formula-note">{t.nashText}</p>
        <Tex tex={THEORY_TEX.optimalDiscriminator} render={render} />
        <p className="formula-note">{t.optimalText}</p>
      </details>
    );
  if (module.distance === 'wasserstein')
    return (
      <details className="theory">
        <summary>{t.transportSummary}</summary>
        <Tex tex={THEORY_TEX.wasserstein} render={render} />
        <p className="formula-note">{t.transportText}</p>
        <Tex tex={THEORY_TEX.duality} render={render} />
        <p className="formula-note">{t.dualityText}</p>
        <p className="formula-note">{config.objective === 'wgan' ? t.clippingText : t.penaltyText}</p>
      </details>
    );
  return null;
}
