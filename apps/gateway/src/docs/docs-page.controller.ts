import { Controller, Get, Headers, NotFoundException, Param, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { Public } from '../auth/access';
import { DOCS_PAGE, docsFile } from './docs-page';
import { isUnchanged, ServedFile } from './served-file';

/** The file, or a bodiless 304 to a browser that holds this version of it. */
function answerWith(reply: FastifyReply, file: ServedFile, ifNoneMatch: string | undefined): void {
  const unchanged = isUnchanged(ifNoneMatch, file);
  void reply
    .headers(file.headers)
    .status(unchanged ? 304 : 200)
    .send(unchanged ? undefined : file.body);
}

/** The interactive API reference: Swagger UI from the installed package, on the document at /openapi.json. */
@Controller('docs')
@Public()
export class DocsPageController {
  @Get()
  page(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): void {
    answerWith(reply, DOCS_PAGE, ifNoneMatch);
  }

  /** Only the files docs-page.ts names; any other name is a 404, as a path no route serves. */
  @Get(':file')
  async file(
    @Param('file') name: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = docsFile(name);
    if (file === null) throw new NotFoundException();
    answerWith(reply, await file, ifNoneMatch);
  }
}
