import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { newId } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { isDuplicateKey } from '@roundtable/database';
import { Repository } from 'typeorm';
import { User } from './entities/user.entity';
import { hashPassword } from './password';

/**
 * Makes sure the platform admin named by ADMIN_EMAIL exists: creates the
 * account with ADMIN_PASSWORD, or promotes an existing one (its password is
 * left alone, so a changed password survives restarts).
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config.get('auth', { infer: true });
    if (!adminEmail || !adminPassword) return;
    const promoted = await this.users.update({ email: adminEmail }, { platformRole: 'admin' });
    if ((promoted.affected ?? 0) > 0) return;
    try {
      await this.users.insert({
        id: newId(),
        email: adminEmail,
        passwordHash: await hashPassword(adminPassword),
        name: 'Platform admin',
        locale: 'en',
        timeZone: 'UTC',
        platformRole: 'admin',
      });
      this.logger.log(`Created platform admin ${adminEmail}`);
    } catch (error) {
      // another process created it at the same moment
      if (!isDuplicateKey(error)) throw error;
      await this.users.update({ email: adminEmail }, { platformRole: 'admin' });
    }
  }
}
