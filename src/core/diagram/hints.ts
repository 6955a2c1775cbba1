import type { SystemHints } from './types';

/**
 * Presentation choices the knowledge base has no field for. Hyper-V is drawn with two running
 * child partitions, so the diagram can show that there is one worker process (VMWP) in the
 * root partition for each of them, and the VSCs and VMBus over the enlightened guest kernel. Ids that do not resolve are ignored, so a renamed entry
 * only loses the copy, never the drawing.
 */
export const SYSTEM_HINTS: Record<string, SystemHints> = {
  hyperv: {
    repeat: { 'hyperv.child': 2 },
    perInstance: { 'hyperv.vmwp': 'hyperv.child' },
    base: ['hyperv.guest-kernel'],
  },
};
