import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AgreementsModule } from '@roundtable/agreements';
import { AuthModule } from '@roundtable/auth';
import { LoggingModule } from '@roundtable/common';
import { loadConfig, RoundtableConfigModule } from '@roundtable/config';
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

export interface AppModuleOptions {
  /** Also run the worker's processors in this process (`npm start`). */
  allInOne: boolean;
}

/**
 * Whether DB_READ_HOSTS names read replicas. Without them ReadYourWritesInterceptor has nothing to do, and
 * is not registered: any global interceptor makes Nest wrap every request in two AsyncResource bindings and
 * an rxjs pipeline (measurable on the hot reads), even one that returns `next.handle()` at once.
 */
function readReplicasConfigured(): boolean {
  try {
    return loadConfig().db.readHosts.length > 0;
  } catch {
    // an invalid configuration fails the start-up in RoundtableConfigModule, with its own message
    return false;
  }
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
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        ...(readReplicasConfigured() ? [{ provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor }] : []),
      ],
    };
  }
}
