/** The demo business every request acts for until staff sign-in exists. The seed creates it. */
export const DEMO_BUSINESS_ID = 'bus_AcmeSoftwareDemo0001';
export const DEMO_BUSINESS_NAME = 'Acme Software';
