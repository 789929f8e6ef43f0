import { Controller, Get, OnModuleInit, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance, FastifyReply } from 'fastify';
import { stringify } from 'yaml';
import { buildOpenApiDocument } from '@switchyard/openapi';
import { Public } from '../auth/access';
import { GatewayConfig } from '../gateway.config';

/**
 * The API document (libs/openapi), built once at boot with this gateway's limits (its upload limit,
 * the JSON body limit its NATS gives), and served to anyone, as JSON and as YAML.
 */
@Controller()
@Public()
export class OpenApiController implements OnModuleInit {
  private json = '';
  private yaml = '';

  constructor(
    private readonly config: GatewayConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const document = buildOpenApiDocument({
      maxUploadBytes: this.config.SWITCHYARD_MAX_UPLOAD_BYTES,
      jsonBodyBytes: fastify.initialConfig.bodyLimit ?? null,
    });
    this.json = JSON.stringify(document);
    this.yaml = stringify(document);
  }

  @Get('openapi.json')
  openApiJson(@Res() reply: FastifyReply): void {
    void reply.type('application/json; charset=utf-8').send(this.json);
  }

  @Get('openapi.yaml')
  openApiYaml(@Res() reply: FastifyReply): void {
    void reply.type('application/yaml; charset=utf-8').send(this.yaml);
  }
}
