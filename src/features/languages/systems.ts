/**
 * Which systems a document is about, from its language (and, for XML, its file name), so the
 * term engine counts their generic words (xl.cfg's `memory`, `name`) and leans ambiguous ones
 * their way. Pure: no `vscode` import, so unit tests and other features can use it as is.
 */

/** Language ids this extension contributes (package.json `contributes.languages`). */
export const Languages = {
  vmx: 'vmware-vmx',
  xl: 'xen-xl',
} as const;

const LANGUAGE_SYSTEMS: Readonly<Record<string, readonly string[]>> = {
  [Languages.vmx]: ['esxi', 'workstation'],
  [Languages.xl]: ['xen'],
};

/** What documentSystems needs of a document (a vscode.TextDocument fits). */
export interface DocumentLike {
  languageId: string;
  uri: { path: string };
}

/**
 * The systems a document is about, or undefined when its language says nothing:
 * `.vmx` (and `.vmtx`, `.vmsd`, `.vmxf`) → ESXi and Workstation; xl configs → Xen;
 * VirtualBox's `.vbox` / `.vbox-prev` XML → VirtualBox.
 */
export function documentSystems(document: DocumentLike): readonly string[] | undefined {
  const byLanguage = LANGUAGE_SYSTEMS[document.languageId];
  if (byLanguage) return byLanguage;
  const path = document.uri.path.toLowerCase();
  if (path.endsWith('.vbox') || path.endsWith('.vbox-prev')) return ['virtualbox'];
  if (path.endsWith('.vmxf')) return LANGUAGE_SYSTEMS[Languages.vmx];
  return undefined;
}
