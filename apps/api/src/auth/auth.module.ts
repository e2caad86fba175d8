import { Module } from '@nestjs/common';
import { CoreModule } from '@claimdesk/core';
import { TokenCache } from './token-cache';

@Module({ imports: [CoreModule], providers: [TokenCache], exports: [TokenCache] })
export class AuthModule {}
