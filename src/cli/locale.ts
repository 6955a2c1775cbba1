/**
 * The CLI's language: `--locale LANG`, else HYPERVISOR_ATLAS_LOCALE, else English. A
 * translation is a bundle in VS Code's format beside the extension's, l10n/bundle.l10n.<lang>.json
 * (lower case; `pt-BR` falls back to `pt`). Not the system's LANG: scripts and CI logs keep
 * their words whatever machine runs them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { english, fromBundle, type Translate } from '../core/l10n';

export interface Locale {
  t: Translate;
  /** a note for stderr when the locale asked for has no bundle */
  note?: { locale: string; file: string };
}

/** `l10n/` of the package: dist/cli.js → ../l10n */
export const DEFAULT_L10N_DIR = join(__dirname, '..', 'l10n');

export function loadLocale(asked: string | undefined, dir = DEFAULT_L10N_DIR): Locale {
  const locale = asked?.trim().toLowerCase().replace(/_/g, '-');
  if (!locale || locale === 'en' || locale.startsWith('en-')) return { t: english };
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(locale)) return { t: english, note: { locale, file: join(dir, `bundle.l10n.${locale}.json`) } };
  const tries = [locale, locale.split('-')[0]!].filter((l, i, all) => all.indexOf(l) === i);
  for (const l of tries) {
    const file = join(dir, `bundle.l10n.${l}.json`);
    if (!existsSync(file)) continue;
    try {
      const bundle = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (bundle && typeof bundle === 'object' && !Array.isArray(bundle)) return { t: fromBundle(bundle as Record<string, unknown>) };
    } catch {
      // a broken bundle is no translation
    }
  }
  return { t: english, note: { locale, file: join(dir, `bundle.l10n.${tries.at(-1)}.json`) } };
}
