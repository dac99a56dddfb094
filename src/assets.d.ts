/** Text files bundled by esbuild's `text` loader (see esbuild.js). */
declare module '*.txt' {
  const content: string;
  export default content;
}
