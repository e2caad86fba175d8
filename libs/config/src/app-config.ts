import { Injectable } from '@nestjs/common';
import type { Env } from './env.schema';

/** The validated environment, injected wherever a setting is read. */
@Injectable()
export class AppConfig {
  constructor(readonly env: Env) {}
}
