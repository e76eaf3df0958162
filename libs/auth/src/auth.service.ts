import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { CommonError, newId } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { isDuplicateKey } from '@roundtable/database';
import { Repository } from 'typeorm';
import { AuthError, AuthErrorCode } from './auth-error';
import { AuthUser, toAuthUser } from './auth-user';
import { LoginDto, SignupDto } from './dto/signup.dto';
import { TokenResponseDto, UserResponseDto } from './dto/user-response.dto';
import { User } from './entities/user.entity';
import { LoginRateLimiter } from './login-rate-limiter';
import { decoyHash, hashPassword, verifyPassword } from './password';

interface TokenPayload {
  sub: string;
}

/** Accounts and tokens: sign-up, login, and turning a bearer token back into a user. */
@Injectable()
export class AuthService {
  private readonly ttlSeconds: number;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly rateLimiter: LoginRateLimiter,
    config: ConfigService<AppConfig, true>,
  ) {
    this.ttlSeconds = config.get('auth.jwtTtlSeconds', { infer: true });
  }

  async signup(dto: SignupDto): Promise<TokenResponseDto> {
    const user = this.users.create({
      id: newId(),
      email: dto.email,
      passwordHash: await hashPassword(dto.password),
      name: dto.name.trim(),
      locale: dto.locale ?? 'en',
      timeZone: dto.timeZone ?? 'UTC',
      platformRole: null,
    });
    try {
      await this.users.insert(user);
    } catch (error) {
      if (isDuplicateKey(error, 'uq_users_email')) {
        throw new AuthError(AuthErrorCode.EmailTaken, 'An account with this email already exists');
      }
      throw error;
    }
    return this.issueToken(toAuthUser(user));
  }

  async login(dto: LoginDto, ip: string): Promise<TokenResponseDto> {
    await this.rateLimiter.countAttempt(dto.email, ip);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: dto.email })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), dto.password);
    if (!user || !ok) throw new AuthError(AuthErrorCode.InvalidCredentials, 'Email or password is wrong');
    await this.rateLimiter.succeeded(dto.email, ip);
    return this.issueToken(toAuthUser(user));
  }

  /** Verifies a bearer token and loads its user; any problem is one 401. */
  async authenticate(token: string): Promise<AuthUser> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new AuthError(AuthErrorCode.InvalidToken, expired ? 'Token has expired' : 'Token is not valid');
    }
    const user = typeof payload.sub === 'string' ? await this.users.findOneBy({ id: payload.sub }) : null;
    if (!user) throw new AuthError(AuthErrorCode.InvalidToken, 'Token is not valid');
    return toAuthUser(user);
  }

  async findUser(id: string): Promise<AuthUser> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw CommonError.notFound('User');
    return toAuthUser(user);
  }

  private async issueToken(user: AuthUser): Promise<TokenResponseDto> {
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies TokenPayload, {
      expiresIn: this.ttlSeconds,
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.ttlSeconds, user: UserResponseDto.from(user) };
  }
}
