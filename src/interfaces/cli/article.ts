import { Option, type Command } from 'commander';
import { ARTICLE_FORMATS, type ArticleFormat } from '../../article/format.js';
import { InputError } from '../../corpus/io/errors.js';
import { Output } from '../../corpus/io/output.js';
import { readBytes, sourceName } from '../../corpus/io/readDocument.js';

interface ArticleFlags {
  format: ArticleFormat;
  input: 'auto' | 'html' | 'text';
  charset?: string;
  url?: string;
  lang?: string;
  quotes: boolean;
}

export function registerArticle(program: Command): void {
  program
    .command('article')
    .description('turn news pages (HTML, .html.gz) or scraped text into clean articles: title, metadata, paragraphs, removed boilerplate')
    .argument('[files...]', 'pages or text files; - or nothing for standard input')
    .addOption(new Option('--format <format>', 'json (one object per line), md or text').choices(ARTICLE_FORMATS).default('json'))
    .addOption(new Option('--input <kind>', 'how to read the input').choices(['auto', 'html', 'text']).default('auto'))
    .option('--charset <name>', 'charset from the HTTP header, used before the page\'s meta tag')
    .option('--url <url>', 'the page\'s URL, when the page does not name its canonical one')
    .option('--lang <code>', 'language of the article; detected when absent')
    .option('--no-quotes', 'skip who-said-what (quotations, speakers, people, organisations, places)')
    .action(async (files: string[], flags: ArticleFlags) => {
      // The extractor and the language models take most of a second to load: only when asked for.
      const { formatArticle, PageDecodeError, toArticle } = await import('../../article/index.js');
      const { attributeArticle, formatAttribution } = await import('../../attribution/index.js');
      const inputs = files.length === 0 ? ['-'] : files;
      const out = new Output(process.stdout);
      for (const [i, path] of inputs.entries()) {
        const source = sourceName(path);
        const bytes = await readBytes(path);
        let article;
        try {
          article = toArticle(bytes, { source, input: flags.input, charset: flags.charset, url: flags.url, lang: flags.lang });
        } catch (err) {
          if (err instanceof PageDecodeError) throw new InputError(source, err.message);
          throw err;
        }
        let text: string;
        if (flags.quotes) {
          const attributed = attributeArticle(article);
          text = formatArticle(attributed, flags.format) + (flags.format === 'json' ? '' : formatAttribution(attributed, flags.format));
        } else {
          text = formatArticle(article, flags.format);
        }
        if (flags.format === 'json') await out.write(`${text}\n`);
        else await out.write(i > 0 ? `\n${text}` : text);
      }
      await out.flush();
    });
}
