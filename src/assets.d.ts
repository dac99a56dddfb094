/** Text files bundled by esbuild's `text` loader (see esbuild.js). */
declare module '*.txt' {
  const content: string;
  export default content;
}

/** The parsed summary, built by esbuild.js at build time (see src/core/search/prebuild.ts). */
declare module 'cnd:prebuilt' {
  export const hash: string;
  /**
   * Base64 of the raw-deflated JSON `{ model, organizations, bodies }`: the parsed summary (without what the
   * loader works out again, see src/core/search/prebuild.ts) and data/organizations.json and data/bodies.json.
   */
  export const data: string;
}

/** Markdown files bundled as text (the sample draft the walkthrough opens). */
declare module '*.md' {
  const content: string;
  export default content;
}
