import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const nfcTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value);

export class EvidenceSourceDto {
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  @MaxLength(2048)
  url!: string;

  @IsOptional()
  @Transform(nfcTrim)
  @IsString()
  @MaxLength(500)
  title?: string;

  @IsOptional()
  @Transform(nfcTrim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class SubmitVerdictDto {
  @IsString()
  @Length(1, 40)
  rating!: string;

  @Transform(nfcTrim)
  @IsString()
  @Length(1, 20_000)
  rationale!: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'sources must list at least one source' })
  @ArrayMaxSize(50)
  // ValidateNested alone lets an inner array through ([[]]); each source must be an object.
  @IsObject({ each: true, message: 'each source must be an object {url, title?, note?}' })
  @ValidateNested({ each: true })
  @Type(() => EvidenceSourceDto)
  sources!: EvidenceSourceDto[];

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  confidence?: number;
}

export class ReturnVerdictDto {
  @Transform(nfcTrim)
  @IsString()
  @Length(1, 5000)
  note!: string;
}
