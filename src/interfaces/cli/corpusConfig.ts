import type { MetaLevel, Mode } from '../../corpus/chunk.js';
import type { FormatChoice } from '../../corpus/inputs.js';
import type { BatchConfig } from '../../corpus/run.js';
import type { Shard } from '../../corpus/shard.js';
import { toFixOptions, type RepairFlags } from './repairOptions.js';

/** The flags that say what a corpus's records are and how they are repaired: `batch`'s, which `queue submit` shares. */
export interface RecordFlags extends RepairFlags {
  field: string;
  idField: string;
  lines?: boolean;
  format: FormatChoice;
  mode: Mode;
  meta: MetaLevel;
  shard?: Shard;
  maxLineBytes: number;
  chunkRecords?: number;
}

type RecordPart = 'inputs' | 'format' | 'mode' | 'meta' | 'field' | 'idField' | 'options' | 'maxLineBytes' | 'shard' | 'chunkRecords';

/** A corpus run's configuration: the records' part from the flags, the rest (where output goes, how it runs) from the command. */
export function configFromFlags(inputs: string[], flags: RecordFlags, rest: Omit<BatchConfig, RecordPart>): BatchConfig {
  return {
    inputs,
    format: flags.lines ? 'lines' : flags.format,
    mode: flags.mode,
    meta: flags.meta,
    field: flags.field,
    idField: flags.idField,
    options: toFixOptions(flags),
    maxLineBytes: flags.maxLineBytes,
    shard: flags.shard ?? null,
    ...rest,
    ...(flags.chunkRecords ? { chunkRecords: flags.chunkRecords } : {}),
  };
}
