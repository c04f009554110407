import { memo, useEffect, useMemo, useState } from 'react';
import type { RunConfig } from '../../gan/config.ts';
import { isCritic, OBJECTIVE_MODULES } from '../../gan/objectives/modules.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { objectiveTex } from './tex.ts';

type Render = (tex: string) => string;
let loading: Promise<Render> | undefined;

/** KaTeX loads once, on the card's first mount: a separate chunk, off the page's first download (issue 16). */
function useRenderTex(): Render | undefined {
  const [render, setRender] = useState<Render>();
  useEffect(() => {
    let mounted = true;
    loading ??= import('./renderTex.ts').then((module) => module.renderTex);
    // Should the chunk fail to load, the formulas stay as their TeX source.
    void loading.then(
      (loaded) => mounted && setRender(() => loaded),
      () => mounted && setRender(() => (tex: string) => escape(tex)),
    );
    return () => {
      mounted = false;
    };
  }, []);
  return render;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function Tex({ tex, render }: { tex: string; render: Render | undefined }) {
  const html = useMemo(() => (render ? render(tex) : ''), [render, tex]);
  // KaTeX's output is markup we generated from our own TeX, never user input.
  return <div className="tex" dangerouslySetInnerHTML={{ __html: html }} />;
}

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
    </section>
  );
});
