// The extension's own light English stemmer (src/core/search/stem.ts).
export { stem } from '../../../src/core/search/stem';
