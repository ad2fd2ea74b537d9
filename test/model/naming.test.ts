import { describe, expect, it } from 'vitest';
import { expandTemplate, invalidNameReason, matchesStyle, pascalName, slug, toStyle, unknownPlaceholders } from '../../src/model/naming.js';
import type { CodeStyle } from '../../src/model/catalog.js';

describe('pascalName', () => {
  it.each([
    ['rate_limit_exceeded', 'RateLimitExceeded'],
    ['RATE_LIMITED', 'RateLimited'],
    ['not-found', 'NotFound'],
    ['rateLimit', 'RateLimit'],
    ['HTTPError', 'HttpError'],
    ['quota.exceeded.v2', 'QuotaExceededV2'],
    ['1001', 'Code1001'],
    [404, 'Code404'],
    ['__proto__', 'Proto'],
    ['', 'Code'],
  ])('%j → %s', (code, name) => expect(pascalName(code)).toBe(name));
});

describe('code styles', () => {
  const cases: [CodeStyle, string, boolean, string][] = [
    ['snake_case', 'rate_limit_exceeded', true, 'rate_limit_exceeded'],
    ['snake_case', 'RateLimit', false, 'rate_limit'],
    ['UPPER_SNAKE_CASE', 'PAST_DUE', true, 'PAST_DUE'],
    ['UPPER_SNAKE_CASE', 'past_due', false, 'PAST_DUE'],
    ['kebab-case', 'out-of-credit', true, 'out-of-credit'],
    ['camelCase', 'invalidAttribute', true, 'invalidAttribute'],
    ['camelCase', 'invalid_attribute', false, 'invalidAttribute'],
    ['PascalCase', 'NotFound', true, 'NotFound'],
    ['dot.case', 'quota.exceeded', true, 'quota.exceeded'],
  ];
  it.each(cases)('%s: %s matches=%s, converts to %s', (style, code, matches, converted) => {
    expect(matchesStyle(code, style)).toBe(matches);
    expect(toStyle(code, style)).toBe(converted);
    expect(matchesStyle(converted, style)).toBe(true);
  });
});

describe('invalidNameReason', () => {
  it.each([
    ['NotFound', false],
    ['notFound', true],
    ['Not Found', true],
    ['Error', true],
    ['Record', true],
    ['Code1001', false],
  ])('%s invalid=%s', (name, invalid) => expect(invalidNameReason(name) !== undefined).toBe(invalid));
});

describe('URL templates', () => {
  it('expands known placeholders, escaping values for a URL', () => {
    expect(expandTemplate('https://x/{code}/{status}/{name}/{slug}', { code: 'RATE_LIMITED', status: 429, name: 'RateLimited' })).toBe('https://x/RATE_LIMITED/429/RateLimited/rate-limited');
    expect(expandTemplate('https://x/{code}', { code: 'a b/c', status: 400, name: 'AB' })).toBe('https://x/a%20b%2Fc');
  });
  it('finds unknown placeholders', () => {
    expect(unknownPlaceholders('https://x/{code}/{cod}/{}')).toEqual(['cod', '']);
  });
  it('slugs any style', () => expect(slug('PAST_DUE')).toBe('past-due'));
});
