import type { Catalog, Entry } from '../../model/catalog.js';
import { componentName, DOCUMENTED_ERROR, ERROR_BODY, ERROR_CODE, ERROR_SHAPE, headerComponentName, levelTypeName, statusName, typeName } from '../../model/names.js';

export type OpenApiVersion = '3.1' | '3.0' | '2.0';

/** Component names and `$ref`s for one catalog and one OpenAPI version. */
export class ComponentNames {
  constructor(
    private readonly catalog: Catalog,
    readonly version: OpenApiVersion,
  ) {}

  /** Each entry's name, worked out once: unions, mappings and examples name every entry again. */
  private readonly entryNames = new Map<Entry, string>();

  private named(name: string): string {
    return componentName(this.catalog, name);
  }
  entry(entry: Entry): string {
    let name = this.entryNames.get(entry);
    if (name === undefined) this.entryNames.set(entry, (name = this.named(typeName(this.catalog, entry))));
    return name;
  }
  /** A type declared under `types`. */
  namedType(name: string): string {
    return this.named(name);
  }
  /** The union of every documented error object. */
  documentedError(): string {
    return this.named(DOCUMENTED_ERROR);
  }
  /** The shape every error shares. */
  errorShape(): string {
    return this.named(ERROR_SHAPE);
  }
  /** The enum of a level's values: `ErrorCode` when the envelope has one level, `<Level>Level` for each of several. */
  levelEnum(level: string): string {
    return this.named(this.catalog.envelope.levels.length === 1 ? ERROR_CODE : levelTypeName(level));
  }
  errorBody(): string {
    return this.named(ERROR_BODY);
  }
  /** The union of one status's codes; `subset` names a part of them (`Status400InvalidRequestError`). */
  statusUnion(status: number, subset: string = ''): string {
    return this.named(statusName(status, `${subset}Error`));
  }
  statusBody(status: number, subset: string = ''): string {
    return this.named(statusName(status, `${subset}Body`));
  }
  /** Each response's name, worked out once: a merge asks for the same few for every operation of a spec. */
  private readonly responseNames = new Map<string, string>();

  response(status: number, subset: string | undefined = ''): string {
    const key = `${status} ${subset}`;
    let name = this.responseNames.get(key);
    if (name === undefined) this.responseNames.set(key, (name = this.named(statusName(status, `${subset}Response`))));
    return name;
  }
  header(name: string): string {
    return this.named(headerComponentName(name));
  }
  /** Example component keys allow `[A-Za-z0-9._-]`. */
  example(entry: Entry, exampleName: string): string {
    return `${this.named(entry.name)}.${exampleName.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  }
  statusExample(status: number): string {
    return this.named(`Status${status}`);
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
