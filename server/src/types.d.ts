// esbuild loads *.yaml as text (see esbuild.mjs); vitest does the same through vitest.config.ts.
declare module '*.yaml' {
  const text: string;
  export default text;
}
