import { IsInt, Max, Min } from 'class-validator';
import { StorageServiceConfig } from '@switchyard/config';

export class FilesConfig extends StorageServiceConfig {
  /** how often one replica removes expired files and orphaned objects */
  @IsInt() @Min(1000) SWITCHYARD_FILE_SWEEP_INTERVAL_MS: number = 60_000;
  /**
   * An object with no file record is an orphan (its upload's process died between storing and
   * registering) once it is this old. Objects appear only when an upload completes and are
   * registered milliseconds later, so this can be short; in-progress uploads are never objects.
   */
  @IsInt() @Min(0) @Max(86_400_000) SWITCHYARD_ORPHAN_GRACE_MS: number = 60_000;
  /**
   * A deleted or expired file keeps its bytes this long before the sweeper removes them, so a
   * batch created from it just before can still read its input.
   */
  @IsInt() @Min(0) SWITCHYARD_DELETED_FILE_RETENTION_MS: number = 3_600_000;
}
