import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { loadConfig } from './configuration';

/** Validates the environment once at boot and exposes the typed config globally. */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [() => ({ ...loadConfig() })],
    }),
  ],
})
export class RoundtableConfigModule {}
