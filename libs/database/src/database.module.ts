import { Global, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@roundtable/config';
import { DataSource } from 'typeorm';
import { ensureDatabase } from './ensure-database';
import { prepareDataSource } from './prepare-data-source';
import { ReadReplicas } from './read-replicas';
import { dataSourceOptions } from './typeorm-options';

@Injectable()
class DatabasePreparer implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async onModuleInit(): Promise<void> {
    const runMigrations = this.config.get('db.runMigrations', { infer: true });
    await prepareDataSource(this.dataSource, { runMigrations, logger: this.logger });
  }
}

/**
 * Owns the connection to MySQL: creates the database if missing, runs pending
 * migrations under a server-side lock (several processes may start at once),
 * pins every pooled session to UTC. Modules that import it are initialised
 * after it, so they see a migrated schema.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: async (config: ConfigService<AppConfig, true>) => {
        const db = config.get('db', { infer: true });
        const flavour = await ensureDatabase(db);
        return { ...dataSourceOptions(db, flavour), autoLoadEntities: true, retryAttempts: 2, retryDelay: 1000 };
      },
    }),
  ],
  providers: [DatabasePreparer, ReadReplicas],
  exports: [ReadReplicas],
})
export class DatabaseModule {}
