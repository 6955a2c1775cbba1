/**
 * How pure modules take translated strings: the extension passes `vscode.l10n.t`; tests and
 * the CLI use `english`, which only fills in `{0}`, `{1}`, ….
 */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

export const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
