/**
 * Whether a `.cfg` file is a Xen xl domain configuration (xl.cfg(5)), so it can open in the
 * xl language rather than Properties. Pure and cheap: reads at most the first MAX_LINES lines
 * and MAX_CHARS characters; a line longer than MAX_LINE_CHARS counts against it unread.
 *
 * A file counts as an xl config when its statements are xl statements (`key = value` with a
 * quoted, numeric or [list] value, as libxlu accepts), most of their keys are documented
 * xl.cfg keys, and at least one key that every domain config tends to have (name, memory,
 * vcpus, disk, vif, kernel, bootloader, or a guest type) is there. INI sections (`[main]`),
 * unquoted values (`key = value`, `key: value`) and other lines count against it.
 */

export const MAX_LINES = 400;
export const MAX_CHARS = 64 * 1024;
const MAX_LINE_CHARS = 4096;

/** Keys documented in xl.cfg(5) (https://xenbits.xen.org/docs/unstable/man/xl.cfg.5.html). */
export const XL_KEYS: ReadonlySet<string> = new Set(
  (
    'name type builder uuid seclabel init_seclabel pool vcpus maxvcpus cpus cpus_soft cpu_weight cap ' +
    'memory maxmem vnuma on_poweroff on_reboot on_watchdog on_crash on_soft_reset kernel ramdisk cmdline root extra ' +
    'bootloader bootloader_args firmware bios bios_path_override boot hap nestedhvm altp2m viridian acpi apic pae hpet ' +
    'acpi_s3 acpi_s4 acpi_laptop_slate acpi_firmware smbios_firmware ms_vm_genid timer_mode tsc_mode localtime ' +
    'rtc_timeoffset vpt_align disk vif vtpm p9 pvcalls vfb vkb vdispl vsnd channel rdm rdm_mem_boundary ' +
    'usbctrl usbdev pci pci_permissive pci_msitranslate pci_seize pci_power_mgmt gfx_passthru rdm_check iomem ioports irqs ' +
    'dtdev device_tree max_grant_frames max_maptrack_frames max_grant_version max_event_channels e820_host ' +
    'device_model_version device_model_override device_model_stubdomain_override device_model_stubdomain_seclabel ' +
    'device_model_user device_model_args device_model_args_pv device_model_args_hvm stdvga vga videoram vnc vnclisten ' +
    'vncdisplay vncunused vncpasswd keymap sdl opengl nographic spice spicehost spiceport spicetls_port spicedisable_ticketing ' +
    'spicepasswd spiceagent_mouse spicevdagent spice_clipboard_sharing spiceusbredirection spice_image_compression ' +
    'spice_streaming_video serial soundhw vkb_device usb usbdevice vendor_device xen_platform_pci nomigrate driver_domain ' +
    'pvshim pvshim_path pvshim_cmdline passthrough cpuid claim_mode mca_caps msr_relaxed vpmu gic_version nr_spis tee ' +
    'vuart trap_unmapped_accesses shadow_memory ' +
    'hdtype usbversion smbios mmio_hole oos nx hvm_pirq xen_platform_pci_bar_uc altp2mhvm altp2m_count pvshim_extra ' +
    'bootloader_restrict bootloader_user dm_restrict stubdomain_kernel stubdomain_cmdline stubdomain_ramdisk stubdomain_memory ' +
    'virtio vmtrace_buf_kb xend_suspend_evtchn_compat xenstore_feature_mask xenstore_quota sve llc_colors arm_sci ' +
    'vif.default.bridge vif.default.script vif.default.gatewaydev vif.default.backend autoballoon run_hotplug_scripts ' +
    'lockfile blkdev_start vm.cpumask vm.pv.cpumask vm.hvm.cpumask'
  ).split(/\s+/),
);

/** Keys nearly every domain config has; one of them must be present. */
const ANCHORS = new Set(['name', 'memory', 'vcpus', 'disk', 'vif', 'kernel', 'bootloader', 'type', 'builder']);

const STATEMENT = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\+?=\s*(.*)$/;
const XL_VALUE = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\[|[0-9][0-9a-fx]*\b)/;
const INI_SECTION = /^\s*\[[^\]=]+\]\s*(?:[#;].*)?$/;

export function looksLikeXlConfig(text: string): boolean {
  let statements = 0;
  let known = 0;
  let foreign = 0;
  let anchor = false;
  let depth = 0; // open [ lists spanning lines
  let lines = 0;
  for (const raw of text.slice(0, MAX_CHARS).split(/\r?\n/, MAX_LINES)) {
    lines++;
    if (raw.length > MAX_LINE_CHARS) {
      foreign++;
      continue;
    }
    const line = stripComment(raw).trim();
    if (!line) continue;
    if (depth > 0) {
      depth = Math.max(0, depth + bracketDelta(line));
      continue;
    }
    if (INI_SECTION.test(line)) return false;
    for (const part of line.split(';')) {
      const statement = part.trim();
      if (!statement) continue;
      const m = STATEMENT.exec(statement);
      if (!m || !XL_VALUE.test(m[2].trim())) {
        foreign++;
        continue;
      }
      statements++;
      const key = m[1].toLowerCase();
      if (XL_KEYS.has(key)) known++;
      if (key === 'type' || key === 'builder') {
        if (/^["'](?:pv|pvh|hvm|generic|linux)["']/.test(m[2].trim())) anchor = true;
      } else if (ANCHORS.has(key)) anchor = true;
      depth = Math.max(0, bracketDelta(m[2]));
    }
  }
  if (lines === 0) return false;
  return anchor && known >= 3 && known >= statements * 0.6 && foreign <= Math.max(2, statements * 0.2);
}

/** The line without a `#` comment (a `#` inside quotes is text). */
function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

/** `[` minus `]` outside quotes. */
function bracketDelta(text: string): number {
  let quote = '';
  let delta = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') delta++;
    else if (c === ']') delta--;
  }
  return delta;
}
