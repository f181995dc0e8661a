import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';

/**
 * A posted export is read at the pace its batches are written, so a large one takes longer to
 * receive than Node's default 5 minutes for a whole request (it would be cut off with 408 halfway).
 * The limit on receiving a request is lifted for intake; the one on its headers stays.
 */
@Injectable()
export class ExportUploadTimeout implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server) server.requestTimeout = 0;
  }
}
