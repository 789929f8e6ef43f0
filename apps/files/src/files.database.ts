import { DataSource } from 'typeorm';
import { openServiceDatabase } from '@switchyard/database';
import { FileEntity } from './entities/file.entity';
import { FilesInitial1763800000000 } from './migrations/1763800000000-files-initial';
import { FilesApi1763900000000 } from './migrations/1763900000000-files-api';
import { FilesRetention1764000000000 } from './migrations/1764000000000-files-retention';

export function openFilesDatabase(url: string, poolSize: number): Promise<DataSource> {
  return openServiceDatabase({
    url,
    schema: 'files',
    poolSize,
    entities: [FileEntity],
    migrations: [FilesInitial1763800000000, FilesApi1763900000000, FilesRetention1764000000000],
  });
}
