export { RoundtableConfigModule } from './config.module';
export type { AppConfig } from './configuration';
export { ConfigError, loadConfig } from './configuration';
export { loadEnvFileIfPresent } from './env-file';
