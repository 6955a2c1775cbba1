/** Command ids, shared by the features that register them and the ones that link to them. */
export const Commands = {
  explainTerm: 'hypervisorAtlas.explainTerm',
  openEntry: 'hypervisorAtlas.openEntry',
  searchAtlas: 'hypervisorAtlas.searchAtlas',
  revealInAtlas: 'hypervisorAtlas.revealInAtlas',
  showDiagram: 'hypervisorAtlas.showDiagram',
  showHyperVArchitecture: 'hypervisorAtlas.showHyperVArchitecture',
  compareTypes: 'hypervisorAtlas.compareTypes',
} as const;
