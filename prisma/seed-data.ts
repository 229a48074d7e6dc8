// Fixed inputs of the demo seed (prisma/seed.ts): names, domains, products and device names.
import type { DurationInterval } from '@/lib/generated/prisma/client';

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

export type DeviceKind = 'desktop' | 'mobile' | 'server';

export type ProductSeed = {
  name: string;
  keyPrefix: string | null;
  activationsLimit: number | null;
  duration: { count: number; interval: DurationInterval } | null;
  devices: DeviceKind;
};

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

/** Machine names for instances; desktop and mobile ones are shown as "Dana's MacBook Pro". */
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

// Lists are written as text so that the formatter keeps them compact.
function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

function commaList(text: string): string[] {
  return text.split(',').map((item) => item.trim());
}
