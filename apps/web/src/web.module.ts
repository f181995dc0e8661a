import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DatabaseModule, PublicHealthController } from '@tianping/database';
import { AccessGuard } from './access/access.guard';
import { AccessLogController } from './access/access-log.controller';
import { AccessLogRepository } from './access/access-log.repository';
import { AccountRepository } from './accounts/account.repository';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { AuthController } from './auth/auth.controller';
import { AUTH_SETTINGS, AuthService, authSettingsFromEnv } from './auth/auth.service';
import { SESSION_CACHE_SETTINGS, SessionCache, sessionCacheSettingsFromEnv } from './auth/session-cache';
import { SessionRepository } from './auth/session.repository';
import { SIGN_IN_RETENTION, SignInHousekeeping, signInRetentionFromEnv } from './auth/sign-in-housekeeping';
import { createWebDataSource, WEB_SCHEMA } from './database/web.data-source';
import { RegionsController } from './regions/regions.controller';
import { OpenApiController } from './docs/openapi.controller';
import { GatewayController } from './gateway/gateway.controller';
import { InspectionResultsController } from './public/inspection-results.controller';
import { OperationsController } from './operations/operations.controller';
import { OperationsService } from './operations/operations.service';
import { OperatorActionsRepository } from './operations/operator-actions.repository';
import { UpstreamClient } from './gateway/upstream.client';

/** Accounts without HTTP: used by the CLI (`account create`) and the demo seeding. */
@Module({
  imports: [DatabaseModule.forApp({ schema: WEB_SCHEMA, createDataSource: createWebDataSource })],
  providers: [AccountRepository, AccountsService, { provide: SESSION_CACHE_SETTINGS, useFactory: () => sessionCacheSettingsFromEnv() }, SessionCache],
  exports: [AccountsService, AccountRepository, SessionCache, SESSION_CACHE_SETTINGS],
})
export class WebCoreModule {}

/** The web app: pages, sign-in, and the API the pages call, every route checked by the access guard. */
@Module({
  imports: [WebCoreModule],
  // The gateway's catch-all comes last so the web app's own routes match first.
  controllers: [
    PublicHealthController,
    AuthController,
    AccountsController,
    AccessLogController,
    OpenApiController,
    RegionsController,
    OperationsController,
    InspectionResultsController,
    GatewayController,
  ],
  providers: [
    { provide: AUTH_SETTINGS, useFactory: () => authSettingsFromEnv() },
    SessionRepository,
    AuthService,
    { provide: SIGN_IN_RETENTION, useFactory: () => signInRetentionFromEnv() },
    SignInHousekeeping,
    AccessLogRepository,
    UpstreamClient,
    OperationsService,
    OperatorActionsRepository,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class WebModule {}
