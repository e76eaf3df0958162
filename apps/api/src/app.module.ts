import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AgreementsModule } from '@roundtable/agreements';
import { AuthModule } from '@roundtable/auth';
import { LoggingModule } from '@roundtable/common';
import { RoundtableConfigModule } from '@roundtable/config';
import { DatabaseModule } from '@roundtable/database';
import { DemoModule } from '@roundtable/demo';
import { EventsModule } from '@roundtable/events';
import { NotificationsModule } from '@roundtable/notifications';
import { QueueModule } from '@roundtable/queue';
import { RegistrationsModule } from '@roundtable/registrations';
import { MeetingsModule } from '@roundtable/meetings';
import { RecommendationsModule } from '@roundtable/recommendations';
import { WorkerModule } from '@roundtable/worker';
import { HttpExceptionFilter } from './errors/http-exception.filter';
import { DashboardModule } from './dashboard/dashboard.module';
import { HealthModule } from './health/health.module';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';
import { webAppModules } from './web-app';

export interface AppModuleOptions {
  /** Also run the worker's processors in this process (`npm start`). */
  allInOne: boolean;
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RoundtableConfigModule,
        LoggingModule,
        DatabaseModule,
        QueueModule,
        AuthModule,
        NotificationsModule,
        EventsModule,
        RegistrationsModule,
        MeetingsModule,
        AgreementsModule,
        RecommendationsModule,
        DemoModule,
        HealthModule,
        DashboardModule,
        ...(options.allInOne ? [WorkerModule] : []),
        ...webAppModules(),
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
      ],
    };
  }
}
