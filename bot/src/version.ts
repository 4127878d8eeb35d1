/**
 * The service version, read from package.json once.
 */
import pkg from '../../package.json';

export const version: string = pkg.version;
