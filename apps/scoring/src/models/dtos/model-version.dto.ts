import { IsString, Matches, MaxLength } from 'class-validator';

export class ModelVersionParam {
  @IsString() @MaxLength(200) @Matches(/^[\w.@+-]+$/) version!: string;
}
