import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { chartDocx } from '../../src/lib/chartDocx.ts';

// A 1×1 white PNG: the document's layout does not depend on the picture.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

async function documentXml(buf: Buffer): Promise<{ xml: string; files: string[] }> {
  const zip = await JSZip.loadAsync(buf);
  return { xml: await zip.file('word/document.xml')!.async('string'), files: Object.keys(zip.files) };
}

test('the DOCX has the numbered caption, the picture with alt text, the source line and the sample-data marker', async () => {
  const buf = await chartDocx({ lang: 'zh', title: '本区钻石进出口额', subtitle: '进出口合计；美元', summary: '2024年……', sourceLine: '数据来源：海关统计。数据截至2025年12月31日。', synthetic: true, png: PNG, width: 800, height: 400 });
  const { xml, files } = await documentXml(buf);
  assert.ok(files.some((f) => /^word\/media\/.+\.png$/.test(f)), 'the PNG is embedded');
  assert.match(xml, /本区钻石进出口额/);
  assert.match(xml, /SEQ 图/, 'Word renumbers the figure');
  assert.match(xml, /数据来源：海关统计/);
  assert.match(xml, /示例数据 \/ Sample data/);
  assert.match(xml, /descr="2024年……"/);
});

test('real data carries no sample-data marker', async () => {
  const buf = await chartDocx({ lang: 'en', title: 'World rough diamond production', summary: 'In 2024 …', sourceLine: 'Source: Kimberley Process.', synthetic: false, png: PNG, width: 800, height: 400 });
  const { xml } = await documentXml(buf);
  assert.match(xml, /World rough diamond production/);
  assert.match(xml, /SEQ Figure/);
  assert.doesNotMatch(xml, /Sample data|示例数据/);
});
