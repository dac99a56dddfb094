/** Text files bundled by esbuild's `text` loader (see esbuild.js). */
declare module '*.txt' {
  const content: string;
  export default content;
}

/** The parsed summary, built by esbuild.js at build time (see src/core/search/prebuild.ts). */
declare module 'cnd:prebuilt' {
  export const hash: string;
  export const model: string;
}

/** Markdown files bundled as text (the sample draft the walkthrough opens). */
declare module '*.md' {
  const content: string;
  export default content;
}
