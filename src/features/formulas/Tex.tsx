import { useEffect, useMemo, useState } from 'react';

type Render = (tex: string) => string;
let loading: Promise<Render> | undefined;

/**
 * KaTeX loads once, on the first formula's mount: a separate chunk, off the page's first download
 * (issue 16). The formula card and the lessons share it.
 */
export function useRenderTex(): Render | undefined {
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

/** One displayed formula; empty until KaTeX has loaded. */
export function Tex({ tex, render }: { tex: string; render: Render | undefined }) {
  const html = useMemo(() => (render ? render(tex) : ''), [render, tex]);
  // KaTeX's output is markup we generated from our own TeX, never user input.
  return <div className="tex" dangerouslySetInnerHTML={{ __html: html }} />;
}
