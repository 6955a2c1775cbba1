import * as vscode from 'vscode';
import { PROFILE_CHARS, detectProfile, type DocumentProfile } from '../../core/profile';
import { documentSystems } from './systems';

const cache = new WeakMap<vscode.TextDocument, { version: number; languageId: string; profile: DocumentProfile }>();

/** The document's profile, computed once per document version (hovers reuse it). */
export function documentProfile(document: vscode.TextDocument): DocumentProfile {
  const hit = cache.get(document);
  if (hit && hit.version === document.version && hit.languageId === document.languageId) return hit.profile;
  const head = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(PROFILE_CHARS)));
  const profile = withLanguageSystems(detectProfile({ languageId: document.languageId, fileName: document.uri.path, text: head }), documentSystems(document));
  cache.set(document, { version: document.version, languageId: document.languageId, profile });
  return profile;
}

/** Adds the systems the language implies (`.vmx` → ESXi and Workstation). */
export function withLanguageSystems(profile: DocumentProfile, systems: readonly string[] | undefined): DocumentProfile {
  if (!systems?.length || systems.every((s) => profile.systems.includes(s))) return profile;
  const all = [...new Set([...profile.systems, ...systems])];
  return { ...profile, systems: all, contexts: [...profile.tools, ...profile.formats, ...all] };
}
