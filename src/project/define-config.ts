import type { OpenApiVersion } from '../emit/openapi/names.js';
import type { SdkOptions } from '../emit/openapi/sdk.js';

/** Extensions for SDK generators in the OpenAPI outputs (see `SdkOptions`). */
export type SdkSettings = SdkOptions;

/** One `catalogs` item of the config, as written (see schema/config.schema.json). */
export interface TargetSettings {
  /** The catalog file, relative to the config; `*` in a segment matches every folder. */
  catalog: string;
  /** The output folder; `{name}` is the folder that holds the catalog. */
  out: string;
  openapi?: false | { file?: string; version?: OpenApiVersion };
  /** `operations`: the spec whose operations `OperationErrors` types (default: the `merge` specs). */
  typescript?: false | { file?: string; operations?: string | false };
  /** MSW handlers that force a code on an operation (opt-in). */
  mocks?: false | { file?: string };
  /** Extensions for SDK generators (opt-in). */
  sdk?: SdkSettings;
  /** `pages`: a folder (inside `out`) for one page per code. */
  docs?: false | { file?: string; pages?: string };
  /** Specs to merge the catalog into; `out` defaults to the spec itself. */
  merge?: { spec: string; out?: string }[];
}

/** A project config: errcat.config.ts, .mjs, .js, .yaml, .yml or .json. */
export interface ErrcatConfig {
  $schema?: string;
  /** The config format version: 1. */
  errcat?: number;
  /** A folder of Handlebars templates that replace the defaults of the same name. */
  templates?: string;
  catalogs: TargetSettings[];
}

/**
 * Types an `errcat.config.ts` (or `.mjs`, `.js`): `export default defineConfig({ … })`. It returns
 * the config as given; errcat validates it with the same JSON Schema as a YAML config.
 */
export function defineConfig(config: ErrcatConfig): ErrcatConfig {
  return config;
}
