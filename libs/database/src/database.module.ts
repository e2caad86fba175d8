import { Global, Module } from '@nestjs/common';
import { PreparedStatements } from './prepared-statements';
import { PrismaService } from './prisma.service';

@Global()
@Module({ providers: [PrismaService, PreparedStatements], exports: [PrismaService, PreparedStatements] })
export class DatabaseModule {}
