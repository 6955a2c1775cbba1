import type { SystemHints } from './types';

/**
 * Presentation choices the knowledge base has no field for: Hyper-V draws the VSCs and VMBus
 * over the enlightened guest kernel. (One VMWP per child partition is the content's `perVm`.)
 * Ids that do not resolve are ignored, so a renamed entry only loses the hint, never the drawing.
 */
export const SYSTEM_HINTS: Record<string, SystemHints> = {
  hyperv: {
    base: ['hyperv.guest-kernel'],
  },
};
