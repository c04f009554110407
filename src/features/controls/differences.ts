import { FIELD_NAMES, type FieldName, type RunConfig } from '../../gan/config.ts';

/**
 * The settings on which compare mode's two runs differ, in the schema's order (config.ts): what the
 * settings panels highlight and what the link carries for run B.
 */
export function differingFields(a: RunConfig, b: RunConfig): FieldName[] {
  return FIELD_NAMES.filter((field) => !Object.is(a[field], b[field]));
}
