import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { DomainError } from '@switchyard/contracts';
import { Public } from '../auth/access';
import { isUnchanged, ServedFile } from '../docs/served-file';
import { ConsoleFiles, ConsoleNotBuilt } from './console-files';

function answerWith(reply: FastifyReply, file: ServedFile, ifNoneMatch: string | undefined): void {
  const unchanged = isUnchanged(ifNoneMatch, file);
  void reply
    .headers(file.headers)
    .status(unchanged ? 304 : 200)
    .send(unchanged ? undefined : file.body);
}

/**
 * The web console (apps/console), from the same origin as the API: its one page at `/` (hash
 * routing: the console's own paths never reach the server) and its built files under `/assets/`.
 */
@Controller()
@Public()
export class ConsoleController {
  constructor(private readonly files: ConsoleFiles) {}

  @Get()
  async page(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    try {
      answerWith(reply, await this.files.index(), ifNoneMatch);
    } catch (error) {
      if (error instanceof ConsoleNotBuilt) throw new DomainError('not_found', error.message, null, 404);
      throw error;
    }
  }

  @Get('assets/:file')
  async asset(
    @Param('file') name: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.files.asset(name);
    if (file === null) {
      throw new DomainError(
        'not_found',
        `Unknown console file: /assets/${name} (the console's page names the files of its current build)`,
        null,
        404,
      );
    }
    answerWith(reply, file, ifNoneMatch);
  }
}
