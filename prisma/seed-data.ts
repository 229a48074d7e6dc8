// Fixed inputs of the demo seed (prisma/seed.ts): what a demo business is made of, and Acme
// Software's names, domains, products and device names. Globex's are in ./seed-data-globex.ts.
import { DEMO_BUSINESS_ID, DEMO_BUSINESS_NAME } from '@/lib/auth/demo-business';
import type { DurationInterval } from '@/lib/generated/prisma/client';

export type DeviceKind = 'desktop' | 'mobile' | 'server';

export type ProductSeed = {
  name: string;
  keyPrefix: string | null;
  activationsLimit: number | null;
  duration: { count: number; interval: DurationInterval } | null;
  devices: DeviceKind;
};

export type PersonSeed = { firstName: string; lastName: string; email: string };

/** Everything that makes one demo business; prisma/seed-business.ts builds its rows from it. */
export type BusinessSeed = {
  id: string;
  name: string;
  /** Fixed, so that every run (and every developer) gets the same names, products and key mix. */
  prngSeed: number;
  /** The business's age; its products, customers and keys are dated within it. */
  createdDaysAgo: number;
  customerCount: number;
  licenseKeyCount: number;
  /** The first customer; the seed gives them the first product's key, at its activation limit. */
  featuredCustomer: PersonSeed;
  firstNames: readonly string[];
  lastNames: readonly string[];
  emailDomains: readonly string[];
  /** The first product's limit must not exceed its kind's device names (the featured key fills it). */
  products: readonly ProductSeed[];
  /** Machine names for instances; desktop and mobile ones are shown as "Dana's MacBook Pro". */
  devices: Record<DeviceKind, readonly string[]>;
};

/** The customer tests and docs can rely on; the seed gives her a key at its activation limit. */
export const DEMO_CUSTOMER = { firstName: 'Dana', lastName: 'Kim', email: 'dana.kim@northwind.io' };

export const FIRST_NAMES = words(`
  Dana Aisha Mateo Priya Lukas Yuki Chloé Olusegun Ingrid Rafael Mei Tomasz Fatima Liam Sofia
  Arjun Hannah Kwame Elif Diego Noor Sven Camille Hiroshi Amara Jonas Valentina Ravi Zoë
  Marcus Leila Björn Isabela Chen Nadia Oliver Thandiwe Pablo Anika Dmitri Grace Kenji Lucía
  Emeka Freya Omar Siobhan Wei Beatriz Henrik Yasmin Ethan Ananya Mikael Carmen Tariq Astrid
  Jin Malia Rohan Ewa Samuel Keiko Ayodele Clara Hamza Linnea Javier Sakura Noah
`);

export const LAST_NAMES = words(`
  Kim Okafor García Sharma Müller Tanaka Dubois Adeyemi Johansson Silva Wang Kowalski Haddad
  O'Brien Rossi Patel Schmidt Mensah Yılmaz Hernández Rahman Lindqvist Moreau Sato Nwosu
  Becker Romero Iyer Novak Thompson Nakamura Costa Zhang Petrov Walsh Ndlovu Fernández Gupta
  Ivanova Chen Larsen Al-Sayed Murphy Park Bianchi Kaur Andersson Oyelaran Nguyen Reyes
  Fischer Ito Santos Mahmoud Kovač Lee Hoffmann Osei Martins Singh
`);

export const EMAIL_DOMAINS = words(`
  northwind.io gmail.com outlook.com fastmail.com proton.me icloud.com contoso.com globex.dev
  initech.co umbrella-labs.com hooli.xyz piedpiper.net studio-lumen.de kanso.jp
  brightpixel.co.uk acme.io yahoo.com hey.com nordlys.no terracotta.es mapleworks.ca
  sunbird.com.au
`);

export const PRODUCTS: ProductSeed[] = [
  {
    name: 'PhotoForge Pro',
    keyPrefix: 'PHOTO',
    activationsLimit: 3,
    duration: { count: 1, interval: 'year' },
    devices: 'desktop',
  },
  {
    name: 'PhotoForge Studio Team',
    keyPrefix: 'PHOTO',
    activationsLimit: 25,
    duration: { count: 1, interval: 'year' },
    devices: 'desktop',
  },
  {
    name: 'CodeLens IDE',
    keyPrefix: 'CODE',
    activationsLimit: 2,
    duration: { count: 1, interval: 'year' },
    devices: 'desktop',
  },
  {
    name: 'SyncVault Backup',
    keyPrefix: null,
    activationsLimit: null,
    duration: null,
    devices: 'desktop',
  },
  {
    name: 'Markdown Desk',
    keyPrefix: null,
    activationsLimit: 1,
    duration: null,
    devices: 'desktop',
  },
  {
    name: 'AudioMint Plugin Bundle',
    keyPrefix: 'AMINT',
    activationsLimit: 5,
    duration: { count: 2, interval: 'year' },
    devices: 'desktop',
  },
  {
    name: 'Fieldnote Mobile',
    keyPrefix: null,
    activationsLimit: 3,
    duration: { count: 6, interval: 'month' },
    devices: 'mobile',
  },
  {
    name: 'TerraMap GIS Server',
    keyPrefix: 'TERRA',
    activationsLimit: 10,
    duration: { count: 3, interval: 'month' },
    devices: 'server',
  },
];

export const DEVICES: Record<DeviceKind, string[]> = {
  desktop: commaList(`
    MacBook Pro, MacBook Air, iMac, Mac Studio, Mac mini, ThinkPad X1 Carbon, Dell XPS 15,
    Surface Laptop, Windows PC, Gaming PC, Linux Workstation, Framework Laptop
  `),
  mobile: commaList(
    'iPhone 15, iPhone 13 mini, iPad Pro, iPad Air, Pixel 8, Galaxy S24, Galaxy Tab S9',
  ),
  server: commaList(`
    gis-prod-01, gis-prod-02, gis-staging, tiles-eu-west, tiles-us-east, render-node-03,
    qgis-batch-01, analytics-vm
  `),
};

export const ACME_SEED: BusinessSeed = {
  id: DEMO_BUSINESS_ID,
  name: DEMO_BUSINESS_NAME,
  prngSeed: 20_261_126,
  createdDaysAgo: 200,
  customerCount: 240,
  licenseKeyCount: 60,
  featuredCustomer: DEMO_CUSTOMER,
  firstNames: FIRST_NAMES,
  lastNames: LAST_NAMES,
  emailDomains: EMAIL_DOMAINS,
  products: PRODUCTS,
  devices: DEVICES,
};

// Lists are written as text so that the formatter keeps them compact.
export function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

export function commaList(text: string): string[] {
  return text.split(',').map((item) => item.trim());
}
