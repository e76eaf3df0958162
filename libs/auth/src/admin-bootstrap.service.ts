import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { newId } from '@roundtable/common';
import { AppConfig, ConfigError } from '@roundtable/config';
import { isDuplicateKey } from '@roundtable/database';
import { Repository } from 'typeorm';
import { User } from './entities/user.entity';
import { hashPassword, verifyPassword } from './password';

/**
 * Makes sure the platform admin named by ADMIN_EMAIL exists: creates the
 * account with ADMIN_PASSWORD, or promotes an existing one only when
 * ADMIN_PASSWORD is its password (whoever signed up with that address first
 * must not become admin). Otherwise start-up stops with one line saying so.
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
    if (await this.promote(adminEmail, adminPassword)) return;
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
      await this.promote(adminEmail, adminPassword);
    }
  }

  /** False when there is no such account; throws when there is one and ADMIN_PASSWORD is not its password. */
  private async promote(email: string, password: string): Promise<boolean> {
    const existing = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    if (!existing) return false;
    if (!(await verifyPassword(existing.passwordHash, password))) {
      throw new ConfigError(
        `Invalid configuration: ADMIN_EMAIL ${email} already has an account whose password is not ADMIN_PASSWORD, so it was not made platform admin (set ADMIN_PASSWORD to that account's password, or choose another ADMIN_EMAIL)`,
      );
    }
    if (existing.platformRole !== 'admin') {
      await this.users.update({ id: existing.id }, { platformRole: 'admin' });
      this.logger.log(`Promoted ${email} to platform admin`);
    }
    return true;
  }
}
