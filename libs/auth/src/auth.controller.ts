import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AuthService } from './auth.service';
import { AuthUser } from './auth-user';
import { Authenticated, CurrentUser, Public } from './decorators';
import { LoginDto, SignupDto } from './dto/signup.dto';
import { TokenResponseDto, UserResponseDto } from './dto/user-response.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/signup')
  @ApiOperation({ summary: 'Create an account; returns a bearer token' })
  signup(@Body() dto: SignupDto): Promise<TokenResponseDto> {
    return this.auth.signup(dto);
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password; returns a bearer token' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this email or address' })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<TokenResponseDto> {
    return this.auth.login(dto, ip);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentUser() user: AuthUser): UserResponseDto {
    return UserResponseDto.from(user);
  }
}
