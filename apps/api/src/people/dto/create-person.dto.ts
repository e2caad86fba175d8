import { IntersectionType, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

export const ROLES = ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'] as const;

// Names are shown in dashboards: control characters never belong in them.
const cleanName = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').replace(/\p{Cc}/gu, '').trim() : value;
const lowerTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.normalize('NFC').trim() : v)) : value;
const lowerEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value;

export class CreatePersonDto {
  @Transform(cleanName)
  @IsString()
  @Length(1, 200)
  name!: string;

  @Transform(lowerTrim)
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: (typeof ROLES)[number];

  @IsOptional()
  @Transform(lowerEach)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  topics?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2,3}(-[A-Z]{2})?$/, { each: true, message: 'languages must be ISO 639 codes such as "en"' })
  languages?: string[];

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  capacity?: number;

  /** The most the person may set their own capacity to (default: capacity). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  maxCapacity?: number;

  /** Declared conflicts of interest: people, organisations, places or outlets, matched case-insensitively. */
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  conflicts?: string[];
}

/** PATCH /me: what anyone may change about themselves. null clears a window bound. */
export class PatchSelfDto extends PartialType(PickType(CreatePersonDto, ['capacity', 'conflicts'] as const)) {
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDateString({ strict: true }, { message: 'availableFrom must be an ISO 8601 time or null' })
  availableFrom?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDateString({ strict: true }, { message: 'availableUntil must be an ISO 8601 time or null' })
  availableUntil?: string | null;
}

/** PATCH /people/:id (admin): everything about a person but their email, all optional. */
export class PatchPersonDto extends IntersectionType(PartialType(OmitType(CreatePersonDto, ['email'] as const)), PatchSelfDto) {
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateTokenDto {
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  /** The token stops working this many days after it is made; none: until revoked. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}
