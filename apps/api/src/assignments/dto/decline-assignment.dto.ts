import { IsOptional, IsString, MaxLength } from 'class-validator';

export class DeclineAssignmentDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
