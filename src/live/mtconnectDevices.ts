/** What the SHDR reader needs to know about one MTConnect data item. */
export interface DataItemInfo {
  type: string;
  category: 'SAMPLE' | 'EVENT' | 'CONDITION' | string;
  subType?: string;
}

export interface DeviceModel {
  name: string;
  uuid?: string;
  /** Keyed by the data item's name and by its id: SHDR adapters may send either. */
  dataItems: Map<string, DataItemInfo>;
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*"([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

/**
 * The devices and data items of an MTConnectDevices document (Devices.xml). Only `<Device>` and
 * `<DataItem>` attributes matter here, so a scan of those tags does, and the same code runs in a
 * worker or Node, where there is no DOMParser.
 */
export function readDevicesXml(xml: string): DeviceModel[] {
  const devices: DeviceModel[] = [];
  for (const block of xml.matchAll(/<Device\b([^>]*)>([\s\S]*?)<\/Device>/g)) {
    const device = attributes(block[1]!);
    const dataItems = new Map<string, DataItemInfo>();
    for (const tag of block[2]!.matchAll(/<DataItem\b([^>]*?)\/?>/g)) {
      const a = attributes(tag[1]!);
      if (!a.type || !a.category) continue;
      const info: DataItemInfo = { type: a.type, category: a.category, ...(a.subType ? { subType: a.subType } : {}) };
      if (a.id) dataItems.set(a.id, info);
      if (a.name) dataItems.set(a.name, info);
    }
    devices.push({ name: device.name ?? device.id ?? 'device', ...(device.uuid ? { uuid: device.uuid } : {}), dataItems });
  }
  return devices;
}

const GUESSES: [RegExp, DataItemInfo][] = [
  [/^avail(ability)?$/i, { type: 'AVAILABILITY', category: 'EVENT' }],
  [/execution$/i, { type: 'EXECUTION', category: 'EVENT' }],
  [/^(p?mode|controller_?mode)$/i, { type: 'CONTROLLER_MODE', category: 'EVENT' }],
  [/^(fmode|functional_?mode)$/i, { type: 'FUNCTIONAL_MODE', category: 'EVENT' }],
  [/^(estop|e_stop|emergency_?stop)$/i, { type: 'EMERGENCY_STOP', category: 'EVENT' }],
  [/^p?part_?count$/i, { type: 'PART_COUNT', category: 'EVENT' }],
  [/(_cond|^system)$/i, { type: 'SYSTEM', category: 'CONDITION' }],
];

/**
 * Without a Devices.xml, a data item is recognised by the key names common adapters use
 * (`avail`, `execution`, `mode`, `estop`, `part_count`, `…_cond`); other keys are not used.
 */
export function guessDataItem(key: string): DataItemInfo | undefined {
  return GUESSES.find(([pattern]) => pattern.test(key))?.[1];
}
