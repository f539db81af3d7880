import { compressionOf, type InputFile } from './inputs.js';

/** The name a file's output has in an output directory: compressed inputs are written plain, WARC as JSON lines. */
export function outputName(file: InputFile): string {
  const { inner } = compressionOf(file.relative);
  return file.format === 'warc' ? `${inner}.jsonl` : inner;
}
