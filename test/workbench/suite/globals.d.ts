/** Provided by the `atlas-workbench-tests` esbuild plugin (esbuild.mjs): one loader per *.test.ts. */
declare module 'atlas-workbench-tests' {
  const tests: ReadonlyArray<readonly [file: string, load: () => unknown]>;
  export default tests;
}
