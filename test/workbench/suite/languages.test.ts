/**
 * VMware VMX and Xen xl.cfg languages, and the Markdown preview plugin, in the real workbench.
 * (Reading the status bar, hovering with the mouse and looking inside the preview frame is in
 * test/workbench/ui/languages.test.mjs and preview.test.mjs.)
 */
import * as assert from './assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, hoverTextAt, openSample, positionOf, waitFor } from './helpers';

/** An in-memory file system, so tests can open files at any path without touching samples/. */
class MemoryFs implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  write(path: string, text: string): void {
    this.files.set(path, new TextEncoder().encode(text));
  }
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const data = this.files.get(uri.path);
    if (data) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: data.length };
    if ([...this.files.keys()].some((p) => p.startsWith(uri.path.endsWith('/') ? uri.path : `${uri.path}/`))) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {}
  readFile(uri: vscode.Uri): Uint8Array {
    const data = this.files.get(uri.path);
    if (!data) throw vscode.FileSystemError.FileNotFound(uri);
    return data;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.files.set(uri.path, content);
  }
  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('read-only test file system');
  }
}

const SCHEME = 'atlas-languages-test';

/** The language of the open document at `uri` (a language change replaces the document object). */
function languageOf(uri: vscode.Uri): string | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
}

describe('languages: VMware VMX and Xen xl.cfg', () => {
  const fs = new MemoryFs();
  let registration: vscode.Disposable | undefined;
  before(async () => {
    await activateExtension();
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, fs, { isCaseSensitive: true });
  });
  after(async () => {
    await closeAllEditors();
    registration?.dispose();
  });

  it('opens the .vmx sample as VMware VMX and the xl samples as Xen domain config', async () => {
    assert.equal((await openSample('vmware/ubuntu-server.vmx')).document.languageId, 'vmware-vmx');
    assert.equal((await openSample('xen/web01.cfg')).document.languageId, 'xen-xl');
    assert.equal((await openSample('xen/win10.hvm')).document.languageId, 'xen-xl');
    const languages = await vscode.languages.getLanguages();
    for (const id of ['vmware-vmx', 'xen-xl']) assert.ok(languages.includes(id), `${id} is not a known language`);
  });

  it('hovering a .vmx key explains it, dotted parts and all', async () => {
    const doc = (await openSample('vmware/ubuntu-server.vmx')).document;
    // card text is Markdown: drop its escapes before reading it
    const hover = async (text: string, offset: number) => (await hoverTextAt(doc, positionOf(doc, text, 0, offset))).replace(/\\(?=[^\s])/g, '');
    const key = await hover('ethernet0.virtualDev', 'ethernet0.'.length + 2);
    assert.ok(key.includes('ethernetN.virtualDev'), `hover on virtualDev: ${key.slice(0, 300)}`);
    assert.ok(key.includes('· `ethernet0.virtualDev`'), `the title line names the whole key hovered: ${key.slice(0, 300)}`);
    const index = await hover('ethernet1.virtualDev', 'ethernet'.length);
    assert.ok(index.includes('ethernetN.virtualDev'), `hover on ethernet1: ${index.slice(0, 200)}`);
    const vhv = await hover('vhv.enable', 1);
    assert.ok(/vhv\.enable/.test(vhv), `hover on vhv.enable: ${vhv.slice(0, 200)}`);
  });

  it('hovering .vmx values that are terms explains them (vmxnet3, pvscsi)', async () => {
    const doc = (await openSample('vmware/ubuntu-server.vmx')).document;
    const nic = await hoverTextAt(doc, positionOf(doc, '"vmxnet3"', 0, 3));
    assert.ok(nic.includes('VMXNET3'), `hover on vmxnet3: ${nic.slice(0, 200)}`);
    const scsi = await hoverTextAt(doc, positionOf(doc, '"pvscsi"', 0, 3));
    assert.ok(scsi.includes('Paravirtual SCSI'), `hover on pvscsi: ${scsi.slice(0, 200)}`);
  });

  it('hovering xl keys explains them, generic words included, and guest-type values too', async () => {
    const doc = (await openSample('xen/web01.cfg')).document;
    const memory = await hoverTextAt(doc, positionOf(doc, '\nmemory = ', 0, 3));
    assert.ok(/memory/i.test(memory) && /xl\.cfg/.test(memory), `hover on memory: ${memory.slice(0, 200)}`);
    const pvh = await hoverTextAt(doc, positionOf(doc, '"pvh"', 0, 2));
    assert.ok(pvh.includes('PVH'), `hover on pvh: ${pvh.slice(0, 200)}`);
    const hvm = (await openSample('xen/win10.hvm')).document;
    const text = await hoverTextAt(hvm, positionOf(hvm, '"hvm"', 0, 2));
    assert.ok(text.includes('HVM'), `hover on hvm: ${text.slice(0, 200)}`);
  });

  it('toggles # comments in both languages', async () => {
    for (const language of ['vmware-vmx', 'xen-xl']) {
      const doc = await vscode.workspace.openTextDocument({ language, content: 'memsize = "8192"\n' });
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.commands.executeCommand('editor.action.commentLine');
      await waitFor(() => doc.lineAt(0).text.startsWith('#'), `${language}: the line was not commented: ${doc.lineAt(0).text}`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('claims xl configs by path, sniffs look-alike .cfg files, and leaves other .cfg files alone', async () => {
    fs.write('/etc/xen/db.cfg', 'name = "db"\nmemory = 1024\n');
    fs.write('/lab/guests/alpine.cfg', '# alpine guest\nname = "alpine"\ntype = "pvh"\nmemory = 512\nvcpus = 1\nkernel = "/boot/vmlinuz-virt"\ndisk = [ "format=raw, vdev=xvda, target=/dev/vg0/alpine" ]\n');
    fs.write('/app/setup.cfg', '[metadata]\nname = atlas\nversion = 1.0\n');
    fs.write('/vms/lab/lab.vbox', '<?xml version="1.0"?>\n<VirtualBox xmlns="http://www.virtualbox.org/"/>\n');
    const open = (path: string) => vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: SCHEME, path }));
    assert.equal((await open('/etc/xen/db.cfg')).languageId, 'xen-xl');
    assert.equal((await open('/vms/lab/lab.vbox')).languageId, 'xml');
    const sniffed = await open('/lab/guests/alpine.cfg');
    await waitFor(() => languageOf(sniffed.uri) === 'xen-xl', `alpine.cfg stayed ${languageOf(sniffed.uri)}`);
    const other = await open('/app/setup.cfg');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(languageOf(other.uri), other.languageId);
    assert.notEqual(languageOf(other.uri), 'xen-xl');
  });

  it('does not sniff .cfg files with hypervisorAtlas.languages.detectXlConfigs off', async () => {
    const config = vscode.workspace.getConfiguration('hypervisorAtlas');
    await config.update('languages.detectXlConfigs', false, vscode.ConfigurationTarget.Global);
    try {
      fs.write('/lab/guests/off.cfg', 'name = "off"\nmemory = 512\nvcpus = 1\ndisk = [ "vdev=xvda" ]\n');
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: SCHEME, path: '/lab/guests/off.cfg' }));
      await new Promise((r) => setTimeout(r, 500));
      assert.notEqual(languageOf(doc.uri), 'xen-xl');
    } finally {
      await config.update('languages.detectXlConfigs', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('keeps a language chosen by hand for a sniffed .cfg file', async () => {
    fs.write('/lab/guests/keep.cfg', 'name = "keep"\nmemory = 512\nvcpus = 1\ndisk = [ "vdev=xvda" ]\n');
    const uri = vscode.Uri.from({ scheme: SCHEME, path: '/lab/guests/keep.cfg' });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitFor(() => languageOf(uri) === 'xen-xl', `keep.cfg stayed ${languageOf(uri)}`);
    await vscode.languages.setTextDocumentLanguage(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!, 'plaintext');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(languageOf(uri), 'plaintext');
  });
});

describe('Markdown preview plugin', () => {
  const render = (text: string) => vscode.commands.executeCommand<string>('markdown.api.render', text);
  const config = () => vscode.workspace.getConfiguration('hypervisorAtlas');

  before(activateExtension);
  after(async () => {
    await config().update('preview.enabled', undefined, vscode.ConfigurationTarget.Global);
    await config().update('preview.markCode', undefined, vscode.ConfigurationTarget.Global);
  });

  it('the markdown extension renders terms with markers and tooltips', async () => {
    const html = await render('# dom0 and domU\n\nA **dom0** runs the toolstack; every domU talks to dom0.\n\n`dom0` in code.\n');
    const markers = [...html.matchAll(/<span class="hypervisor-atlas-term" data-atlas-entry="([^"]+)" title="([^"]+)">([^<]+)<\/span>/g)];
    const texts = markers.map((m) => m[3]);
    assert.ok(texts.includes('dom0') && texts.includes('domU'), `marked: ${JSON.stringify(texts)}`);
    assert.equal(texts.filter((t) => t === 'dom0').length, 1, 'dom0 is marked once per section');
    assert.ok(markers.every((m) => m[2].includes(' — ')), 'every marker has a summary tooltip');
    assert.ok(/<h1[^>]*>dom0 and domU<\/h1>/.test(html), `the heading stays plain: ${html.slice(0, 200)}`);
    assert.ok(/<code>dom0<\/code>/.test(html), 'inline code stays plain');
  });

  it('follows hypervisorAtlas.preview.enabled and markCode', async () => {
    await config().update('preview.markCode', true, vscode.ConfigurationTarget.Global);
    await waitFor(async () => /<code><span class="hypervisor-atlas-term"/.test(await render('`dom0` here')), 'markCode did not mark inline code');
    await config().update('preview.enabled', false, vscode.ConfigurationTarget.Global);
    await waitFor(async () => !(await render('dom0 and domU')).includes('hypervisor-atlas-term'), 'markers stayed after turning the preview off');
  });
});
