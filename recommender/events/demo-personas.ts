/**
 * Who shops at the demo store and how, for the generated history (demo-history.ts): shopper types with shopping
 * "missions", each an ordered list of steps whose alternatives are compared before one is chosen (a runner compares
 * two shoes, buys one, then socks, then insoles). Missions of a type follow one another across visits (tent, then
 * stove), which gives the co-occurrence and sequence models real signal; the skus are the demo catalogue's
 * (commerce/demo-catalog*.ts).
 */

/** One step of a mission: the products compared there. */
export type MissionStep = readonly string[];
/** A mission: its steps in order. */
export type Mission = readonly MissionStep[];

/** A type of shopper. */
export interface Persona {
  name: string;
  /** Share of visitors of this type (relative). */
  weight: number;
  /** In the order they usually follow each other. */
  missions: readonly Mission[];
}

/** The demo store's shopper types. */
export const PERSONAS: readonly Persona[] = [
  {
    name: 'road runner',
    weight: 5,
    missions: [
      [['RUN-SHO-AIR', 'RUN-SHO-CSH', 'RUN-SHO-RCE'], ['RUN-SCK-CMP'], ['ACC-INS-SPT']],
      [['RUN-TEE-TEC', 'RUN-SNG-LGT'], ['RUN-SHT-5IN'], ['RUN-CAP-LGT']],
      [['ACC-WTC-GPS'], ['ACC-HRM-STR'], ['ACC-BLT-RUN', 'ACC-ARM-PHN']],
      [['RUN-TGT-THM', 'RUN-TOP-MRN'], ['RUN-JKT-WND'], ['RUN-HDB-MRN', 'RUN-GLV-TCH'], ['RUN-VST-REF']],
      [['ACC-FRL-MSG'], ['RUN-SLD-REC']],
    ],
  },
  {
    name: 'trail runner',
    weight: 3,
    missions: [
      [['RUN-SHO-TRL'], ['RUN-SCK-CMP'], ['OUT-GTR-WPF']],
      [['ACC-HYD-VST'], ['ACC-FLS-500'], ['OUT-HLP-400']],
      [['RUN-JKT-WND', 'OUT-JKT-SHL'], ['RUN-TOP-MRN'], ['ACC-NGT-MRN']],
      [['ACC-SUN-SPT'], ['RUN-CAP-LGT']],
    ],
  },
  {
    name: 'hiker',
    weight: 4,
    missions: [
      [['HIK-BOT-WPF', 'HIK-SHO-LOW'], ['ACC-INS-SPT'], ['OUT-GTR-WPF']],
      [['OUT-BPK-30L'], ['OUT-POL-CRB'], ['OUT-BTL-FLT']],
      [['OUT-JKT-SHL'], ['OUT-FLC-MID'], ['OUT-PNT-CNV']],
      [['OUT-JKT-DWN'], ['ACC-NGT-MRN'], ['HIK-BOT-WNT']],
      [['HIK-SND-TRL', 'HIK-SHO-APR']],
    ],
  },
  {
    name: 'camper',
    weight: 2,
    missions: [
      [['OUT-TNT-2P'], ['OUT-SLB-3SN'], ['OUT-MAT-INF']],
      [['OUT-STV-GAS'], ['OUT-HLP-400'], ['OUT-BTL-FLT']],
      [['OUT-BPK-65L'], ['OUT-POL-CRB']],
      [['OUT-JKT-DWN', 'OUT-FLC-MID']],
    ],
  },
  {
    name: 'city style',
    weight: 4,
    missions: [
      [['TEE-ORG-WHT', 'TEE-ORG-BLK'], ['JNS-SLM-BLU'], ['BLT-LTH-BRN']],
      [['SNK-WHT-LTH', 'BOOT-CHL-BRN'], ['SCK-BMB-3PK']],
      [['JKT-DEN-IND', 'JKT-RAIN-OLV'], ['SWT-MER-GRY']],
      [['BAG-TOT-CNV', 'BAG-CRS-LTH', 'BAG-BPK-RLL'], ['HAT-BKT-BEI']],
    ],
  },
  {
    name: 'elegant',
    weight: 3,
    missions: [
      [['DRS-LIN-SAGE', 'SKT-PLT-BLK'], ['SUN-RND-TRT'], ['JWL-EAR-GLD']],
      [['SCF-SLK-FLR', 'SCF-CSH-CML'], ['BAG-CRS-LTH']],
      [['WTC-MIN-SLV'], ['JWL-EAR-GLD']],
    ],
  },
  {
    name: 'gift giver',
    weight: 1,
    missions: [
      [['ACC-WTC-GPS', 'WTC-MIN-SLV'], ['SCF-CSH-CML']],
      [['ACC-EAR-SPT'], ['ACC-SUN-SPT']],
      [['RUN-SHO-AIR'], ['RUN-SCK-CMP']],
    ],
  },
];

/** The demo store's known customers (commerce/demo-catalog.ts) and the shopper type each is. */
export const DEMO_CUSTOMER_PERSONAS: Readonly<Record<string, { persona: string; country: string }>> = {
  'li.wei@example.com': { persona: 'city style', country: 'CN' },
  'anna.schmidt@example.com': { persona: 'hiker', country: 'DE' },
  'maria.garcia@example.com': { persona: 'road runner', country: 'ES' },
  'john.smith@example.com': { persona: 'city style', country: 'GB' },
  'sofia.rossi@example.com': { persona: 'elegant', country: 'IT' },
  'yuki.tanaka@example.com': { persona: 'elegant', country: 'JP' },
  'pierre.dubois@example.com': { persona: 'trail runner', country: 'FR' },
  'kim.minjun@example.com': { persona: 'gift giver', country: 'KR' },
};

/** Where the demo's visitors are, with relative weights. */
export const VISITOR_COUNTRIES: ReadonlyArray<readonly [string, number]> = [
  ['ES', 18],
  ['DE', 18],
  ['FR', 14],
  ['GB', 10],
  ['US', 10],
  ['IT', 8],
  ['CN', 8],
  ['NL', 6],
  ['JP', 5],
  ['CH', 3],
];
