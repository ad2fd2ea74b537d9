import { describe, expect, it } from 'vitest';
import { typeName } from '../../../src/model/names.js';
import { jsDoc } from '../../../src/emit/typescript/jsdoc.js';
import { stringLiteral, valueLiteral } from '../../../src/emit/typescript/literals.js';
import { tscErrors } from '../../judges.js';
import { generatedModule } from './modules.js';

type Built = { status: number; headers: Record<string, string>; body: unknown };

// Every catalog string reaches errors.ts through one function per destination: string literals
// through stringLiteral, comments through jsDoc. Codes with `*/` used to close a guard's JSDoc.
const HOSTILE_FIXTURES = ['test/fixtures/valid/hostile-codes.yaml', 'test/fixtures/valid/hostile-strings.yaml'];

describe('catalog strings in errors.ts', () => {
  it('compiles under tsc --strict', async () => {
    const paths = await Promise.all(HOSTILE_FIXTURES.map(async (file) => (await generatedModule(file)).path));
    expect(tscErrors(paths)).toBe('');
  });

  it.each(HOSTILE_FIXTURES)('%s: every string reads back exactly', async (file) => {
    const { module, catalog, text } = await generatedModule(file);
    expect(text).toContain(`${catalog.info.title.replace('*/', '*\\/')} ${catalog.info.version}`);
    expect(module.ERROR_CODES).toEqual(catalog.entries.map((e) => e.code));
    expect(Object.keys(module.ERRORS)).toEqual(catalog.entries.map((e) => String(e.code)));
    for (const entry of catalog.entries) {
      const meta = Object.getOwnPropertyDescriptor(module.ERRORS, String(entry.code))?.value as Record<string, unknown>;
      expect(meta).toMatchObject({ code: entry.code, title: entry.title, name: entry.name });
      expect(meta['description']).toBe(entry.description);
      expect(meta['fix']).toBe(entry.fix);
      expect(module.isErrorCode(entry.code)).toBe(true);
      const create = module[`create${typeName(catalog, entry)}`] as (fields?: object) => Built;
      const built = create(catalog.fields.some((f) => f.required) ? { 'weird key': 'v' } : {});
      const error = Object.values(built.body as object)[0] as Record<string, unknown>;
      expect(error['message']).toBe(entry.title);
      expect(module.classifyError(built.status, built.body, built.headers)).toMatchObject({ known: true, code: entry.code });
    }
  });

  it('hostile codes come back as codes, level values and echo headers', async () => {
    const { module } = await generatedModule('test/fixtures/valid/hostile-codes.yaml');
    const code = 'nul\0byte';
    const built = (module['createNulByteError'] as () => Built)();
    expect(built.headers['X-Echo']).toBe(code);
    expect(built.body).toEqual({ 'e*/rr': { 'k*/': 'k*/1', code, message: 'NUL \0 inside' } });
    expect(module.classifyError(500, built.body, built.headers)).toMatchObject({ known: true, code, codes: { kind: 'k*/1', code } });
    const proto = JSON.parse('{"e*/rr": {"k*/": "k*/1", "code": "__proto__", "message": "m"}}');
    expect(module.classifyError(400, proto)).toMatchObject({ known: true, code: '__proto__' });
    expect(module.classifyError(400, { 'e*/rr': { 'k*/': 'k*/1', code: 'toString', message: 'm' } })).toMatchObject({ known: true, code: 'k*/1', codes: { code: 'toString' } });
  });

  it('string literals escape quotes, backslashes, controls and line separators; JSDoc cannot be closed or tagged', () => {
    const hostile = 'a*/b"c\\d${e}`f`<!--g-->\u2028h\u2029i\0j\nk';
    expect(stringLiteral(hostile)).toBe('"a*/b\\"c\\\\d${e}`f`<!--g-->\\u2028h\\u2029i\\u0000j\\nk"');
    expect(eval(stringLiteral(hostile))).toBe(hostile);
    const object = JSON.parse(`{"__proto__": ${JSON.stringify(hostile)}, ${JSON.stringify(hostile)}: [${JSON.stringify(hostile)}]}`);
    const evaluated: unknown = eval(`(${valueLiteral(object)})`);
    expect(Object.getPrototypeOf(evaluated)).toBe(Object.prototype);
    expect(evaluated).toEqual(object);
    const [doc] = jsDoc(hostile, [['see', '*/ @x']]);
    expect(doc?.description).toBe('a*\\/b"c\\d${e}`f`<!--g-->\nh\ni\\u0000j\nk');
    expect(doc?.tags?.[0]).toMatchObject({ tagName: 'see', text: '*\\/ @x' });
    expect(jsDoc('x\n@deprecated')[0]?.description).toBe('x\n\\@deprecated');
  });
});
