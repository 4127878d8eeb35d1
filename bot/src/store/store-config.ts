/**
 * The store settings derived from the service configuration.
 */
import type { Config } from '../config/config';
import type { StoreConfig } from './open-store';

/** Which store the configuration asks for (cosmos is refused by the config check until its adapter lands). */
export function storeConfigOf(config: Config): StoreConfig {
  return { kind: 'sqlite', dataDir: config.dataDir };
}
