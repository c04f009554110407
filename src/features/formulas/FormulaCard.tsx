import katex from 'katex';
import 'katex/dist/katex.min.css';
import { memo, useMemo } from 'react';
import type { RunConfig } from '../../gan/config.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { objectiveTex } from './tex.ts';

/** TeX to HTML; a formula that KaTeX cannot parse shows its source in red rather than breaking the page. */
function Tex({ tex }: { tex: string }) {
  const html = useMemo(() => katex.renderToString(tex, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' }), [tex]);
  // KaTeX's output is markup we generated from our own TeX, never user input.
  return <div className="tex" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The objective being trained, in the course's notation, with the live a, b, c, clip c and λ written in. */
export const FormulaCard = memo(function FormulaCard({ config }: { config: RunConfig }) {
  const t = useStrings().formulas;
  const tex = objectiveTex(config);
  const critic = config.objective === 'wgan' || config.objective === 'wganGp';
  return (
    <section className="formulas" aria-label={t.region}>
      <h2>{t.region}</h2>
      <p className="formula-label">{critic ? t.critic : t.discriminator}</p>
      <Tex tex={tex.discriminator} />
      <p className="formula-label">{t.generator}</p>
      <Tex tex={tex.generator} />
      {tex.extra ? (
        <>
          <p className="formula-label">{config.objective === 'wgan' ? t.clip : t.penalty}</p>
          <Tex tex={tex.extra} />
        </>
      ) : null}
      {tex.information ? (
        <>
          <p className="formula-label">{t.information}</p>
          <Tex tex={tex.information} />
        </>
      ) : null}
      {config.conditioning === 'label' ? <p className="formula-note">{t.conditioned}</p> : null}
      <p className="formula-note">{t.notes[config.objective]}</p>
    </section>
  );
});
