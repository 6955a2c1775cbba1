/** The compiled knowledge base (`dist/knowledge.json`), bundled as text by esbuild.mjs. */
declare module 'atlas-knowledge' {
  const text: string;
  export default text;
}

/** Which bundle this is (esbuild.mjs defines it): the Node extension host's or the web one's. */
declare const __ATLAS_BUNDLE__: 'node' | 'web';
