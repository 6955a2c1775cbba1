/** The compiled knowledge base (`dist/knowledge.json`), bundled as text by esbuild.mjs. */
declare module 'atlas-knowledge' {
  const text: string;
  export default text;
}
