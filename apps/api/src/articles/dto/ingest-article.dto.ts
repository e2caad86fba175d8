import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'BREAKING'] as const;
export const MAX_ARTICLE_CHARS = 200_000;

const nfc = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC') : value);
const trimmedNfc = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value);

export class IngestArticleDto {
  @Transform(trimmedNfc)
  @IsString()
  @Length(1, 500)
  title!: string;

  // Kept verbatim apart from NFC: claim spans index into exactly this text.
  @Transform(nfc)
  @IsString()
  @Length(1, MAX_ARTICLE_CHARS)
  @Matches(/\S/, { message: 'body must contain text' })
  body!: string;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  @MaxLength(2048)
  url?: string;

  @IsOptional()
  @Transform(trimmedNfc)
  @IsString()
  @Length(1, 200)
  outlet?: string;

  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'language must be an ISO 639 code such as "en" or "pt-BR"' })
  language?: string;

  @IsOptional()
  @IsDateString({ strict: true }, { message: 'publishedAt must be an ISO 8601 date' })
  publishedAt?: string;

  @IsOptional()
  @IsIn(PRIORITIES, { message: `priority must be one of ${PRIORITIES.join(', ')}` })
  priority?: (typeof PRIORITIES)[number];
}
