import katex from 'katex';
import 'katex/dist/katex.min.css';

/**
 * TeX to HTML. KaTeX and its stylesheet (a third of the page's script) live in this module, which
 * FormulaCard loads after the first paint, so they are a chunk of their own (issue 16). A formula
 * that KaTeX cannot parse shows its source in red rather than breaking the page.
 */
export function renderTex(tex: string): string {
  return katex.renderToString(tex, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' });
}
