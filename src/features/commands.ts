/** Command ids, shared by the features that register them and the ones that link to them. */
export const Commands = {
  explainTerm: 'hypervisorAtlas.explainTerm',
  openEntry: 'hypervisorAtlas.openEntry',
  searchAtlas: 'hypervisorAtlas.searchAtlas',
  revealInAtlas: 'hypervisorAtlas.revealInAtlas',
  showDiagram: 'hypervisorAtlas.showDiagram',
  showHyperVArchitecture: 'hypervisorAtlas.showHyperVArchitecture',
  compareTypes: 'hypervisorAtlas.compareTypes',
  toggleHovers: 'hypervisorAtlas.toggleHovers',
  openExample: 'hypervisorAtlas.openExample',
  showFlow: 'hypervisorAtlas.showFlow',
  newGlossaryEntry: 'hypervisorAtlas.newGlossaryEntry',
  /** internal, for the workbench tests (not in package.json): what an open diagram shows */
  diagramSnapshot: 'hypervisorAtlas.diagram.snapshot',
  // "Architectures" and "In This File" views (src/features/tree, src/features/in-file)
  architecturesRefresh: 'hypervisorAtlas.architectures.refresh',
  architecturesOpen: 'hypervisorAtlas.architectures.open',
  architecturesSelection: 'hypervisorAtlas.architectures.selection',
  treeOpenCard: 'hypervisorAtlas.tree.openCard',
  treeShowInDiagram: 'hypervisorAtlas.tree.showInDiagram',
  treeCopySummary: 'hypervisorAtlas.tree.copySummary',
  treeOpenSource: 'hypervisorAtlas.tree.openSource',
  inFileRefresh: 'hypervisorAtlas.inFile.refresh',
  inFileGoTo: 'hypervisorAtlas.inFile.goTo',
  inFileSnapshot: 'hypervisorAtlas.inFile.snapshot',
  inFileGroupBy: 'hypervisorAtlas.inFile.groupBy',
  inFileSortBy: 'hypervisorAtlas.inFile.sortBy',
} as const;
