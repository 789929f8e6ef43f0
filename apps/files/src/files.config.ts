import { IsInt, Max, Min } from 'class-validator';
import { StorageServiceConfig } from '@switchyard/config';

export class FilesConfig extends StorageServiceConfig {
  /** uploads above this are refused while they stream (VALIDATION_4016) */
  @IsInt() @Min(1) @Max(10 * 1024 * 1024 * 1024) SWITCHYARD_MAX_UPLOAD_BYTES: number = 105 * 1024 * 1024;
}
