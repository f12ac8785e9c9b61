// A file imported with the `?raw` suffix is its text (Vite's convention; the build's esbuild plugin
// in tsup.config.ts does the same).
declare module '*?raw' {
  const text: string;
  export default text;
}
