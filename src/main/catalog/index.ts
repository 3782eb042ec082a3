// The catalog's public face: currencies and methods cached per connection, last used first.
export { createCatalog, type Catalog, type CatalogOptions, type LastUsed } from './catalog.ts';
