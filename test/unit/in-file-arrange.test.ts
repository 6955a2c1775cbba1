import * as assert from 'node:assert/strict';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { arrange, SHARED_SECTION, sortGroups } from '../../src/features/in-file/arrange';
import type { Occurrence, TermGroup } from '../../src/features/in-file/scan';

/** A group of `id` with occurrences at the given offsets (generic ones marked with a `g` suffix). */
function group(id: string, ...at: (number | `${number}g`)[]): TermGroup {
  const occurrences = at.map((a): Occurrence => {
    const start = typeof a === 'number' ? a : Number(a.slice(0, -1));
    return { start, end: start + 1, line: 0, character: start, endLine: 0, endCharacter: start + 1, text: id, preview: id, highlight: [0, 1], ...(typeof a === 'string' ? { generic: true } : {}) };
  });
  return { id, occurrences };
}

const kb = bundledKnowledge();
const entryOf = (id: string) => kb.get(id);
const ids = (groups: TermGroup[]) => groups.map((g) => g.id);

describe('in this file: sorting and grouping', () => {
  const groups = [group('concept.host', '0g', '50g', '60g', '70g'), group('hyperv.vmwp', 10, 80), group('kvm.qemu', 20, 30, 40), group('hyperv.vmbus', 90), group('concept.hypervisor', 5)];

  it('sorts by first occurrence, common words after every specific term', () => {
    assert.deepEqual(ids(sortGroups(groups, 'position')), ['concept.hypervisor', 'hyperv.vmwp', 'kvm.qemu', 'hyperv.vmbus', 'concept.host']);
  });

  it('sorts by count, ties by position, and a common word used most still comes last', () => {
    assert.deepEqual(ids(sortGroups(groups, 'count')), ['kvm.qemu', 'hyperv.vmwp', 'concept.hypervisor', 'hyperv.vmbus', 'concept.host']);
  });

  it('a group is a common word only when every occurrence of it is', () => {
    const mixed = group('concept.host', '0g', 3);
    assert.deepEqual(ids(sortGroups([group('hyperv.vmwp', 10), mixed], 'position')), ['concept.host', 'hyperv.vmwp']);
  });

  it('groups by system, with the terms shared across systems after the systems', () => {
    const sections = arrange(groups, entryOf, { groupBy: 'system', sortBy: 'position' });
    assert.deepEqual(
      sections.map((s) => [s.label, ids(s.groups)]),
      [
        [kb.get('hyperv')!.title, ['hyperv.vmwp', 'hyperv.vmbus']],
        [kb.get('kvm')!.title, ['kvm.qemu']],
        [SHARED_SECTION, ['concept.hypervisor', 'concept.host']],
      ],
    );
  });

  it('orders system sections by count when sorting by count', () => {
    const sections = arrange(groups, entryOf, { groupBy: 'system', sortBy: 'count' });
    assert.deepEqual(sections.map((s) => s.key), ['system:hyperv', 'system:kvm', 'system:']);
    const more = arrange([...groups, group('kvm.host-passthrough', 100, 110)], entryOf, { groupBy: 'system', sortBy: 'count' });
    assert.deepEqual(more.map((s) => s.key), ['system:kvm', 'system:hyperv', 'system:']);
  });

  it('groups by kind in a fixed order of kinds', () => {
    const sections = arrange(groups, entryOf, { groupBy: 'kind', sortBy: 'position' });
    const kinds = sections.map((s) => s.key);
    assert.deepEqual(kinds, [...new Set(kinds)]);
    assert.ok(kinds.indexOf('kind:component') < kinds.indexOf('kind:concept'), JSON.stringify(kinds));
    assert.ok(sections.find((s) => s.key === 'kind:concept')?.groups.some((g) => g.id === 'concept.hypervisor'));
  });

  it('without grouping, one unlabelled section holds every group', () => {
    const [only, ...rest] = arrange(groups, entryOf, { groupBy: 'none', sortBy: 'position' });
    assert.equal(rest.length, 0);
    assert.equal(only!.label, '');
    assert.equal(only!.groups.length, groups.length);
  });
});
