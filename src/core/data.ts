// The bundled data. Imported as JSON so esbuild inlines it: the extension and
// the CLI never read their term base from disk at run time.
import termsJson from '../../data/terms.json';
import paperJson from '../../data/paper.json';
import type { Paper, TermBase } from './types';

export const bundledTermBase = termsJson as unknown as TermBase;
export const paper = paperJson as unknown as Paper;
