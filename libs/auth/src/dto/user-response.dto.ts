import { ApiProperty } from '@nestjs/swagger';
import { AuthUser } from '../auth-user';

export class UserResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({
    description: 'Whether the address has been confirmed; until then nothing offered to it by e-mail applies',
  })
  emailVerified: boolean;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['zh', 'ru', 'en'] }) locale: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ enum: ['admin'], nullable: true, type: String }) platformRole: 'admin' | null;

  static from(user: AuthUser): UserResponseDto {
    return Object.assign(new UserResponseDto(), {
      id: user.id,
      email: user.email,
      emailVerified: user.emailVerified,
      name: user.name,
      locale: user.locale,
      timeZone: user.timeZone,
      platformRole: user.platformRole,
    });
  }
}

export class TokenResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: UserResponseDto }) user: UserResponseDto;
}

export class AcceptedResponseDto {
  @ApiProperty({ example: 'If this address can receive it, a mail is on its way' })
  message: string;
}
