/**
 * The link the page was opened with, read once: the link's subscriber (linkSync.ts) rewrites the
 * hash as soon as the run starts, and the notice about a bad value must still name what the link
 * said. The playground's first configuration and the view's first toggles (viewState.ts) come from it.
 */
import { type ParsedLink, parseLink } from './urlState.ts';

let opened: ParsedLink | undefined;

export function openingLink(): ParsedLink {
  opened ??= parseLink(globalThis.location?.hash ?? '');
  return opened;
}
