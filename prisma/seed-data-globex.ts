// Fixed inputs of the demo seed for the second business, Globex Corporation: a smaller store with
// its own customers (other names, other email domains than Acme's), products and servers.
import { GLOBEX_BUSINESS_ID, GLOBEX_BUSINESS_NAME } from '@/lib/auth/demo-business';
import { DEVICES, commaList, words, type BusinessSeed, type ProductSeed } from './seed-data';

const FIRST_NAMES = words(`
  Akira Bianca Cedric Daria Emil Farah Gideon Helena Imani Jorge Katya Lorenzo Marisol Nikolai
  Odette Pedro Quinn Rosa Stellan Tamsin Uriel Vera Wendell Ximena Yusuf Zara Anders Bongani
  Celeste Dario Esperanza Florian Gaia Hugo Ines Joaquín Kalani Leopold Maren Nils
`);

const LAST_NAMES = words(`
  Abernathy Bergström Castellanos Delacroix Eriksen Fontaine Galloway Haraldsen Ibarra Jovanović
  Kaminski Lachance Marchetti Nakagawa Oyelowo Prescott Quintero Rasmussen Szabo Takahashi
  Underwood Valdés Whitfield Xu Yamamoto Zielinski Achebe Brennan Chowdhury Duarte
`);

const EMAIL_DOMAINS = words(`
  initrode.com vandelay.com cyberdyne.io tyrell-corp.com massive-dynamic.com soylent.net
  nakatomi.jp oceanic-air.com dunder-mifflin.com sterling-cooper.com bluthco.com weyland.io
  stratton-oakmont.com wernham-hogg.co.uk
`);

const PRODUCTS: ProductSeed[] = [
  {
    name: 'Globex Analytics Suite',
    keyPrefix: 'GLX',
    activationsLimit: 2,
    duration: { count: 1, interval: 'year' },
    devices: 'desktop',
  },
  {
    name: 'Hammock Sync',
    keyPrefix: null,
    activationsLimit: null,
    duration: null,
    devices: 'desktop',
  },
  {
    name: 'Globex Render Farm',
    keyPrefix: 'RENDER',
    activationsLimit: 8,
    duration: { count: 3, interval: 'month' },
    devices: 'server',
  },
  {
    name: 'Cypress Notes',
    keyPrefix: 'CYP',
    activationsLimit: 3,
    duration: { count: 1, interval: 'year' },
    devices: 'mobile',
  },
];

export const GLOBEX_SEED: BusinessSeed = {
  id: GLOBEX_BUSINESS_ID,
  name: GLOBEX_BUSINESS_NAME,
  prngSeed: 19_890_417,
  createdDaysAgo: 150,
  customerCount: 60,
  // 20 keys: enough for every status × source pair and a usual mix after them.
  licenseKeyCount: 20,
  featuredCustomer: {
    firstName: 'Priscilla',
    lastName: 'Okonkwo',
    email: 'priscilla.okonkwo@initrode.com',
  },
  firstNames: FIRST_NAMES,
  lastNames: LAST_NAMES,
  emailDomains: EMAIL_DOMAINS,
  products: PRODUCTS,
  devices: {
    ...DEVICES,
    server: commaList(`
      render-01, render-02, render-gpu-a100, render-gpu-h100, farm-eu-central, farm-us-west,
      k8s-node-07, batch-queue-02
    `),
  },
};
