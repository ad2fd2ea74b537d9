import type { Catalog, Entry } from '../../model/catalog.js';
import { headerTypeName, levelTypeName, statusBodyName, statusUnionName, typeName } from '../../model/names.js';

export type OpenApiVersion = '3.1' | '3.0' | '2.0';

/** Component names and `$ref`s for one catalog and one OpenAPI version. */
export class ComponentNames {
  private readonly prefix: string;
  constructor(
    private readonly catalog: Catalog,
    readonly version: OpenApiVersion,
  ) {
    this.prefix = catalog.naming.componentPrefix;
  }

  entry(entry: Entry): string {
    return this.prefix + typeName(this.catalog, entry);
  }
  /** A type declared under `types`. */
  namedType(name: string): string {
    return this.prefix + name;
  }
  apiError(): string {
    return `${this.prefix}ApiError`;
  }
  unknownError(): string {
    return `${this.prefix}UnknownError`;
  }
  /** The enum of a level's values: `ErrorCode` when the envelope has one level, `<Level>Level` for each of several. */
  levelEnum(level: string): string {
    return this.catalog.envelope.levels.length === 1 ? `${this.prefix}ErrorCode` : this.prefix + levelTypeName(level);
  }
  errorBody(): string {
    return `${this.prefix}ErrorBody`;
  }
  statusUnion(status: number): string {
    return this.prefix + statusUnionName(status);
  }
  statusBody(status: number): string {
    return this.prefix + statusBodyName(status);
  }
  response(status: number): string {
    return `${this.prefix}Error${status}`;
  }
  header(name: string): string {
    return this.prefix + headerTypeName(name);
  }
  /** Example component keys allow `[A-Za-z0-9._-]`. */
  example(entry: Entry, exampleName: string): string {
    return `${this.prefix}${entry.name}.${exampleName.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  }
  statusExample(status: number): string {
    return `${this.prefix}Status${status}`;
  }

  schemaRef(name: string): { $ref: string } {
    return { $ref: this.version === '2.0' ? `#/definitions/${name}` : `#/components/schemas/${name}` };
  }
  responseRef(name: string): { $ref: string } {
    return { $ref: this.version === '2.0' ? `#/responses/${name}` : `#/components/responses/${name}` };
  }
  headerRef(name: string): { $ref: string } {
    return { $ref: `#/components/headers/${name}` };
  }
  exampleRef(name: string): { $ref: string } {
    return { $ref: `#/components/examples/${name}` };
  }
}
