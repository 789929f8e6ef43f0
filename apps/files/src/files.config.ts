import { IsInt, Max, Min } from 'class-validator';
import { StorageServiceConfig } from '@switchyard/config';

export class FilesConfig extends StorageServiceConfig {
  /** how often one replica removes expired files and orphaned objects */
  @IsInt() @Min(1000) SWITCHYARD_FILE_SWEEP_INTERVAL_MS: number = 60_000;
  /** an object with no file record is an orphan (an upload that crashed) once it is this old */
  @IsInt() @Min(0) @Max(86_400_000) SWITCHYARD_ORPHAN_GRACE_MS: number = 15 * 60_000;
}
