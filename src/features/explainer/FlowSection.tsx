import type { ReactNode } from 'react';

interface FlowSectionProps {
  /** Names the heading's id (xp-<id>-title), which labels the section. */
  readonly id: string;
  readonly title: string;
  readonly lead: string;
  /** A line of sizes under the lead (the fractional stride's). */
  readonly rule?: ReactNode;
  /** The section's own controls (values, overlap, the step-through). */
  readonly controls?: ReactNode;
  /** What the active cell or the latest step means, read out as it changes. */
  readonly explanation: string;
  /** The legend under the figures, where there is one. */
  readonly legend?: string;
  /** The figures and the operators between them (MapFigure, FlowArrow, MatrixView). */
  readonly children: ReactNode;
}

/** One of the explainer's views of a map's computation: heading, lead, controls, the explanation, the figures in a row, the legend. */
export function FlowSection({ id, title, lead, rule, controls, explanation, legend, children }: FlowSectionProps) {
  return (
    <section className="xp-explainer-section" aria-labelledby={`xp-${id}-title`}>
      <h3 id={`xp-${id}-title`}>{title}</h3>
      <p className="xp-lead">{lead}</p>
      {rule}
      {controls !== undefined && <div className="xp-section-controls">{controls}</div>}
      <p className="xp-explain" role="status">
        {explanation}
      </p>
      <div className="xp-flow">{children}</div>
      {legend !== undefined && <p className="xp-legend">{legend}</p>}
    </section>
  );
}
