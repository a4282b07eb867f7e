// LeadLens's id in Firefox (`npm run build:firefox`): Firefox keys an extension's storage and its
// moz-extension:// address to it, and the Firefox tests find the extension by it.
export const FIREFOX_ID = 'leadlens@leadlens.example';
