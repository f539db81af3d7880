import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { detectLegacyEncoding, encodingFromBom, utf16WithoutBom } from '../../src/corpus/io/detectEncoding.js';
import { decodeAnyDocument } from '../../src/corpus/io/readDocument.js';

const RUSSIAN = 'Привет, как дела? Всё хорошо, спасибо. Это текст на русском языке, и его достаточно много.\n';
const JAPANESE = '日本語のテキストです。東京都の天気は晴れです。明日も晴れるでしょう。\n';
const CHINESE = '中华人民共和国成立于一九四九年，首都北京。这是一个测试文本，用来检测编码。\n';

describe('detectEncoding', () => {
  it('reads byte-order marks of UTF-16 and UTF-32', () => {
    assert.equal(encodingFromBom(Buffer.from([0xff, 0xfe, 0x41, 0x00]))?.encoding, 'utf-16le');
    assert.equal(encodingFromBom(Buffer.from([0xfe, 0xff, 0x00, 0x41]))?.encoding, 'utf-16be');
    assert.equal(encodingFromBom(Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0]))?.encoding, 'utf-32le');
    assert.equal(encodingFromBom(Buffer.from('plain')), null);
  });

  it('recognises UTF-16 without a byte-order mark by its NUL bytes', () => {
    assert.equal(utf16WithoutBom(iconv.encode('Hello “world” — naïve café\n', 'utf-16le'))?.encoding, 'utf-16le');
    assert.equal(utf16WithoutBom(iconv.encode('Hello world, plain text\n', 'utf-16be'))?.encoding, 'utf-16be');
    assert.equal(utf16WithoutBom(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a, 0xff])), null);
  });

  it('guesses legacy single- and double-byte encodings', () => {
    assert.equal(detectLegacyEncoding(iconv.encode(RUSSIAN, 'windows-1251')).encoding, 'windows-1251');
    assert.equal(detectLegacyEncoding(iconv.encode(RUSSIAN, 'koi8-r')).encoding, 'KOI8-R');
    assert.equal(detectLegacyEncoding(iconv.encode(JAPANESE, 'shift_jis')).encoding, 'Shift_JIS');
    assert.equal(detectLegacyEncoding(iconv.encode(JAPANESE, 'euc-jp')).encoding, 'EUC-JP');
    assert.equal(detectLegacyEncoding(iconv.encode(CHINESE, 'gbk')).encoding, 'gb18030');
    assert.equal(detectLegacyEncoding(iconv.encode(CHINESE, 'big5')).encoding, 'Big5');
  });

  it('reads Latin-1 as windows-1252, so that 0x80–0x9F are quotes and dashes', () => {
    const doc = decodeAnyDocument(Buffer.from('na\xefve caf\xe9 \x93quoted\x94 \x96 dash\n', 'latin1'), 'x.txt');
    assert.equal(doc.text, 'naïve café “quoted” – dash\n');
    assert.equal(doc.decodedAs?.encoding, 'windows-1252');
  });

  it('leaves UTF-8 alone and says nothing about it', () => {
    const doc = decodeAnyDocument(Buffer.from('\ufeffnaïve “UTF-8”\n'), 'x.txt');
    assert.equal(doc.text, 'naïve “UTF-8”\n');
    assert.equal(doc.decodedAs, undefined);
  });

  it('obeys an explicit encoding, and utf-8 means strictly UTF-8', () => {
    const bytes = iconv.encode(RUSSIAN, 'windows-1251');
    assert.equal(decodeAnyDocument(bytes, 'x.txt', 'windows-1251').text, RUSSIAN);
    assert.throws(() => decodeAnyDocument(bytes, 'x.txt', 'utf-8'), /x\.txt:1:1: invalid UTF-8/);
  });

  it('still rejects binary data', () => {
    assert.throws(() => decodeAnyDocument(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a, 0xff]), 'b.bin'), /binary data/);
  });
});
