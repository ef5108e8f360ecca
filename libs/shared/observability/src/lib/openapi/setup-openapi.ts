import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export interface OpenApiOptions {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
}

/** Serves the service's OpenAPI document at /api/openapi.json and Swagger UI at /api/docs. */
export function setupOpenApi(app: INestApplication, { title, version, description }: OpenApiOptions): OpenAPIObject {
  const builder = new DocumentBuilder().setTitle(title).setVersion(version);
  if (description) builder.setDescription(description);
  const document = SwaggerModule.createDocument(app, builder.build());
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', yamlDocumentUrl: 'api/openapi.yaml' });
  return document;
}
