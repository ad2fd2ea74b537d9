export { openApiComponents, openApiDocument, OPENAPI_VERSIONS, type OpenApiDocument } from './document.js';
export { ComponentNames, type OpenApiVersion } from './names.js';
