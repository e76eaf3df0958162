export { accountLines, DEMO_PASSWORD, DEMO_SLUG, DemoSeedService } from './demo-seed.service';
export type { DemoLogins } from './demo-seed.service';
export { DemoModule } from './demo.module';
