import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsSingleLine, IsTimeZone, LOCALES, Locale } from '@roundtable/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class SignupDto {
  @ApiProperty({ example: 'li.wei@jiangxi-logistics.cn' })
  @Transform(trimLower)
  @IsEmail({ allow_display_name: false, allow_ip_domain: false })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Li Wei 李伟' })
  @IsSingleLine(1, 200)
  name: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'en' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Asia/Shanghai', default: 'UTC' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

export class LoginDto {
  @ApiProperty({ example: 'organiser@roundtable.example', description: 'The demo’s organiser (see the README)' })
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'roundtable-demo', description: 'Every demo account’s password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class EmailDto {
  @ApiProperty({ example: 'li.wei@jiangxi-logistics.cn' })
  @Transform(trimLower)
  @IsEmail({ allow_display_name: false, allow_ip_domain: false })
  @MaxLength(254)
  email: string;
}

/** A token from a mailed link (43 characters of base64url). */
export class TokenDto {
  @ApiProperty({ description: 'The token from the link in the mail' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}

export class ResetPasswordDto extends TokenDto {
  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

/** The account's own settings; only what is sent changes. */
export class UpdateMeDto {
  @ApiPropertyOptional({ example: 'Li Wei 李伟' })
  @IsOptional()
  @IsSingleLine(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'The language of the web app and of every mail to this account' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Europe/Moscow', description: 'The home time zone, shown beside the event’s time' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}
