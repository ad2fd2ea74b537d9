/** The output file names when nothing else is said (the config and the API share them). */
export const DEFAULT_FILES = { openapi: 'openapi.yaml', typescript: 'errors.ts', docs: 'errors.md' } as const;
