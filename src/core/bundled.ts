import organizations from '../../data/organizations.json';
import sourceText from '../../data/chair-summary-2021-10-thematic-discussions.txt';
import { Summary } from './summary';

/** The summary and the organizations directory as shipped in `data/` (bundled at build time). */
export const SOURCE_TEXT: string = sourceText;
export const ORGANIZATIONS_JSON: unknown = organizations;

export function loadBundledSummary(): Summary {
  return Summary.parse(SOURCE_TEXT, ORGANIZATIONS_JSON);
}
