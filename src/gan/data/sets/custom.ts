import type { DatasetModule } from '../dataset.ts';
import { customPoints } from '../toy2d.ts';

/** The points a student draws on the plane (toy2d.ts customPoints): only the page has them, so neither the CLI nor the export can train on them. */
export const customData: DatasetModule = {
  id: 'custom',
  kind: 'drawn',
  labelled: false,
  dimension: 2,
  classes: 0,
  create: ({ points }) => customPoints(points ?? []),
};
