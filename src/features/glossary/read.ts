import * as vscode from 'vscode';
import { decodeEntryFile, decodeText } from '../../core/glossary/decode';
import type { Problem, SourceFile } from '../../core/glossary/entry';
import { LIMITS } from '../../core/glossary/limits';
import { glossaryText } from '../../core/glossary/workspace';
import { fill } from '../../core/l10n';

export interface GlossaryFolder {
  /** the folder as configured, resolved against its workspace folder */
  uri: vscode.Uri;
  workspaceFolder: vscode.WorkspaceFolder;
}

/** The glossary folders of every workspace folder (`hypervisorAtlas.glossary.paths`). */
export function glossaryFolders(): GlossaryFolder[] {
  const out: GlossaryFolder[] = [];
  for (const wf of vscode.workspace.workspaceFolders ?? []) {
    const paths = vscode.workspace.getConfiguration('hypervisorAtlas', wf).get<unknown>('glossary.paths', ['.atlas']);
    for (const p of Array.isArray(paths) ? paths : []) {
      if (typeof p !== 'string' || !p.trim() || p.length > 500) continue;
      // relative to the workspace folder only: no `..`, no absolute paths
      const parts = p.split(/[\\/]+/).filter((x) => x && x !== '.');
      if (parts.some((x) => x === '..') || /^[a-z]:/i.test(p) || p.startsWith('/')) continue;
      out.push({ uri: vscode.Uri.joinPath(wf.uri, ...parts), workspaceFolder: wf });
    }
  }
  return out;
}

export interface ReadResult {
  files: (SourceFile & { uri: vscode.Uri })[];
  problems: (Problem & { uri: vscode.Uri })[];
}

/**
 * Reads every `.md` file below the folders through `vscode.workspace.fs` (so virtual and web
 * workspaces work). Symbolic links are not followed, so a link loop cannot trap the walk.
 */
export async function readGlossaries(folders: readonly GlossaryFolder[]): Promise<ReadResult> {
  const result: ReadResult = { files: [], problems: [] };
  const seen = new Set<string>();
  let count = 0;
  const walk = async (dir: vscode.Uri, wf: vscode.WorkspaceFolder, depth: number): Promise<void> => {
    if (seen.has(dir.toString()) || depth > 8) return;
    seen.add(dir.toString());
    let items: [string, vscode.FileType][];
    try {
      items = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return; // a folder that does not exist is simply no glossary
    }
    for (const [name, type] of items.sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const uri = vscode.Uri.joinPath(dir, name);
      const path = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
      if (type & vscode.FileType.SymbolicLink) {
        if (type & vscode.FileType.Directory) result.problems.push({ uri, file: path, line: 1, message: vscode.l10n.t('symbolic link to a folder: not followed (glossary folders are read without following links)') });
        else if (name.endsWith('.md')) result.problems.push({ uri, file: path, line: 1, message: vscode.l10n.t('symbolic link: not followed; put the entry file itself in the glossary folder') });
        continue;
      }
      if (type & vscode.FileType.Directory) await walk(uri, wf, depth + 1);
      else if (type & vscode.FileType.File && name.endsWith('.md') && name.toLowerCase() !== 'readme.md') {
        if (++count > LIMITS.glossaryFiles) {
          result.problems.push({ uri, file: path, line: 1, message: fill(glossaryText(vscode.l10n.t).tooManyFiles, LIMITS.glossaryFiles) });
          continue;
        }
        try {
          const stat = await vscode.workspace.fs.stat(uri);
          if (stat.size > LIMITS.fileChars * 4) {
            result.problems.push({ uri, file: path, line: 1, message: fill(decodeText(vscode.l10n.t).tooLarge, stat.size, LIMITS.fileChars) });
            continue;
          }
          const decoded = decodeEntryFile(path, await vscode.workspace.fs.readFile(uri), vscode.l10n.t);
          if ('problem' in decoded) result.problems.push({ ...decoded.problem, uri });
          else result.files.push({ path, text: decoded.text, uri });
        } catch (e) {
          result.problems.push({ uri, file: path, line: 1, message: vscode.l10n.t('cannot read: {0}', e instanceof Error ? e.message : String(e)) });
        }
      }
    }
  };
  for (const f of folders) await walk(f.uri, f.workspaceFolder, 0);
  return result;
}
