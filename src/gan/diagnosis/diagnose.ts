import { discriminatorOverpowering } from './discriminatorOverpowering.ts';
import { explodingGradients } from './explodingGradients.ts';
import { modeCollapse } from './modeCollapse.ts';
import { oscillation } from './oscillation.ts';
import type { Detector, DetectorId, DiagnosisInput, Finding } from './types.ts';
import { vanishingGradients } from './vanishingGradients.ts';
import { weakDiscriminator } from './weakDiscriminator.ts';

export const DETECTORS: Record<DetectorId, Detector> = {
  modeCollapse,
  vanishingGradients,
  oscillation,
  discriminatorOverpowering,
  weakDiscriminator,
  explodingGradients,
};

/** Every detector that fires on the signals so far. */
export function diagnose(input: DiagnosisInput): Finding[] {
  return Object.values(DETECTORS).flatMap((detect) => detect(input) ?? []);
}

/** A detector's card: when it first fired and its latest evidence; `active` while it still fires. */
export interface Diagnosis {
  finding: Finding;
  firstIteration: number;
  active: boolean;
}

/**
 * Keeps every detector that has fired during a run, so a card does not flicker away when a
 * collapsing generator hops to another mode for a moment: the card stays, marked as no longer
 * active, with the window where it was last seen. `reset` starts a new run.
 */
export class DiagnosisLog {
  private readonly seen = new Map<DetectorId, Diagnosis>();

  update(findings: readonly Finding[]): Diagnosis[] {
    const firing = new Set(findings.map((f) => f.detector));
    for (const [id, diagnosis] of this.seen) if (!firing.has(id)) this.seen.set(id, { ...diagnosis, active: false });
    for (const finding of findings) {
      const first = this.seen.get(finding.detector)?.firstIteration ?? finding.to;
      this.seen.set(finding.detector, { finding, firstIteration: first, active: true });
    }
    return this.list();
  }

  list(): Diagnosis[] {
    return [...this.seen.values()].sort((a, b) => a.firstIteration - b.firstIteration);
  }

  reset(): void {
    this.seen.clear();
  }
}
