/**
 * How pure modules take translated strings: the extension passes `vscode.l10n.t`; tests and
 * the CLI use `english`, which only fills in `{0}`, `{1}`, ….
 */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

export const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));

/** Fills `{0}`, `{1}`, … of a template that is already translated. */
export const fill: (template: string, ...args: (string | number | boolean)[]) => string = english;

export type Messages<K extends string> = Readonly<Record<K, string>>;

/**
 * A module's user-facing strings, in English, each a literal (`npm run l10n` copies them into
 * l10n/bundle.l10n.json; scripts/l10n-core.mjs). The function it returns translates them all
 * once per Translate and from then on only looks them up; templates keep their `{0}` for
 * `fill`.
 */
export function messages<K extends string>(source: Record<K, string>): (t?: Translate) => Messages<K> {
  const cache = new WeakMap<Translate, Messages<K>>();
  return (t = english) => {
    let out = cache.get(t);
    if (!out) {
      const built = {} as Record<K, string>;
      for (const key of Object.keys(source) as K[]) built[key] = t(source[key]);
      out = Object.freeze(built);
      cache.set(t, out);
    }
    return out;
  };
}

/**
 * A Translate that reads a bundle in VS Code's format (l10n/bundle.l10n.<lang>.json: each
 * English message → its translation), for hosts without vscode.l10n: the CLI, tests. A
 * message the bundle lacks stays English.
 */
export function fromBundle(bundle: Readonly<Record<string, unknown>>): Translate {
  return (message, ...args) => {
    const v = Object.hasOwn(bundle, message) ? bundle[message] : undefined;
    const text = typeof v === 'string' ? v : typeof (v as { message?: unknown } | undefined)?.message === 'string' ? (v as { message: string }).message : message;
    return english(text, ...args);
  };
}
