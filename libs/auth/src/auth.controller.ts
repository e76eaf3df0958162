import { Body, Controller, Get, HttpCode, Ip, Patch, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiErrors } from '@roundtable/common';
import { AccountsService } from './accounts.service';
import { AuthErrorCode as E } from './auth-error';
import { AuthService } from './auth.service';
import { AuthUser } from './auth-user';
import { Authenticated, CurrentUser, Public } from './decorators';
import {
  ChangePasswordDto,
  EmailDto,
  LoginDto,
  ResetPasswordDto,
  SignupDto,
  TokenDto,
  UpdateMeDto,
} from './dto/signup.dto';
import { AcceptedResponseDto, TokenResponseDto, UserResponseDto } from './dto/user-response.dto';

const CHECK_YOUR_MAIL: AcceptedResponseDto = { message: 'If this address can receive it, a mail is on its way' };
const TOO_MANY_MAILS = 'Too many mails to this address this hour (RATE_LIMITED, with Retry-After)';
const BAD_LINK = 'The token was never issued (LINK_INVALID)';
const GONE_LINK = 'The token was already used or superseded (LINK_USED), or has expired (LINK_EXPIRED)';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
  ) {}

  @Public()
  @Post('auth/signup')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Create an account; a confirmation link is mailed',
    description:
      'The answer is the same whether or not the address already has an account (its owner is mailed instead). ' +
      'The new account can log in at once, but nothing offered to its address applies until it is confirmed.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponseDto })
  @ApiTooManyRequestsResponse({ description: TOO_MANY_MAILS })
  @ApiErrors(E.RateLimited)
  async signup(@Body() dto: SignupDto): Promise<AcceptedResponseDto> {
    await this.accounts.signup(dto);
    return CHECK_YOUR_MAIL;
  }

  @Public()
  @Post('auth/verify-email')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the address with the token from the mail; returns a fresh session' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiBadRequestResponse({ description: BAD_LINK })
  @ApiGoneResponse({ description: GONE_LINK })
  @ApiErrors(E.LinkInvalid, E.LinkUsed, E.LinkExpired)
  verifyEmail(@Body() dto: TokenDto): Promise<TokenResponseDto> {
    return this.accounts.verifyEmail(dto.token);
  }

  @Post('auth/verify-email/resend')
  @Authenticated()
  @HttpCode(202)
  @ApiOperation({ summary: 'Mail the signed-in account another confirmation link (nothing if already confirmed)' })
  @ApiAcceptedResponse({ type: AcceptedResponseDto })
  @ApiTooManyRequestsResponse({ description: TOO_MANY_MAILS })
  @ApiErrors(E.RateLimited)
  async resendVerification(@CurrentUser() user: AuthUser): Promise<AcceptedResponseDto> {
    await this.accounts.resendVerification(user);
    return CHECK_YOUR_MAIL;
  }

  @Public()
  @Post('auth/forgot-password')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a single-use password-reset link, valid 30 minutes',
    description: 'The answer is the same whether or not the address has an account.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponseDto })
  @ApiTooManyRequestsResponse({ description: TOO_MANY_MAILS })
  @ApiErrors(E.RateLimited)
  async forgotPassword(@Body() dto: EmailDto): Promise<AcceptedResponseDto> {
    await this.accounts.forgotPassword(dto.email);
    return CHECK_YOUR_MAIL;
  }

  @Public()
  @Post('auth/reset-password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set a new password with the token from the mail; every session ends, a new one is returned',
  })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiBadRequestResponse({ description: BAD_LINK })
  @ApiGoneResponse({ description: GONE_LINK })
  @ApiErrors(E.LinkInvalid, E.LinkUsed, E.LinkExpired)
  resetPassword(@Body() dto: ResetPasswordDto): Promise<TokenResponseDto> {
    return this.accounts.resetPassword(dto);
  }

  @Post('auth/change-password')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change the password (the current one is needed); every session ends, a new one is returned',
  })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiForbiddenResponse({ description: 'The current password is wrong (WRONG_PASSWORD)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts, counted with the logins (RATE_LIMITED)' })
  @ApiErrors(E.WrongPassword, E.RateLimited)
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Ip() ip: string,
  ): Promise<TokenResponseDto> {
    return this.accounts.changePassword(user, dto, ip);
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password; returns a bearer token' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({ description: 'Email or password is wrong (INVALID_CREDENTIALS)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this email from this address, or in all' })
  @ApiErrors(E.InvalidCredentials, E.RateLimited)
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<TokenResponseDto> {
    return this.auth.login(dto, ip);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponseDto })
  me(@CurrentUser() user: AuthUser): UserResponseDto {
    return UserResponseDto.from(user);
  }

  @Patch('me')
  @Authenticated()
  @ApiOperation({
    summary: 'Change your name, language or home time zone',
    description: 'The language applies to the web app and to every mail sent to you from now on.',
  })
  @ApiOkResponse({ type: UserResponseDto })
  async updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.accounts.updateProfile(user, dto));
  }
}
