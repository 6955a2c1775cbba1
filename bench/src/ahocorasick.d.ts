/** Types for the `ahocorasick` package (it ships none). */
declare module 'ahocorasick' {
  export default class AhoCorasick {
    constructor(keywords: string[]);
    /** every hit: the index of its last character and the keywords ending there */
    search(text: string): [number, string[]][];
  }
}
